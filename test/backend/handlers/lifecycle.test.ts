import type { Case } from '@core/case/case'
import { REPORTER_TEMPLATES, STAFF_TEMPLATES } from '@core/case/notifications'
import type { Result } from '@core/result'
import { DAY_MS } from '@core/time'
import { readOutbox } from '../../../backend/adapters/outbox.notifier'
import { defaultSatisfiedJob } from '../../../backend/jobs/default-satisfied'
import { finishMergesJob } from '../../../backend/jobs/finish-merges'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data as dataOf } from '../../support/result'
import { TINY_PNG } from '../../support/images'

type Deps = Awaited<ReturnType<typeof makeDeps>>
type View = { id: string; number: string; version: number; status: string } & Record<string, unknown>

/** Officials who accepted every message of their role in WeChat, many times over. */
const granted = (role: keyof typeof STAFF_TEMPLATES) =>
  Object.fromEntries(STAFF_TEMPLATES[role].map((template) => [template, 99]))

async function world(): Promise<Deps> {
  const deps = await makeDeps()
  await addTwoOffices(deps)
  const supervisor = { subscriptions: { ...granted('supervisor'), taskAssigned: 99 } }
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记', ...supervisor })
  await addUser(deps, 'sup-a2', 'supervisor', { unitId: 'office-a', name: '周主任', ...supervisor })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘主任', ...supervisor })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强', subscriptions: granted('cadre') })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏', subscriptions: granted('cadre') })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
  return deps
}

async function submit(deps: Deps, openid = 'res-1', overrides: Record<string, unknown> = {}): Promise<View> {
  return data(
    await call(deps, openid, submitEvent({ areaUnitId: 'estate-a', subscriptions: REPORTER_TEMPLATES, ...overrides })),
  )
}

/** Acts on a case with the version it has now, as a user who just loaded it would. */
async function act(deps: Deps, openid: string, action: string, id: string, params: Record<string, unknown> = {}) {
  const current = (await deps.store.get<Case>('cases', id)) as Case
  return call(deps, openid, { action, id, expectedVersion: current.version, ...params })
}

const assignTo = (handlerOpenid: string) => ({
  leadOfficial: '陈书记',
  responsibleUnitId: 'office-a',
  handlerOpenid,
  standard: '三天内修好楼道灯',
})

/** The messages the lifecycle sent (new-case announcements are notifications.test.ts's subject). */
async function outbox(deps: Deps) {
  return (await readOutbox(deps.store))
    .reverse()
    .filter((m) => m.template !== 'caseSubmitted')
    .map((m) => `${m.template}→${m.recipient}`)
}

const data = <T = View>(result: Result<unknown>): T => dataOf<T>(result)

let deps: Deps
beforeEach(async () => {
  deps = await world()
})
afterEach(() => deps.store.close())

test('the whole story: assign, 签收, progress, closure rejected then approved, 不满意 reopens, second rating final; every message sent', async () => {
  const { id } = await submit(deps)
  const photo = await deps.files.save(TINY_PNG, 'png', 'image/png')
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  data(await act(deps, 'cadre-a', 'acknowledge', id))
  data(await act(deps, 'cadre-a', 'addProgress', id, { note: '已联系电工', photos: [photo] }))
  data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '灯已换好', standardMet: '当天修好' }))
  data(await act(deps, 'sup-a', 'rejectClosure', id, { reason: '缺少照片' }))
  data(
    await act(deps, 'cadre-a', 'requestClosure', id, { note: '灯已换好', evidence: [photo], standardMet: '当天修好' }),
  )
  data(await act(deps, 'sup-a', 'approveClosure', id))
  const reopened = data(
    await act(deps, 'res-1', 'rate', id, { solved: 'unsolved', satisfaction: 'dissatisfied', comment: '又坏了' }),
  )
  expect(reopened.status).toBe('in_progress')
  data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '换了新灯', evidence: [photo], standardMet: '修好' }))
  data(await act(deps, 'sup-a', 'approveClosure', id))
  const final = data(
    await act(deps, 'res-1', 'rate', id, { solved: 'solved', satisfaction: 'satisfied', comment: '谢谢' }),
  )
  expect(final.status).toBe('closed')

  const doc = (await deps.store.get<Case>('cases', id)) as Case
  expect(doc.timeline.map((event) => event.type)).toEqual([
    'submit',
    'assign',
    'acknowledge',
    'addProgress',
    'requestClosure',
    'rejectClosure',
    'requestClosure',
    'approveClosure',
    'rate',
    'requestClosure',
    'approveClosure',
    'rate',
  ])
  expect(doc.ratings.map((r) => r.satisfaction)).toEqual(['dissatisfied', 'satisfied'])
  // Each reporter template was granted once: the second 办结 notice could not be sent.
  expect(await outbox(deps)).toEqual([
    'caseAccepted→res-1',
    'taskAssigned→cadre-a',
    'reviewClosureRequested→sup-a',
    'taskClosureRejected→cadre-a',
    'reviewClosureRequested→sup-a',
    'caseClosed→res-1',
    'taskReopened→cadre-a',
    'reviewClosureRequested→sup-a',
  ])
  // The resident sees the public part: not the rejected closure or the closure requests.
  const seen = data<{ timeline: Array<{ type: string }>; standard: string }>(
    await call(deps, 'res-1', { action: 'get', id }),
  )
  expect(seen.timeline.map((e) => e.type)).toEqual([
    'submit',
    'assign',
    'acknowledge',
    'addProgress',
    'approveClosure',
    'rate',
    'approveClosure',
    'rate',
  ])
  expect(seen.standard).toBe('三天内修好楼道灯')
})

