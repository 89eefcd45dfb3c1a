/**
 * npm run bench: the cost of the handler layer (validation, identity, permission, mapping) over the
 * raw store operation each handler wraps, at 1k and 10k stored cases. Handler and raw samples are
 * interleaved so that machine noise hits both alike; compare the ratios, not the milliseconds.
 */
import { performance } from 'node:perf_hooks'
import { DiskFileStore } from '../backend/adapters/disk.files'
import { SqliteStore } from '../backend/adapters/sqlite.store'
import type { Deps } from '../backend/handlers/context'
import { caseIdFor } from '../backend/handlers/cases'
import { runFunction } from '../backend/handlers/dispatch'
import { newCase } from '../core/case/create'
import { submitCaseInput } from '../core/case/case.schemas'
import { formatCaseNumber } from '../core/case/number'
import { newResident } from '../core/user/user'
import type { Case } from '../core/case/case'
import { tempDir } from '../test/support/temp-dir'

const RESIDENTS = 200
const SAMPLES = 400
const WARMUP = 40
const AREA = 'bench-area'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

function event(i: number, resident: number) {
  return {
    action: 'submit',
    clientRequestId: `bench-${resident}-${i}-${Math.random().toString(36).slice(2, 10)}`,
    category: '人居环境',
    urgency: 'normal',
    description: `第${i}条：小区门口路灯不亮，晚上出行不便，请尽快维修。`,
    areaUnitId: AREA,
    reporter: { name: '测试居民', phone: '13812345678' },
  }
}

const residentOpenid = (n: number) => `bench-resident-${n}`

async function seed(deps: Deps, count: number): Promise<Case[]> {
  await deps.store.insert('orgUnits', {
    _id: AREA,
    name: '基准小区',
    kind: 'estate',
    parentId: null,
    ancestorIds: [],
    active: true,
    createdAt: 0,
    version: 1,
  })
  // Every resident exists before the first sample, so a submit never pays for creating its user.
  for (let n = 0; n < RESIDENTS; n++) await deps.store.insert('users', newResident(residentOpenid(n), 0))
  const docs: Case[] = []
  for (let i = 0; i < count; i++) {
    const openid = residentOpenid(i % RESIDENTS)
    const input = submitCaseInput.parse(event(i, i % RESIDENTS))
    const doc = newCase({
      id: caseIdFor(openid, input.clientRequestId),
      areaUnitPath: [AREA],
      number: formatCaseNumber(2026, i + 1),
      input,
      actor: { openid, role: 'resident', unitId: null, name: '' },
      source: 'resident',
      now: Date.UTC(2026, 0, 1) + i * 60_000,
    })
    await deps.store.insert('cases', doc)
    docs.push(doc)
  }
  await deps.store.increment('counters', 'case-number-2026', 'value', count)
  return docs
}

interface Pair {
  name: string
  handler: (i: number) => Promise<unknown>
  raw: (i: number) => Promise<unknown>
}

async function measure(pair: Pair): Promise<{ handler: number[]; raw: number[] }> {
  const handler: number[] = []
  const raw: number[] = []
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    for (const [fn, into] of [
      [pair.handler, handler],
      [pair.raw, raw],
    ] as const) {
      const start = performance.now()
      await fn(i)
      if (i >= WARMUP) into.push(performance.now() - start)
    }
  }
  return { handler: handler.sort((a, b) => a - b), raw: raw.sort((a, b) => a - b) }
}

async function main(): Promise<void> {
  console.log(`民情通基准：处理层相对原始存储操作的开销（每项 ${SAMPLES} 次，交替采样，文件存储）\n`)
  console.log('cases | action   | handler p50 / p95 ms | raw store op p50 / p95 ms | ratio p50 | ratio p95')
  console.log('------|----------|----------------------|---------------------------|-----------|----------')
  for (const count of [1_000, 10_000]) {
    const dir = tempDir('mqt-bench-')
    const deps: Deps = {
      store: await SqliteStore.open(`${dir}/db`),
      files: await DiskFileStore.open(`${dir}/files`),
      clock: { now: () => Date.now() },
      notifier: { send: async () => undefined },
      contentCheck: { check: async (texts) => texts.map(({ key }) => ({ key, verdict: 'pass' })) },
      settings: { bootstrapAdminOpenids: [], rateLimits: [] }, // thousands of reports from a few residents
    }
    const docs = await seed(deps, count)
    const pairs: Pair[] = [
      {
        name: 'submit',
        handler: (i) => runFunction('cases', event(i, i % RESIDENTS), deps, { openid: residentOpenid(i % RESIDENTS) }),
        raw: async (i) => {
          const doc = { ...(docs[i % docs.length] as Case), _id: `raw-${count}-${i}`, number: `raw-${count}-${i}` }
          return deps.store.insert('cases', doc)
        },
      },
      {
        name: 'listMine',
        handler: (i) =>
          runFunction('cases', { action: 'listMine', pageSize: 20 }, deps, { openid: residentOpenid(i % RESIDENTS) }),
        raw: (i) => {
          const filter = { followerOpenids: residentOpenid(i % RESIDENTS) }
          return Promise.all([
            deps.store.query('cases', { filter, sort: [['createdAt', -1]], offset: 0, limit: 20 }),
            deps.store.count('cases', filter),
          ])
        },
      },
      {
        name: 'get',
        handler: (i) => {
          const doc = docs[(i * 7919) % docs.length] as Case
          return runFunction('cases', { action: 'get', id: doc._id }, deps, { openid: doc.createdBy.openid })
        },
        raw: (i) => deps.store.get('cases', (docs[(i * 7919) % docs.length] as Case)._id),
      },
    ]
    for (const pair of pairs) {
      const { handler, raw } = await measure(pair)
      const [h50, h95, r50, r95] = [
        percentile(handler, 50),
        percentile(handler, 95),
        percentile(raw, 50),
        percentile(raw, 95),
      ]
      console.log(
        `${String(count).padStart(5)} | ${pair.name.padEnd(8)} | ${h50.toFixed(3).padStart(8)} / ${h95.toFixed(3).padStart(8)}   | ${r50
          .toFixed(3)
          .padStart(
            8,
          )} / ${r95.toFixed(3).padStart(8)}        | ${(h50 / r50).toFixed(2).padStart(8)}x | ${(h95 / r95).toFixed(2).padStart(7)}x`,
      )
    }
    await deps.store.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
