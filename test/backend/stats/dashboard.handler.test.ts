import type { Dashboard } from '@core/stats/dashboard.schemas'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>
let deps: Deps
beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-none', 'supervisor', { name: '未分配' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'admin', 'admin', { name: '管理员' })
  await addUser(deps, 'res-1', 'resident', { name: '居民甲' })
})
afterEach(() => deps.store.close())

const dashboard = (openid: string, params: Record<string, unknown> = {}) =>
  call(deps, openid, { action: 'dashboard', ...params }, 'stats')

test('each role sees its own subject by default: the supervisor his unit, the admin the root, the cadre himself', async () => {
  await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' }))
  await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-b' }))
  const subjects = await Promise.all(
    ['sup-a', 'admin', 'cadre-a'].map(async (openid) => {
      const shown = data<Dashboard>(await dashboard(openid))
      return [shown.unit.name, shown.cases.total, shown.ranking.map((row) => `${row.unit.name}:${row.total}`)]
    }),
  )
  expect(subjects).toEqual([
    ['A办事处', 1, ['A小区:1']],
    ['示例管理区', 2, ['A办事处:1', 'B办事处:1']],
    ['王强', 0, []],
  ])
})

test('refusals name what is wrong and carry their codes', async () => {
  const refusals = [
    await dashboard('res-1'),
    await dashboard('sup-a', { unitId: 'office-b' }),
    await dashboard('sup-a', { unitId: 'district' }),
    await dashboard('cadre-a', { unitId: 'office-a' }),
    await dashboard('sup-none'),
    await dashboard('admin', { unitId: 'no-such-unit' }),
    await dashboard('sup-a', { period: { kind: 'range', from: '2026-03-10', to: '2026-03-01' } }),
    await dashboard('sup-a', { period: { kind: 'year' } }),
  ].map((answer) => (answer.ok ? 'ok' : answer.code))
  expect(refusals).toEqual([
    'AUTH.FORBIDDEN',
    'STATS.BAD_UNIT',
    'STATS.BAD_UNIT',
    'STATS.BAD_UNIT',
    'STATS.BAD_UNIT',
    'ORG.NOT_FOUND',
    'STATS.BAD_PERIOD',
    'INPUT.INVALID',
  ])
})

test('a unit below the supervisor’s own may be chosen, and the answer names the period', async () => {
  const shown = data<Dashboard>(
    await dashboard('sup-a', { unitId: 'estate-a', period: { kind: 'range', from: '2026-03-01', to: '2026-03-15' } }),
  )
  expect([shown.unit, shown.period.label, shown.briefing.title]).toEqual([
    { id: 'estate-a', name: 'A小区' },
    '2026年3月1日至3月15日',
    'A小区2026年3月1日至3月15日工作简报',
  ])
})