test('a reporter who cannot be notified of 办结 lands on the 回访 list; another cadre of the area records the answer from the call', async () => {
  await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'office-a', name: '李华' })
  const { id } = await submit(deps, 'res-1', { subscriptions: [] })
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  data(await act(deps, 'cadre-a', 'acknowledge', id))
  data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '好了', standardMet: '好了' }))
  data(await act(deps, 'sup-a', 'approveClosure', id))
  expect(await outbox(deps)).toEqual(['taskAssigned→cadre-a', 'reviewClosureRequested→sup-a'])
  const callbacks = data<{ items: Array<{ id: string; reporterPhone: string; mayCall: boolean }> }>(
    await call(deps, 'cadre-a2', { action: 'listCallbacks' }),
  )
  expect(callbacks.items.map((c) => c.id)).toEqual([id])
  expect(callbacks.items[0]).toMatchObject({ reporterPhone: '13812345678', mayCall: true })
  // The handler sees the row but does not make the call: it would be a verdict on his own work.
  const own = data<{ items: Array<{ mayCall: boolean }> }>(await call(deps, 'cadre-a', { action: 'listCallbacks' }))
  expect(own.items[0]?.mayCall).toBe(false)
  expect(
    await act(deps, 'cadre-a', 'rateByCall', id, { solved: 'solved', satisfaction: 'basically', comment: '电话回访' }),
  ).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  expect(await call(deps, 'cadre-b', { action: 'listCallbacks' })).toMatchObject({ ok: true, data: { total: 0 } })
  data(
    await act(deps, 'cadre-a2', 'rateByCall', id, { solved: 'solved', satisfaction: 'basically', comment: '电话回访' }),
  )
  const doc = (await deps.store.get<Case>('cases', id)) as Case
  expect(doc.ratings).toEqual([
    expect.objectContaining({ byCall: true, recordedBy: 'cadre-a2', satisfaction: 'basically' }),
  ])
  expect(data<{ total: number }>(await call(deps, 'cadre-a2', { action: 'listCallbacks' })).total).toBe(0)
})

test('another cadre of the area can open a case waiting for 回访, and only while it waits', async () => {
  await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'office-a', name: '李华' })
  const { id } = await submit(deps, 'res-1', { subscriptions: [] })
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  expect(await call(deps, 'cadre-a2', { action: 'get', id })).toMatchObject({ code: 'CASE.NOT_FOUND' })
  data(await act(deps, 'cadre-a', 'acknowledge', id))
  data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '好了', standardMet: '好了' }))
  data(await act(deps, 'sup-a', 'approveClosure', id))
  expect((await call(deps, 'cadre-a2', { action: 'get', id })).ok).toBe(true)
  data(await act(deps, 'cadre-a2', 'rateByCall', id, { solved: 'solved', satisfaction: 'satisfied' }))
  expect(await call(deps, 'cadre-a2', { action: 'get', id })).toMatchObject({ code: 'CASE.NOT_FOUND' })
})

test('a stale version is a conflict and changes nothing', async () => {
  const { id, version } = await submit(deps)
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  const before = JSON.stringify(await deps.store.get('cases', id))
  expect(
    await call(deps, 'sup-a', { action: 'decline', id, expectedVersion: version, reason: '重复反映' }),
  ).toMatchObject({
    ok: false,
    code: 'CASE.CONFLICT',
  })
  expect(JSON.stringify(await deps.store.get('cases', id))).toBe(before)
})

describe('concurrency', () => {
  async function pendingClosure(): Promise<Case> {
    const { id } = await submit(deps)
    data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
    data(await act(deps, 'cadre-a', 'acknowledge', id))
    data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '好了', standardMet: '好了' }))
    return (await deps.store.get<Case>('cases', id)) as Case
  }

  test('20 simultaneous approvals: one success, 19 conflicts, one event', async () => {
    const doc = await pendingClosure()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(deps, i % 2 ? 'sup-a' : 'sup-a2', { action: 'approveClosure', id: doc._id, expectedVersion: doc.version }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(
      Array(19).fill('CASE.CONFLICT'),
    )
    const after = (await deps.store.get<Case>('cases', doc._id)) as Case
    expect(after.timeline.filter((e) => e.type === 'approveClosure')).toHaveLength(1)
    expect(after.version).toBe(doc.version + 1)
  })

  test('approve racing reject: exactly one wins, the other is told the case changed', async () => {
    const doc = await pendingClosure()
    const [approve, reject] = await Promise.all([
      call(deps, 'sup-a', { action: 'approveClosure', id: doc._id, expectedVersion: doc.version }),
      call(deps, 'sup-a2', { action: 'rejectClosure', id: doc._id, expectedVersion: doc.version, reason: '再核实' }),
    ])
    expect([approve.ok, reject.ok].filter(Boolean)).toHaveLength(1)
    expect([approve, reject].find((r) => !r.ok)).toMatchObject({ code: 'CASE.CONFLICT' })
    const after = (await deps.store.get<Case>('cases', doc._id)) as Case
    expect(after.timeline).toHaveLength(doc.timeline.length + 1)
  })
})

