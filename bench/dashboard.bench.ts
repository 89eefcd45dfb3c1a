/**
 * npm run bench (second part): the 统计看板 and the staff lists at 10k and 100k stored cases, with
 * visits and sign-ins in proportion. History grows, the work in hand does not: the older cases are
 * closed and rated, the last few hundred are open, as in a district that keeps up. What a person
 * works on should not cost more as history grows: the ratio 100k / 10k is what counts (issue 16:
 * every staff list ≤ 2×; the dashboard, which reads rollups, ≤ 1.2×).
 */
import { performance } from 'node:perf_hooks'
import type { Deps } from '../backend/handlers/context'
import { runFunction } from '../backend/handlers/dispatch'
import { engines, inMemory, type Engine } from './engines'
import { benchDeps, HANDLER, SUPERVISOR, seed } from './history'

const SAMPLES = 60
const WARMUP = 10

/** The median time of one call, as `openid` makes it (after a warm-up). */
async function timeCall(deps: Deps, openid: string, fn: string, event: Record<string, unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const start = performance.now()
    const answer = await runFunction(fn, event, deps, { openid })
    if (!answer.ok) throw new Error(`${fn}.${String(event.action)}: ${answer.code}`)
    if (i >= WARMUP) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/** Calls per second of `fn` from `loops` concurrent callers over `ms`. */
async function throughput(ms: number, loops: number, call: () => Promise<unknown>): Promise<number> {
  const until = performance.now() + ms
  let calls = 0
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < until) {
        await call()
        calls += 1
      }
    }),
  )
  return calls / (ms / 1000)
}

async function call(deps: Deps, openid: string, fn: string, event: Record<string, unknown>): Promise<void> {
  const answer = await runFunction(fn, event, deps, { openid })
  if (!answer.ok) throw new Error(`${fn}.${String(event.action)}: ${answer.code}`)
}

/**
 * 查看一条诉求 by 4 callers at once, idle and while two staff lists (辖区全部 and 我的任务) are
 * asked for in two loops without pause: how much a list holds back everyone else.
 */
async function getUnderLists(deps: Deps): Promise<{ idle: number; loaded: number }> {
  const get = () => call(deps, SUPERVISOR.openid, 'cases', { action: 'get', id: 'bench-case-5' })
  const idle = await throughput(2000, 4, get)
  let stop = false
  const listLoop = async (openid: string, event: Record<string, unknown>) => {
    while (!stop) await call(deps, openid, 'cases', event)
  }
  const lists = [
    listLoop(SUPERVISOR.openid, { action: 'listInScope', queue: 'all' }),
    listLoop(HANDLER.openid, { action: 'listMyTasks' }),
  ]
  const loaded = await throughput(2000, 4, get)
  stop = true
  await Promise.all(lists)
  return { idle, loaded }
}

function deps(engine: Engine): Deps {
  return benchDeps(inMemory(engine))
}

async function main(): Promise<void> {
  const chosen = engines()
  console.log(
    `\n统计看板与工作清单：历史增长十倍时的耗时（每项 ${SAMPLES} 次取中位数，内存存储：${chosen.join('、')}）\n`,
  )
  const dashboard = (period: Record<string, unknown>, unitId?: string) => ({
    openid: SUPERVISOR.openid,
    fn: 'stats',
    event: { action: 'dashboard', period, ...(unitId ? { unitId } : {}) },
  })
  const views = [
    { name: '看板 全区 · 本月', ...dashboard({ kind: 'month' }) },
    { name: '看板 全区 · 活动以来', ...dashboard({ kind: 'campaign' }) },
    { name: '看板 办事处 · 本季度', ...dashboard({ kind: 'quarter' }, 'office-1') },
    { name: '待派单', openid: SUPERVISOR.openid, fn: 'cases', event: { action: 'listInScope', queue: 'dispatch' } },
    { name: '辖区全部', openid: SUPERVISOR.openid, fn: 'cases', event: { action: 'listInScope', queue: 'all' } },
    { name: '已超期', openid: SUPERVISOR.openid, fn: 'cases', event: { action: 'listInScope', queue: 'overdue' } },
    { name: '督办', openid: SUPERVISOR.openid, fn: 'cases', event: { action: 'listSupervision' } },
    { name: '我的任务', openid: HANDLER.openid, fn: 'cases', event: { action: 'listMyTasks' } },
    { name: '我的工作', openid: HANDLER.openid, fn: 'fieldwork', event: { action: 'myMonth' } },
    { name: '查看一条诉求', openid: SUPERVISOR.openid, fn: 'cases', event: { action: 'get', id: 'bench-case-5' } },
  ]
  const medians = new Map<string, number>()
  const loads = new Map<string, { idle: number; loaded: number }>()
  for (const count of [10_000, 100_000]) {
    for (const engine of chosen) {
      const context = deps(engine)
      const started = performance.now()
      await seed(context, count)
      console.log(`  ${engine}: 写入 ${((performance.now() - started) / 1000).toFixed(0)} s`)
      for (const view of views) {
        medians.set(`${engine}|${count}|${view.name}`, await timeCall(context, view.openid, view.fn, view.event))
      }
      loads.set(`${engine}|${count}`, await getUnderLists(context))
      await context.store.close()
    }
  }
  const head = chosen.map((engine) => `${engine} 10k | ${engine} 100k | ratio`.padEnd(28)).join(' | ')
  console.log(`\np50 ms                | ${head}`)
  for (const view of views) {
    const cells = chosen.map((engine) => {
      const small = medians.get(`${engine}|10000|${view.name}`) as number
      const large = medians.get(`${engine}|100000|${view.name}`) as number
      return `${small.toFixed(2).padStart(9)} | ${large.toFixed(2).padStart(10)} | ${(large / small).toFixed(2).padStart(5)}x`
    })
    console.log(`${view.name.padEnd(10, '　')} | ${cells.join(' | ')}`)
  }
  console.log('\n查看一条诉求（4 路并发）req/s：空闲 / 两路清单循环同时进行 / 比值')
  for (const [key, { idle, loaded }] of loads) {
    console.log(
      `${key.padEnd(14)} | ${idle.toFixed(0).padStart(6)} | ${loaded.toFixed(0).padStart(6)} | ${((loaded / idle) * 100).toFixed(0)} %`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
