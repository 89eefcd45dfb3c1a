/**
 * npm run bench (second part): the 统计看板 and the staff lists at 10k and 100k stored cases, with
 * visits and sign-ins in proportion. History grows, the work in hand does not: the older cases are
 * closed and rated, the last few hundred are open, as in a district that keeps up. What a person
 * works on should not cost more as history grows: the ratio 100k / 10k is what counts (issue 16:
 * every staff list ≤ 2×; the dashboard, which reads rollups, ≤ 1.2×).
 */
import { performance } from 'node:perf_hooks'
import { EmbeddedStore } from '../backend/adapters/embedded.store'
import type { Deps } from '../backend/handlers/context'
import { runFunction } from '../backend/handlers/dispatch'
import { HANDLER, NOW, SUPERVISOR, seed } from './history'

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

async function main(): Promise<void> {
  console.log(`\n统计看板与工作清单：历史增长十倍时的耗时（每项 ${SAMPLES} 次取中位数，内存存储）\n`)
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
  const medians: Record<string, number[]> = {}
  for (const count of [10_000, 100_000]) {
    const deps: Deps = {
      store: EmbeddedStore.inMemory(),
      files: {
        isImage: async () => false,
        temporaryUrls: async () => ({}),
        saveExport: async () => ({ fileId: '', url: '' }),
      },
      clock: { now: () => NOW },
      notifier: { send: async () => undefined },
      contentCheck: { check: async (texts) => texts.map(({ key }) => ({ key, verdict: 'pass' })) },
      settings: { bootstrapAdminOpenids: [], rateLimits: [] },
    }
    await seed(deps, count)
    for (const view of views) (medians[view.name] ??= []).push(await timeCall(deps, view.openid, view.fn, view.event))
    await deps.store.close()
  }
  console.log('\n查询                  | 10k p50 ms | 100k p50 ms | ratio 100k/10k')
  console.log('----------------------|------------|-------------|---------------')
  for (const [name, [small, large]] of Object.entries(medians) as Array<[string, [number, number]]>) {
    console.log(
      `${name.padEnd(10, '　')} | ${small.toFixed(2).padStart(10)} | ${large.toFixed(2).padStart(11)} | ${(large / small).toFixed(2).padStart(13)}x`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