test('separation of duties: a supervisor who took the case personally (领办) cannot approve its closure', async () => {
  const { id } = await submit(deps)
  data(await act(deps, 'sup-a', 'assign', id, assignTo('sup-a')))
  data(await act(deps, 'sup-a', 'acknowledge', id))
  data(await act(deps, 'sup-a', 'requestClosure', id, { note: '已办好', standardMet: '达到' }))
  expect(await act(deps, 'sup-a', 'approveClosure', id)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect((await act(deps, 'sup-a2', 'approveClosure', id)).ok).toBe(true)
})

test('assignment is checked on the server: handler and unit in the dispatcher’s subtree, case in it too', async () => {
  const { id } = await submit(deps)
  expect(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-b'))).toMatchObject({ code: 'CASE.BAD_HANDLER' })
  expect(
    await act(deps, 'sup-a', 'assign', id, { ...assignTo('cadre-a'), responsibleUnitId: 'office-b' }),
  ).toMatchObject({
    code: 'CASE.BAD_UNIT',
  })
  expect(await act(deps, 'sup-a', 'assign', id, assignTo('res-1'))).toMatchObject({ code: 'CASE.BAD_HANDLER' })
  // A supervisor of another office does not see the case at all.
  expect(
    await act(deps, 'sup-b', 'assign', id, { ...assignTo('cadre-b'), responsibleUnitId: 'office-b' }),
  ).toMatchObject({
    code: 'CASE.NOT_FOUND',
  })
  expect(await act(deps, 'admin', 'assign', id, assignTo('cadre-a'))).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  expect((await deps.store.get<Case>('cases', id))?.status).toBe('submitted')
})

test('sendBack returns the case to 待派单 with the reason, and the handler loses it', async () => {
  const { id } = await submit(deps)
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  expect(await act(deps, 'cadre-a', 'sendBack', id, { reason: '不存在的理由' })).toMatchObject({
    code: 'INPUT.INVALID',
    field: 'reason',
  })
  data(await act(deps, 'cadre-a', 'sendBack', id, { reason: '职能不符', note: '应由物业处理' }))
  const doc = (await deps.store.get<Case>('cases', id)) as Case
  expect(doc).toMatchObject({ status: 'submitted', assignment: null })
  expect(doc.timeline.at(-1)).toMatchObject({
    type: 'sendBack',
    note: '职能不符：应由物业处理',
    visibleToReporter: false,
  })
  expect(await act(deps, 'cadre-a', 'acknowledge', id)).toMatchObject({ ok: false })
  expect(data<{ total: number }>(await call(deps, 'cadre-a', { action: 'listMyTasks' })).total).toBe(0)
  expect(data<{ total: number }>(await call(deps, 'sup-a', { action: 'listInScope', queue: 'dispatch' })).total).toBe(1)
})

test('decline tells the reporter and ends the case: nothing more is accepted', async () => {
  const { id } = await submit(deps)
  data(await act(deps, 'sup-a', 'decline', id, { reason: '属于司法程序，请通过法院解决' }))
  expect(await outbox(deps)).toEqual(['caseDeclined→res-1'])
  expect(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a'))).toMatchObject({ code: 'CASE.INVALID_TRANSITION' })
  const seen = data<{ status: string; timeline: Array<{ note: string }> }>(
    await call(deps, 'res-1', { action: 'get', id }),
  )
  expect(seen.status).toBe('declined')
  expect(seen.timeline.at(-1)?.note).toBe('属于司法程序，请通过法院解决')
})

test('merge: the reporter of the merged case follows the surviving one', async () => {
  const survivor = await submit(deps, 'res-1')
  const duplicate = await submit(deps, 'res-2')
  expect(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: duplicate.number })).toMatchObject({
    code: 'CASE.BAD_MERGE',
  })
  data(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number }))
  const mine = data<{ items: Array<{ id: string }> }>(await call(deps, 'res-2', { action: 'listMine' }))
  expect(mine.items.map((c) => c.id).sort()).toEqual([survivor.id, duplicate.id].sort())
  expect((await call(deps, 'res-2', { action: 'get', id: survivor.id })).ok).toBe(true)
  expect(await outbox(deps)).toEqual(['caseMerged→res-2'])
})

