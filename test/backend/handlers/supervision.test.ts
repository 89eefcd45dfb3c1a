import { readOutbox } from '../../../backend/adapters/outbox.notifier'
import { superviseJob } from '../../../backend/jobs/supervise'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

const cn = (text: string) => Date.parse(`${text}+08:00`)
const GRANTS = { caseSupervised: 20 }

interface Row {
  id: string
  number: string
  handlerName: string | null
  supervisionNoteAwaiting: boolean
  supervisionCount: number
  lateness: { party: string; kind: string; label: string; text: string } | null
}
interface StaffView {
  version: number
  availableActions: string[]
  supervisionNote: { note: string; byName: string; at: number } | null
  lateness: { label: string; text: string } | null
  timeline: Array<{ type: string; note: string; by: { name: string } }>
}

let deps: Deps
beforeEach(async () => {
  deps = await makeDeps(cn('2026-03-29T10:00:00'))
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记', subscriptions: GRANTS })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '周主任', subscriptions: GRANTS })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强', subscriptions: GRANTS })
  await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'office-a', name: '李明', subscriptions: GRANTS })
})
afterEach(() => deps.store.close())

/** A case of estate-a handled by cadre-a, 签收'd; `urgency` sets its deadline. */
async function workedCase(urgency: 'urgent' | 'normal', description: string): Promise<string> {
  const { id } = data<{ id: string }>(
    await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a', urgency, description })),
  )
  const assigned = data<{ version: number }>(
    await call(deps, 'sup-a', {
      action: 'assign',
      id,
      expectedVersion: 1,
      leadOfficial: '陈书记',
      responsibleUnitId: 'office-a',
      handlerOpenid: 'cadre-a',
      standard: '修好',
    }),
  )
  data(await call(deps, 'cadre-a', { action: 'acknowledge', id, expectedVersion: assigned.version }))
  return id
}

async function view(openid: string, id: string): Promise<StaffView> {
  return data<StaffView>(await call(deps, openid, { action: 'get', id }))
}

test('the 督办 list: overdue cases of the scope, most overdue first, whose lateness and how long', async () => {
  const normal = await workedCase('normal', '楼道灯坏了很久了')
  const urgent = await workedCase('urgent', '水管爆了到处是水')
  // 急: done by the end of 1 April; 一般: by the end of 5 April.
  deps.clock.current = cn('2026-04-07T03:00:00')
  await superviseJob.run(deps)
  const rows = data<{ items: Row[] }>(await call(deps, 'sup-a', { action: 'listSupervision' })).items
  expect(
    rows.map((row) => [row.id, row.handlerName, row.lateness?.label, row.lateness?.text, row.supervisionCount]),
  ).toEqual([
    [urgent, '王强', '办结', '逾期 5 天 3 小时', 1],
    [normal, '王强', '办结', '逾期 1 天 3 小时', 1],
  ])
  // Another office's supervisor sees none of them; a cadre may not ask.
  expect(data<{ items: Row[] }>(await call(deps, 'sup-b', { action: 'listSupervision' })).items).toEqual([])
  expect(await call(deps, 'cadre-a', { action: 'listSupervision' })).toMatchObject({
    ok: false,
    code: 'AUTH.FORBIDDEN',
  })
})

test('a supervisor writes a 督办 note; the handler sees it waiting and replies; the supervisor sees the reply', async () => {
  const id = await workedCase('normal', '楼道灯坏了很久了')
  deps.clock.current = cn('2026-03-30T09:00:00')
  let seen = await view('sup-a', id)
  expect(seen.availableActions).toContain('addSupervisionNote')
  const noted = data<StaffView>(
    await call(deps, 'sup-a', {
      action: 'addSupervisionNote',
      id,
      expectedVersion: seen.version,
      note: '请今天答复进展',
    }),
  )
  expect(noted.supervisionNote).toEqual({ note: '请今天答复进展', byName: '陈书记', at: cn('2026-03-30T09:00:00') })
  const tasks = data<{ items: Row[] }>(await call(deps, 'cadre-a', { action: 'listMyTasks' })).items
  expect(tasks.map((row) => [row.id, row.supervisionNoteAwaiting])).toEqual([[id, true]])

  seen = await view('cadre-a', id)
  expect(seen.availableActions).toContain('replySupervisionNote')
  data(
    await call(deps, 'cadre-a', {
      action: 'replySupervisionNote',
      id,
      expectedVersion: seen.version,
      note: '已联系电工，明天上午修',
    }),
  )
  const after = await view('sup-a', id)
  expect(after.supervisionNote).toBeNull()
  expect(after.timeline.slice(-2).map((event) => [event.type, event.by.name, event.note])).toEqual([
    ['addSupervisionNote', '陈书记', '请今天答复进展'],
    ['replySupervisionNote', '王强', '已联系电工，明天上午修'],
  ])
  expect(
    (await readOutbox(deps.store))
      .reverse()
      .filter((m) => m.template === 'caseSupervised')
      .map((m) => `${m.recipient}: ${m.text}`),
  ).toEqual(['cadre-a: 督办意见：请今天答复进展', 'sup-a: 经办人回复：已联系电工，明天上午修'])
  // The reporter sees neither.
  const own = data<{ timeline: Array<{ type: string }> }>(await call(deps, 'res-1', { action: 'get', id }))
  expect(own.timeline.map((event) => event.type)).toEqual(['submit', 'assign', 'acknowledge'])
})

describe('refusals, each with its code; nothing changes', () => {
  test.each([
    [
      'a cadre of the area who does not handle it',
      'cadre-a2',
      'addSupervisionNote',
      { note: '请加快' },
      'AUTH.FORBIDDEN',
    ],
    ['the handler himself', 'cadre-a', 'addSupervisionNote', { note: '请加快' }, 'AUTH.FORBIDDEN'],
    ['a supervisor of another office', 'sup-b', 'addSupervisionNote', { note: '请加快' }, 'CASE.NOT_FOUND'],
    ['an empty note', 'sup-a', 'addSupervisionNote', { note: ' ' }, 'INPUT.INVALID'],
    ['a reply when no note waits', 'cadre-a', 'replySupervisionNote', { note: '在办' }, 'CASE.NO_SUPERVISION_NOTE'],
    ['a reply by the supervisor', 'sup-a', 'replySupervisionNote', { note: '在办' }, 'AUTH.FORBIDDEN'],
    ['a stale version', 'sup-a', 'addSupervisionNote', { note: '请加快', expectedVersion: 1 }, 'CASE.CONFLICT'],
  ])('%s → %s', async (_label, openid, action, params, code) => {
    const id = await workedCase('normal', '楼道灯坏了很久了')
    const before = await deps.store.get('cases', id)
    const { version } = await view('sup-a', id)
    expect(await call(deps, openid, { action, id, expectedVersion: version, ...params })).toMatchObject({
      ok: false,
      code,
    })
    expect(await deps.store.get('cases', id)).toEqual(before)
  })

  test('a case waiting for 派单 has no handler to chase', async () => {
    const { id, version } = data<{ id: string; version: number }>(
      await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' })),
    )
    expect(
      await call(deps, 'sup-a', { action: 'addSupervisionNote', id, expectedVersion: version, note: '请加快' }),
    ).toMatchObject({ ok: false, code: 'CASE.INVALID_TRANSITION' })
  })
})
