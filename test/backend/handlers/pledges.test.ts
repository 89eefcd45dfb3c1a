import { addTwoOffices, addUnit, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

const cn = (text: string) => Date.parse(`${text}+08:00`)

interface StaffView {
  version: number
  status: string
  availableActions: string[]
  assignment: { leadOfficial: string; leadOfficialId: string | null } | null
  pledge: { leaderId: string | null; leaderName: string | null; unitId: string | null; unitName: string | null } | null
  timeline: Array<{ type: string; note: string; visibleToReporter: boolean }>
}
interface BoardRow {
  name: string
  kindLabel: string
  quota: number
  takenOn: number
  closed: number
  short: number
  verdict: string
}
interface Board {
  month: string
  monthLabel: string
  unitName: string | null
  leaders: BoardRow[]
  units: BoardRow[]
  belowQuota: number
}

let deps: Deps
beforeEach(async () => {
  deps = await makeDeps(cn('2026-11-03T10:00:00'))
  await addTwoOffices(deps)
  await addUnit(deps, {
    _id: 'comm-a',
    kind: 'community',
    name: '幸福社区',
    parentId: 'office-a',
    ancestorIds: ['district', 'office-a'],
  })
  await addUnit(deps, {
    _id: 'dept-c',
    kind: 'department',
    name: '区城管局',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  await addUser(deps, 'admin', 'admin', { name: '管理员' })
  await addUser(deps, 'sup-d', 'supervisor', { unitId: 'district', name: '赵书记', leaderRank: 'principal' })
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记', leaderRank: 'other' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '周主任' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  // A leader no longer in office: never offered, never on the board.
  await addUser(deps, 'old-leader', 'cadre', { unitId: 'office-a', name: '钱旧', leaderRank: 'other', active: false })
})
afterEach(() => deps.store.close())

const ASSIGN = { leadOfficial: '陈书记', responsibleUnitId: 'office-a', handlerOpenid: 'cadre-a', standard: '修好' }

async function submitted(): Promise<string> {
  return data<{ id: string }>(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' }))).id
}
async function view(openid: string, id: string): Promise<StaffView> {
  return data<StaffView>(await call(deps, openid, { action: 'get', id }))
}
async function act(openid: string, id: string, action: string, params: Record<string, unknown> = {}) {
  const { version } = await view('sup-a', id)
  return call(deps, openid, { action, id, expectedVersion: version, ...params })
}
async function assigned(params: Record<string, unknown> = {}): Promise<string> {
  const id = await submitted()
  data(await act('sup-a', id, 'assign', { ...ASSIGN, ...params }))
  return id
}
const board = async (openid: string, params: Record<string, unknown> = {}) =>
  data<Board>(await call(deps, openid, { action: 'pledgeBoard', ...params }, 'stats'))
const figures = (rows: BoardRow[]) => rows.map((row) => [row.name, row.quota, row.takenOn, row.closed, row.short])

describe('leaders are users with a rank', () => {
  test('an admin makes 王强 an 其他领导; he is then offered as a leader; a record without the field reads as no rank', async () => {
    const me = data<{ leaderRank: string | null }>(await call(deps, 'cadre-a', { action: 'me' }, 'users'))
    expect(me.leaderRank).toBeNull()
    const updated = data<{ leaderRank: string | null }>(
      await call(
        deps,
        'admin',
        { action: 'update', openid: 'cadre-a', expectedVersion: 1, leaderRank: 'other' },
        'users',
      ),
    )
    expect(updated.leaderRank).toBe('other')
    const leaders = data<Array<{ openid: string; name: string; leaderRank: string; unitName: string | null }>>(
      await call(deps, 'sup-b', { action: 'listLeaders' }, 'users'),
    )
    expect(leaders.map((leader) => [leader.name, leader.leaderRank, leader.unitName])).toEqual([
      ['王强', 'other', 'A办事处'],
      ['赵书记', 'principal', '示例管理区'],
      ['陈书记', 'other', 'A办事处'],
    ])
  })

  test.each([
    ['a resident cannot be a leader', 'res-x', 'resident', { leaderRank: 'principal' }, 'INPUT.INVALID'],
    ['an unknown rank', 'cadre-a', 'cadre', { leaderRank: 'boss' }, 'INPUT.INVALID'],
    ['a leader made a resident keeping his rank', 'sup-a', 'supervisor', { role: 'resident' }, 'INPUT.INVALID'],
  ])('%s', async (_name, openid, role, change, code) => {
    if (role === 'resident') await addUser(deps, openid, 'resident', { name: '群众' })
    expect(
      await call(deps, 'admin', { action: 'update', openid, expectedVersion: 1, ...change }, 'users'),
    ).toMatchObject({ ok: false, code })
  })

  test('only supervisors and admins list the leaders', async () => {
    expect(await call(deps, 'cadre-a', { action: 'listLeaders' }, 'users')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })
})

describe('派单 names the 领办领导 by record', () => {
  test('the name is taken from the leader’s record; a typed name still works, without an id', async () => {
    const byRecord = await assigned({ leadOfficial: undefined, leadOfficialId: 'sup-d' })
    expect((await view('sup-a', byRecord)).assignment).toMatchObject({
      leadOfficial: '赵书记',
      leadOfficialId: 'sup-d',
    })
    const typed = await assigned({ leadOfficial: '某某' })
    expect((await view('sup-a', typed)).assignment).toMatchObject({ leadOfficial: '某某', leadOfficialId: null })
  })

  test.each([
    ['someone without a rank', { leadOfficialId: 'cadre-a' }, 'CASE.BAD_LEAD_OFFICIAL'],
    ['a leader no longer in office', { leadOfficialId: 'old-leader' }, 'CASE.BAD_LEAD_OFFICIAL'],
    ['nobody at all', { leadOfficial: undefined }, 'INPUT.INVALID'],
    ['a 领办 of someone without a rank', { pledgeLeaderId: 'cadre-a' }, 'PLEDGE.BAD_LEADER'],
    ['a 领办 of another office', { pledgeUnitId: 'office-b' }, 'PLEDGE.BAD_UNIT'],
    ['a 领办 of a 小区 (not a unit that pledges)', { pledgeUnitId: 'estate-a' }, 'PLEDGE.BAD_UNIT'],
  ])('refused: %s', async (_name, params, code) => {
    const id = await submitted()
    expect(await act('sup-a', id, 'assign', { ...ASSIGN, ...params })).toMatchObject({ ok: false, code })
    expect((await view('sup-a', id)).status).toBe('submitted')
  })

  test('a 领办 named at 派单: stored, and the reporter reads who takes it on', async () => {
    const id = await assigned({ leadOfficialId: 'sup-d', pledgeLeaderId: 'sup-d', pledgeUnitId: 'office-a' })
    expect((await view('sup-a', id)).pledge).toMatchObject({
      leaderId: 'sup-d',
      leaderName: '赵书记',
      unitId: 'office-a',
      unitName: 'A办事处',
    })
    const mine = data<{ timeline: Array<{ type: string; note: string }> }>(
      await call(deps, 'res-1', { action: 'get', id }),
    )
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'assign', note: '解决标准：修好。由赵书记、A办事处领办' })
  })
})

describe('列为领办 after 派单', () => {
  test('set, changed and taken back, each recorded on the timeline the reporter reads', async () => {
    const id = await assigned()
    expect((await view('sup-a', id)).availableActions).toContain('markPledge')
    data(await act('sup-a', id, 'markPledge', { leaderId: 'sup-a', unitId: null }))
    data(await act('sup-a', id, 'markPledge', { leaderId: 'sup-a', unitId: 'comm-a' }))
    data(await act('sup-a', id, 'markPledge', { leaderId: null, unitId: null }))
    const mine = data<{ timeline: Array<{ type: string; note: string }> }>(
      await call(deps, 'res-1', { action: 'get', id }),
    )
    expect(mine.timeline.filter((event) => event.type === 'markPledge').map((event) => event.note)).toEqual([
      '由陈书记领办',
      '由陈书记、幸福社区领办',
      '不再列为陈书记、幸福社区的领办',
    ])
    expect((await view('sup-a', id)).pledge).toBeNull()
  })

  test.each([
    ['the same again', 'sup-a', { leaderId: null, unitId: null }, 'PLEDGE.UNCHANGED'],
    ['a leader who is not one', 'sup-a', { leaderId: 'cadre-a', unitId: null }, 'PLEDGE.BAD_LEADER'],
    ['a unit outside his subtree', 'sup-a', { leaderId: null, unitId: 'dept-c' }, 'PLEDGE.BAD_UNIT'],
    ['by the handler, a cadre', 'cadre-a', { leaderId: 'sup-a', unitId: null }, 'AUTH.FORBIDDEN'],
    ['by a supervisor of another office', 'sup-b', { leaderId: 'sup-a', unitId: null }, 'CASE.NOT_FOUND'],
  ])('refused: %s', async (_name, openid, params, code) => {
    const id = await assigned()
    expect(await act(openid, id, 'markPledge', params)).toMatchObject({ ok: false, code })
  })

  test('not before 派单', async () => {
    const id = await submitted()
    expect(await act('sup-a', id, 'markPledge', { leaderId: 'sup-a', unitId: null })).toMatchObject({
      ok: false,
      code: 'CASE.INVALID_TRANSITION',
    })
  })
})

describe('the 领办 board', () => {
  /**
   * November: case 1 is 赵书记's and A办事处's from 派单 and closed; case 2 becomes 陈书记's on 10
   * November; case 3 区城管局's (marked by 赵书记, whose subtree holds it); case 4 is 赵书记's for a
   * day and then no one's; case 5 becomes 赵书记's on 1 December.
   */
  beforeEach(async () => {
    const one = await assigned({ leadOfficialId: 'sup-d', pledgeLeaderId: 'sup-d', pledgeUnitId: 'office-a' })
    data(await act('cadre-a', one, 'acknowledge'))
    data(await act('cadre-a', one, 'requestClosure', { note: '已修好', evidence: [], standardMet: '灯亮了' }))
    data(await act('sup-a', one, 'approveClosure'))
    const two = await assigned()
    const three = await assigned()
    const four = await assigned()
    const five = await assigned()
    deps.clock.current = cn('2026-11-10T09:00:00')
    data(await act('sup-a', two, 'markPledge', { leaderId: 'sup-a', unitId: null }))
    deps.clock.current = cn('2026-11-12T09:00:00')
    data(await act('sup-d', three, 'markPledge', { leaderId: null, unitId: 'dept-c' }))
    data(await act('sup-d', four, 'markPledge', { leaderId: 'sup-d', unitId: null }))
    deps.clock.current = cn('2026-11-13T09:00:00')
    data(await act('sup-d', four, 'markPledge', { leaderId: null, unitId: null }))
    deps.clock.current = cn('2026-12-01T00:00:00')
    data(await act('sup-d', five, 'markPledge', { leaderId: 'sup-d', unitId: null }))
  })

  test("an admin's November: every leader and unit, quota, taken on, closed, and how many are short", async () => {
    const november = await board('admin', { month: '2026-11' })
    expect(november.monthLabel).toBe('2026年11月')
    expect(figures(november.leaders)).toEqual([
      ['赵书记', 2, 1, 1, 1],
      ['陈书记', 1, 1, 0, 0],
    ])
    expect(november.leaders.map((row) => row.verdict)).toEqual(['未达到：还差 1 件', '已达到应领办数'])
    expect(figures(november.units)).toEqual([
      ['A办事处', 2, 1, 1, 1],
      ['B办事处', 2, 0, 0, 2],
      ['幸福社区', 2, 0, 0, 2],
      ['区城管局', 1, 1, 0, 0],
    ])
    expect(november.belowQuota).toBe(4)
    // This month (the clock is in December) is the default.
    const december = await board('admin')
    expect([december.month, figures(december.leaders)]).toEqual([
      '2026-12',
      [
        ['赵书记', 2, 1, 0, 1],
        ['陈书记', 1, 0, 0, 1],
      ],
    ])
  })

  test("a supervisor sees his subtree's; an admin may choose a unit; a unit outside the subtree is refused", async () => {
    const mine = await board('sup-a', { month: '2026-11' })
    expect([mine.unitName, figures(mine.leaders), figures(mine.units)]).toEqual([
      'A办事处',
      [['陈书记', 1, 1, 0, 0]],
      [
        ['A办事处', 2, 1, 1, 1],
        ['幸福社区', 2, 0, 0, 2],
      ],
    ])
    const officeB = await board('admin', { month: '2026-11', unitId: 'office-b' })
    expect([figures(officeB.leaders), figures(officeB.units)]).toEqual([[], [['B办事处', 2, 0, 0, 2]]])
    expect(await call(deps, 'sup-a', { action: 'pledgeBoard', unitId: 'office-b' }, 'stats')).toMatchObject({
      ok: false,
      code: 'STATS.BAD_UNIT',
    })
    expect(await call(deps, 'cadre-a', { action: 'pledgeBoard' }, 'stats')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })

  test("an admin's quotas: 办事处 1 by default, 赵书记 his own 1", async () => {
    const current = data<{ version: number }>(await call(deps, 'admin', { action: 'getPledgeQuotas' }, 'settings'))
    expect(current).toEqual({
      quotas: { defaults: { principal: 2, other: 1, office: 2, community: 2, department: 1 }, overrides: [] },
      version: 0,
    })
    const quotas = {
      defaults: { principal: 2, other: 1, office: 1, community: 2, department: 1 },
      overrides: [{ subject: 'leader', id: 'sup-d', quota: 1 }],
    }
    const saved = data<{ quotas: { overrides: unknown[] }; version: number }>(
      await call(deps, 'admin', { action: 'setPledgeQuotas', quotas, expectedVersion: 0 }, 'settings'),
    )
    expect(saved.quotas.overrides).toEqual([{ subject: 'leader', id: 'sup-d', quota: 1, name: '赵书记' }])
    const november = await board('admin', { month: '2026-11' })
    expect(figures(november.leaders)).toEqual([
      ['赵书记', 1, 1, 1, 0],
      ['陈书记', 1, 1, 0, 0],
    ])
    expect(figures(november.units).slice(0, 2)).toEqual([
      ['A办事处', 1, 1, 1, 0],
      ['B办事处', 1, 0, 0, 1],
    ])
    expect(november.belowQuota).toBe(2)
  })

  test.each([
    ['a stale version', { overrides: [] }, 0, 'RECORD.CONFLICT'],
    ['someone without a rank', { overrides: [{ subject: 'leader', id: 'cadre-a', quota: 1 }] }, 1, 'INPUT.INVALID'],
    ['a 小区', { overrides: [{ subject: 'unit', id: 'estate-a', quota: 1 }] }, 1, 'INPUT.INVALID'],
    ['more than 10 a month', { overrides: [{ subject: 'unit', id: 'office-a', quota: 11 }] }, 1, 'INPUT.INVALID'],
  ])('quotas refused: %s', async (_name, change, version, code) => {
    const defaults = { principal: 2, other: 1, office: 2, community: 2, department: 1 }
    data(
      await call(
        deps,
        'admin',
        { action: 'setPledgeQuotas', quotas: { defaults, overrides: [] }, expectedVersion: 0 },
        'settings',
      ),
    )
    expect(
      await call(
        deps,
        'admin',
        { action: 'setPledgeQuotas', quotas: { defaults, ...change }, expectedVersion: version },
        'settings',
      ),
    ).toMatchObject({ ok: false, code })
  })

  test('quotas are the admin’s alone', async () => {
    expect(await call(deps, 'sup-d', { action: 'getPledgeQuotas' }, 'settings')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })
})