test('立行立改: recorded by a cadre with evidence, approved by a supervisor, counted apart', async () => {
  const evidence = await deps.files.save(TINY_PNG, 'png', 'image/png')
  const event = {
    action: 'recordOnTheSpot',
    clientRequestId: 'spot-00000001',
    category: '人居环境',
    description: '路口垃圾堆积',
    areaUnitId: 'estate-a',
    reporter: { name: '孙大爷', phone: '0728-6231234' },
    resolution: '当场联系环卫清运',
    evidence: [evidence],
    standardMet: '路口清理干净',
  }
  expect(await call(deps, 'cadre-a', { ...event, areaUnitId: 'estate-b' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  expect(await call(deps, 'cadre-a', { ...event, evidence: [] })).toMatchObject({
    code: 'INPUT.INVALID',
    field: 'evidence',
  })
  const recorded = data(await call(deps, 'cadre-a', event))
  expect(data(await call(deps, 'cadre-a', event)).id).toBe(recorded.id)
  expect(recorded).toMatchObject({ status: 'pending_closure', onTheSpot: true })
  expect(data<{ total: number }>(await call(deps, 'sup-a', { action: 'listInScope', queue: 'review' })).total).toBe(1)
  data(await act(deps, 'sup-a', 'approveClosure', recorded.id))
  const doc = (await deps.store.get<Case>('cases', recorded.id)) as Case
  expect(doc).toMatchObject({ status: 'closed', onTheSpot: true, needsCallback: true, handledBy: ['cadre-a'] })
})

test('默认满意: 7 days after closure without an answer, the job records one, flagged as default', async () => {
  const { id } = await submit(deps)
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  data(await act(deps, 'cadre-a', 'acknowledge', id))
  data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '好了', standardMet: '好了' }))
  data(await act(deps, 'sup-a', 'approveClosure', id))
  deps.clock.current += 6 * DAY_MS
  expect(await defaultSatisfiedJob.run(deps)).toEqual({ rated: 0, skipped: 0 })
  deps.clock.current += DAY_MS
  expect(await defaultSatisfiedJob.run(deps)).toEqual({ rated: 1, skipped: 0 })
  const doc = (await deps.store.get<Case>('cases', id)) as Case
  expect(doc.ratings).toEqual([expect.objectContaining({ byDefault: true, satisfaction: 'satisfied' })])
  expect(doc).toMatchObject({ status: 'closed', awaitingRating: false })
  expect(await act(deps, 'res-1', 'rate', id, { solved: 'solved', satisfaction: 'satisfied' })).toMatchObject({
    code: 'CASE.ALREADY_RATED',
  })
  expect(await defaultSatisfiedJob.run(deps)).toEqual({ rated: 0, skipped: 0 })
})

test('匿名 hides the reporter from the handler, not from the supervisor', async () => {
  const { id } = await submit(deps, 'res-1', { reporter: { name: '钱女士', phone: '13812345678', anonymous: true } })
  data(
    await act(deps, 'sup-a', 'assign', id, assignTo('cadre-b')).then(() =>
      act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')),
    ),
  )
  const byHandler = data<{ reporter: { name: string; phone: string } }>(
    await call(deps, 'cadre-a', { action: 'get', id }),
  )
  expect(byHandler.reporter).toMatchObject({ name: '匿名群众', phone: '' })
  const tasks = data<{ items: Array<{ reporterName: string }> }>(await call(deps, 'cadre-a', { action: 'listMyTasks' }))
  expect(tasks.items[0]?.reporterName).toBe('匿名群众')
  const bySupervisor = data<{ reporter: { name: string; phone: string } }>(
    await call(deps, 'sup-a', { action: 'get', id }),
  )
  expect(bySupervisor.reporter).toMatchObject({ name: '钱女士', phone: '13812345678' })
})

test('extensions: requested before the deadline, approved by the supervisor, deadline moved', async () => {
  const { id } = await submit(deps)
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  data(await act(deps, 'cadre-a', 'acknowledge', id))
  const deadline = ((await deps.store.get<Case>('cases', id)) as Case).assignment?.deadline as number
  data(await act(deps, 'cadre-a', 'requestExtension', id, { deadline: deadline + 5 * DAY_MS, reason: '等材料' }))
  expect(data<{ total: number }>(await call(deps, 'sup-a', { action: 'listInScope', queue: 'extension' })).total).toBe(
    1,
  )
  expect(await act(deps, 'cadre-a', 'approveExtension', id)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  data(await act(deps, 'sup-a', 'approveExtension', id))
  expect(((await deps.store.get<Case>('cases', id)) as Case).assignment?.deadline).toBe(deadline + 5 * DAY_MS)
  expect(await outbox(deps)).toContain('reviewExtensionRequested→sup-a')
})

test('time limits: an admin changes them and new assignments follow; nobody else may', async () => {
  const current = data<{ version: number }>(await call(deps, 'sup-a', { action: 'getTimeLimits' }, 'settings'))
  const limits = {
    urgent: { acknowledgeHours: 1, completeDays: 1 },
    normal: { acknowledgeHours: 12, completeDays: 5 },
    hard: { acknowledgeHours: 24, completeDays: 20 },
  }
  expect(
    await call(deps, 'sup-a', { action: 'setTimeLimits', limits, expectedVersion: current.version }, 'settings'),
  ).toMatchObject({
    code: 'AUTH.FORBIDDEN',
  })
  data(await call(deps, 'admin', { action: 'setTimeLimits', limits, expectedVersion: current.version }, 'settings'))
  const { id } = await submit(deps, 'res-1', { urgency: 'normal' })
  data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
  const doc = (await deps.store.get<Case>('cases', id)) as Case
  expect(doc.assignment?.acknowledgeBy).toBe(deps.clock.current + 12 * 3600_000)
  // Submitted 2026-03-15 10:00 at UTC+8: 5 days → end of 2026-03-20 at UTC+8.
  expect(doc.assignment?.deadline).toBe(Date.UTC(2026, 2, 20, 15, 59, 59, 999))
})

test('我的任务 lists open tasks due soonest first; 已超期 holds what the one overdue rule says, most overdue first', async () => {
  const late = await submit(deps, 'res-1', { urgency: 'hard' })
  const soon = await submit(deps, 'res-1', { urgency: 'urgent' })
  const unsigned = await submit(deps, 'res-1', { urgency: 'hard' })
  data(await act(deps, 'sup-a', 'assign', late.id, assignTo('cadre-a')))
  data(await act(deps, 'sup-a', 'assign', soon.id, assignTo('cadre-a')))
  data(await act(deps, 'sup-a', 'assign', unsigned.id, assignTo('cadre-a')))
  data(await act(deps, 'cadre-a', 'acknowledge', late.id))
  const tasks = data<{ items: Array<{ id: string; overdue: boolean }> }>(
    await call(deps, 'cadre-a', { action: 'listMyTasks' }),
  )
  expect(tasks.items[0]?.id).toBe(soon.id)
  expect(tasks.items.map((t) => t.id).sort()).toEqual([soon.id, late.id, unsigned.id].sort())
  expect(tasks.items.map((t) => t.overdue)).toEqual([false, false, false])
  // 25 hours on: the unsigned 难 case is past its 24-hour 签收 limit though its 15 days run on.
  deps.clock.current += 25 * 3600_000
  const queue = async () =>
    data<{ items: Array<{ id: string; overdue: boolean }> }>(
      await call(deps, 'sup-a', { action: 'listInScope', queue: 'overdue' }),
    ).items
  expect((await queue()).map((t) => t.id)).toEqual([soon.id, unsigned.id])
  expect((await queue()).every((t) => t.overdue)).toBe(true)
  // 5 days on: the urgent case is past its 3 days too; the acknowledged 难 case is not overdue.
  deps.clock.current += 4 * DAY_MS
  expect((await queue()).map((t) => t.id)).toEqual([soon.id, unsigned.id])
  const staffView = data<{ overdue: boolean }>(await call(deps, 'sup-a', { action: 'get', id: late.id }))
  expect(staffView.overdue).toBe(false)
})

describe('匿名, merges, sent-back units and extensions: what each leaves behind', () => {
  test('匿名 also hides who submitted and who rated from the handler', async () => {
    const { id } = await submit(deps, 'res-1', { reporter: { name: '钱女士', phone: '13812345678', anonymous: true } })
    data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
    const seen = data<{ createdBy: { openid: string; name: string }; timeline: Array<{ by: { openid: string } }> }>(
      await call(deps, 'cadre-a', { action: 'get', id }),
    )
    expect(seen.createdBy).toMatchObject({ openid: '', name: '匿名群众' })
    expect(seen.timeline.map((event) => event.by.openid)).toEqual(['', 'sup-a'])
    expect(JSON.stringify(seen)).not.toContain('res-1')
  })

  test('after a merge, the merged case’s reporter sees the surviving case without its reporter’s details', async () => {
    const survivor = await submit(deps, 'res-1', { reporter: { name: '钱女士', phone: '13812345678' } })
    const duplicate = await submit(deps, 'res-2')
    data(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number }))
    const seen = data<{ reporter: { name: string; phone: string } }>(
      await call(deps, 'res-2', { action: 'get', id: survivor.id }),
    )
    expect(seen.reporter).toMatchObject({ name: '其他群众', phone: '' })
    const own = data<{ reporter: { name: string } }>(await call(deps, 'res-1', { action: 'get', id: survivor.id }))
    expect(own.reporter.name).toBe('钱女士')
  })

  test('two opposite merges racing: at most one succeeds', async () => {
    const a = await submit(deps, 'res-1')
    const b = await submit(deps, 'res-2')
    const results = await Promise.all([
      act(deps, 'sup-a', 'merge', a.id, { targetNumber: b.number }),
      act(deps, 'sup-a2', 'merge', b.id, { targetNumber: a.number }),
    ])
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1)
    const statuses = await Promise.all(
      [a.id, b.id].map(async (id) => (await deps.store.get<Case>('cases', id))?.status),
    )
    expect(statuses.filter((status) => status === 'merged').length).toBeLessThanOrEqual(1)
  })

  test('a rejected 立行立改 goes back to 待派单 and can be assigned', async () => {
    const evidence = await deps.files.save(TINY_PNG, 'png', 'image/png')
    const recorded = data(
      await call(deps, 'cadre-a', {
        action: 'recordOnTheSpot',
        clientRequestId: 'spot-00000009',
        category: '人居环境',
        description: '路口垃圾堆积',
        areaUnitId: 'estate-a',
        reporter: { name: '孙大爷', phone: '0728-6231234' },
        resolution: '当场清运',
        evidence: [evidence],
        standardMet: '清理干净',
      }),
    )
    data(await act(deps, 'sup-a', 'rejectClosure', recorded.id, { reason: '照片看不清' }))
    expect((await deps.store.get<Case>('cases', recorded.id))?.status).toBe('submitted')
    data(await act(deps, 'sup-a', 'assign', recorded.id, assignTo('cadre-a')))
  })

  test('a unit the case was sent back from keeps no access to it', async () => {
    await addUser(deps, 'sup-d', 'supervisor', { unitId: 'district', name: '周书记' })
    const { id } = await submit(deps)
    data(await act(deps, 'sup-d', 'assign', id, { ...assignTo('cadre-b'), responsibleUnitId: 'office-b' }))
    expect((await call(deps, 'sup-b', { action: 'get', id })).ok).toBe(true)
    data(await act(deps, 'cadre-b', 'sendBack', id, { reason: '职能不符' }))
    expect(await call(deps, 'sup-b', { action: 'get', id })).toMatchObject({ code: 'CASE.NOT_FOUND' })
    expect((await call(deps, 'sup-a', { action: 'get', id })).ok).toBe(true)
  })

  test('asking for closure withdraws a pending extension, so it cannot be applied after a reopen', async () => {
    const { id } = await submit(deps)
    data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
    data(await act(deps, 'cadre-a', 'acknowledge', id))
    const deadline = ((await deps.store.get<Case>('cases', id)) as Case).assignment?.deadline as number
    data(await act(deps, 'cadre-a', 'requestExtension', id, { deadline: deadline + DAY_MS, reason: '等材料' }))
    data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '好了', standardMet: '好了' }))
    expect(((await deps.store.get<Case>('cases', id)) as Case).pendingExtension).toBeNull()
    data(await act(deps, 'sup-a', 'approveClosure', id))
    data(await act(deps, 'res-1', 'rate', id, { solved: 'unsolved', satisfaction: 'dissatisfied' }))
    expect(await act(deps, 'sup-a', 'approveExtension', id)).toMatchObject({ code: 'CASE.NO_EXTENSION' })
  })
})

describe('merge: check first, write after', () => {
  test('a refused merge leaves the surviving case untouched (its version does not move)', async () => {
    const survivor = await submit(deps, 'res-1')
    const duplicate = await submit(deps, 'res-2')
    const before = (await deps.store.get<Case>('cases', survivor.id))?.version
    // A cadre may not merge; an admin may not dispatch; a case already assigned cannot be merged.
    expect(await act(deps, 'cadre-a', 'merge', duplicate.id, { targetNumber: survivor.number })).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    })
    expect(await act(deps, 'admin', 'merge', duplicate.id, { targetNumber: survivor.number })).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    })
    data(await act(deps, 'sup-a', 'assign', duplicate.id, assignTo('cadre-a')))
    expect(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number })).toMatchObject({
      code: 'CASE.INVALID_TRANSITION',
    })
    expect((await deps.store.get<Case>('cases', survivor.id))?.version).toBe(before)
  })

  test('a case merged into itself (by its own number) is refused, said so, and does not move', async () => {
    const { id, number } = await submit(deps)
    const before = (await deps.store.get<Case>('cases', id))?.version
    expect(await act(deps, 'sup-a', 'merge', id, { targetNumber: number })).toEqual({
      ok: false,
      code: 'CASE.BAD_MERGE',
      message: '不能合并到这条诉求自己，请填写另一条诉求的编号',
      field: 'targetNumber',
    })
    expect((await deps.store.get<Case>('cases', id))?.version).toBe(before)
  })

  test('a merge whose follower copy keeps failing still answers ok; the finish-merges job completes it', async () => {
    const survivor = await submit(deps, 'res-1')
    const duplicate = await submit(deps, 'res-2')
    const realUpdate = deps.store.updateIfVersion.bind(deps.store)
    let failFollowerCopies = true
    deps.store.updateIfVersion = async (collection, id, expected, fields) =>
      failFollowerCopies && id === survivor.id && 'followerOpenids' in fields
        ? false
        : realUpdate(collection, id, expected, fields)
    const merged = data(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number }))
    expect(merged.status).toBe('merged')
    expect((await deps.store.get<Case>('cases', survivor.id))?.followerOpenids).toEqual(['res-1'])
    expect((await deps.store.get<Case>('cases', duplicate.id))?.mergeFollowersPending).toBe(true)
    failFollowerCopies = false
    expect(await finishMergesJob.run(deps)).toEqual({ finished: 1, pending: 0 })
    expect((await deps.store.get<Case>('cases', survivor.id))?.followerOpenids).toEqual(['res-1', 'res-2'])
    expect((await deps.store.get<Case>('cases', duplicate.id))?.mergeFollowersPending).toBe(false)
    expect(data<{ id: string }>(await call(deps, 'res-2', { action: 'get', id: survivor.id })).id).toBe(survivor.id)
    expect(await finishMergesJob.run(deps)).toEqual({ finished: 0, pending: 0 })
  })
})

describe('a written action answers ok whatever fails after it', () => {
  /** The store throws (an outage, not a lost race) on the calls `when` picks. */
  function throwWhen(when: (method: string, collection: string, id?: string, fields?: object) => boolean) {
    const store = deps.store
    const [get, query, update] = [store.get.bind(store), store.query.bind(store), store.updateIfVersion.bind(store)]
    const outage = () => {
      throw new Error('database unavailable')
    }
    store.get = (async (collection: string, id: string) =>
      when('get', collection, id) ? outage() : get(collection, id)) as typeof store.get
    store.query = (async (collection: string, options: Parameters<typeof query>[1]) =>
      when('query', collection) ? outage() : query(collection, options)) as typeof store.query
    store.updateIfVersion = async (collection, id, expected, fields) =>
      when('update', collection, id, fields) ? outage() : update(collection, id, expected, fields)
    return jest.spyOn(console, 'error').mockImplementation(() => undefined)
  }

  test('领办: the covering supervisors cannot be looked up after the request is written; it answers ok and stands', async () => {
    const { id } = await submit(deps)
    data(await act(deps, 'sup-a', 'assign', id, assignTo('sup-a')))
    data(await act(deps, 'sup-a', 'acknowledge', id))
    const later = (await deps.store.get<Case>('cases', id))?.assignment?.deadline ?? 0
    const errors = throwWhen((method, collection) => method === 'query' && collection === 'users')
    const answer = await act(deps, 'sup-a', 'requestExtension', id, { deadline: later + DAY_MS, reason: '材料未到' })
    errors.mockRestore()
    expect(answer).toMatchObject({ ok: true, data: { status: 'in_progress' } })
    expect((await deps.store.get<Case>('cases', id))?.pendingExtension?.reason).toBe('材料未到')
  })

  test.each([
    ['reading the merged case again', 'get'],
    ['clearing its flag', 'update'],
  ])(
    'a merge whose followers were copied but %s throws answers ok; the finish-merges job clears the flag',
    async (_what, failing) => {
      const survivor = await submit(deps, 'res-1')
      const duplicate = await submit(deps, 'res-2')
      let copied = false
      const errors = throwWhen((method, collection, id, fields = {}) => {
        if (method === 'update' && id === survivor.id && 'followerOpenids' in fields) copied = true
        return copied && method === failing && collection === 'cases' && id === duplicate.id
      })
      const answer = await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number })
      expect(answer).toMatchObject({ ok: true, data: { status: 'merged' } })
      copied = false
      expect((await deps.store.get<Case>('cases', survivor.id))?.followerOpenids).toEqual(['res-1', 'res-2'])
      expect((await deps.store.get<Case>('cases', duplicate.id))?.mergeFollowersPending).toBe(true)
      errors.mockRestore()
      expect(await finishMergesJob.run(deps)).toEqual({ finished: 1, pending: 0 })
      expect((await deps.store.get<Case>('cases', duplicate.id))?.mergeFollowersPending).toBe(false)
    },
  )
})

describe('匿名 messages, 领办 requests, late follower copies, merge targets and photo URLs after a write', () => {
  test('a message to the handler of a 匿名 case passes the view rule: the reporter’s phone in a comment is masked', async () => {
    const { id } = await submit(deps, 'res-1', { reporter: { name: '钱女士', phone: '13812345678', anonymous: true } })
    data(await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')))
    data(await act(deps, 'cadre-a', 'acknowledge', id))
    data(await act(deps, 'cadre-a', 'requestClosure', id, { note: '修好了', standardMet: '修好' }))
    data(await act(deps, 'sup-a', 'approveClosure', id))
    data(
      await act(deps, 'res-1', 'rate', id, {
        solved: 'unsolved',
        satisfaction: 'dissatisfied',
        comment: '再打13812345678',
      }),
    )
    const reopened = (await readOutbox(deps.store, 'cadre-a')).find((m) => m.template === 'taskReopened')
    expect(reopened?.text).toContain('138****5678')
    expect(JSON.stringify(await readOutbox(deps.store, 'cadre-a'))).not.toContain('13812345678')
  })

  test('a supervisor who takes a case himself (领办): his requests go to the other supervisors of the area, who alone may approve', async () => {
    const { id } = await submit(deps)
    data(await act(deps, 'sup-a', 'assign', id, assignTo('sup-a')))
    data(await act(deps, 'sup-a', 'acknowledge', id))
    const later = (await deps.store.get<Case>('cases', id))?.assignment?.deadline ?? 0
    data(await act(deps, 'sup-a', 'requestExtension', id, { deadline: later + 5 * DAY_MS, reason: '材料未到' }))
    expect(await act(deps, 'sup-a', 'approveExtension', id)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await outbox(deps)).toContain('reviewExtensionRequested→sup-a2')
    expect(await outbox(deps)).not.toContain('reviewExtensionRequested→sup-a')
    data(await act(deps, 'sup-a2', 'approveExtension', id))
  })

  test('followers copied late follow the case their case finally went into, even if that one was merged meanwhile', async () => {
    const c = await submit(deps, 'res-3')
    const a = await submit(deps, 'res-1')
    const b = await submit(deps, 'res-2')
    const realUpdate = deps.store.updateIfVersion.bind(deps.store)
    let failCopies = true
    deps.store.updateIfVersion = async (collection, docId, expected, fields) =>
      failCopies && 'followerOpenids' in fields && Object.keys(fields).length === 1
        ? false
        : realUpdate(collection, docId, expected, fields)
    data(await act(deps, 'sup-a', 'merge', c.id, { targetNumber: a.number }))
    failCopies = false
    data(await act(deps, 'sup-a', 'merge', a.id, { targetNumber: b.number }))
    await finishMergesJob.run(deps)
    expect((await deps.store.get<Case>('cases', b.id))?.followerOpenids.sort()).toEqual(['res-1', 'res-2', 'res-3'])
  })

  test('the follower of a merged case sees no exact position of the other report, only its masked address', async () => {
    const survivor = await submit(deps, 'res-1', {
      location: { coords: { lat: 30.4285, lng: 112.8912, system: 'wgs84' }, address: '柳岸小区3栋2单元501室' },
    })
    const duplicate = await submit(deps, 'res-2')
    data(await act(deps, 'sup-a', 'merge', duplicate.id, { targetNumber: survivor.number }))
    const seen = data<{ kind: string; location: { coords?: unknown; address?: string } }>(
      await call(deps, 'res-2', { action: 'get', id: survivor.id }),
    )
    expect(seen).toMatchObject({ kind: 'other', location: { address: '柳岸小区3栋2单元***室' } })
    expect(seen.location.coords).toBeUndefined()
  })

  test('a missing case number and one outside the subtree are refused alike as merge targets', async () => {
    const mine = await submit(deps)
    const elsewhere = await submit(deps, 'res-2', { areaUnitId: 'estate-b' })
    const missing = await act(deps, 'sup-a', 'merge', mine.id, { targetNumber: '2026-999999' })
    const outside = await act(deps, 'sup-a', 'merge', mine.id, { targetNumber: elsewhere.number })
    expect(missing).toMatchObject({ ok: false, code: 'CASE.BAD_MERGE' })
    expect(outside).toEqual(missing)
  })

  test('an action stays done when the photo URLs cannot be had: the answer comes without them', async () => {
    const { id } = await submit(deps)
    deps.files.temporaryUrls = async () => {
      throw new Error('storage unavailable')
    }
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const assigned = data<{ status: string; photoUrls: Record<string, string> }>(
      await act(deps, 'sup-a', 'assign', id, assignTo('cadre-a')),
    )
    errors.mockRestore()
    expect(assigned).toMatchObject({ status: 'assigned', photoUrls: {} })
  })
})

describe('派单的完成时限: the urgency’s default or earlier, never later', () => {
  // Submitted 2026-03-15 10:00 UTC+8, 一般: due by the end of 2026-03-22.
  const utc8 = (d: number, h: number) => Date.UTC(2026, 2, d, h - 8)

  test('a deadline past the default is refused with the latest date allowed, and nothing changes', async () => {
    const { id } = await submit(deps)
    const before = JSON.stringify(await deps.store.get('cases', id))
    const refused = await act(deps, 'sup-a', 'assign', id, { ...assignTo('cadre-a'), deadline: utc8(25, 18) })
    expect(refused).toMatchObject({ ok: false, code: 'CASE.BAD_DEADLINE', field: 'deadline' })
    expect((refused as { message: string }).message).toMatch(/2026年3月22日/)
    expect(JSON.stringify(await deps.store.get('cases', id))).toBe(before)
  })

  test('an earlier deadline is kept', async () => {
    const { id } = await submit(deps)
    data(await act(deps, 'sup-a', 'assign', id, { ...assignTo('cadre-a'), deadline: utc8(18, 18) }))
    expect((await deps.store.get<Case>('cases', id))?.assignment?.deadline).toBe(utc8(18, 18))
  })
})

describe('the staff view says who is responsible and where the case is', () => {
  const location = {
    coords: { lat: 30.4312, lng: 112.8965, system: 'gcj02', accuracy: 15 },
    address: '柳岸小区3栋2单元501室',
  }

  test('责任单位 by name, and the place with its coordinate system; the view rule still masks the door for a follower', async () => {
    const { id, number } = await submit(deps, 'res-1', { location })
    const unassigned = data<{ assignment: unknown; location: unknown }>(
      await call(deps, 'sup-a', { action: 'get', id }),
    )
    expect(unassigned).toMatchObject({ assignment: null, location })
    data(await act(deps, 'sup-a', 'assign', id, { ...assignTo('cadre-a'), responsibleUnitId: 'estate-a' }))
    for (const openid of ['sup-a', 'cadre-a', 'admin']) {
      const staff = data<{ kind: string; assignment: Record<string, unknown>; location: unknown }>(
        await call(deps, openid, { action: 'get', id }),
      )
      expect({ openid, kind: staff.kind, location: staff.location }).toEqual({ openid, kind: 'staff', location })
      expect(staff.assignment).toMatchObject({ responsibleUnitId: 'estate-a', responsibleUnitName: 'A小区' })
    }
    // The reporter sees their own address in full; someone whose report was merged into it does not.
    expect(data<{ location: unknown }>(await call(deps, 'res-1', { action: 'get', id })).location).toEqual(location)
    const other = await submit(deps, 'res-2')
    data(await act(deps, 'sup-a', 'merge', other.id, { targetNumber: number }))
    const followed = data<{ kind: string; location: unknown }>(await call(deps, 'res-2', { action: 'get', id }))
    expect(followed).toMatchObject({ kind: 'other', location: { address: '柳岸小区3栋2单元***室' } })
    expect(followed.location).not.toHaveProperty('coords')
  })
})
