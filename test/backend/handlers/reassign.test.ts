import type { Case } from '@core/case/case'
import { REPORTER_TEMPLATES, STAFF_TEMPLATES } from '@core/case/notifications'
import type { Result } from '@core/result'
import type { User } from '@core/user/user'
import { readOutbox } from '../../../backend/adapters/outbox.notifier'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data as dataOf } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>
type View = { id: string; number: string; version: number; status: string } & Record<string, unknown>
const data = <T = View>(result: Result<unknown>): T => dataOf<T>(result)

const cadreGrants = { subscriptions: Object.fromEntries(STAFF_TEMPLATES.cadre.map((t) => [t, 99])) }

let deps: Deps
beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘主任' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强', ...cadreGrants })
  await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'office-a', name: '李娜', ...cadreGrants })
  await addUser(deps, 'cadre-gone', 'cadre', { unitId: 'office-a', name: '离岗', active: false })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏', ...cadreGrants })
  await addUser(deps, 'res-a', 'resident', { unitId: 'estate-a', name: '张三' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
})
afterEach(() => deps.store.close())

async function act(openid: string, action: string, id: string, params: Record<string, unknown> = {}) {
  const current = (await deps.store.get<Case>('cases', id)) as Case
  return call(deps, openid, { action, id, expectedVersion: current.version, ...params })
}

/** A case of estate-a assigned by 陈书记 to `handler`, and signed when `signed`. */
async function caseOf(handler: string, signed = true): Promise<View> {
  const created = data(
    await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a', subscriptions: REPORTER_TEMPLATES })),
  )
  data(
    await act('sup-a', 'assign', created.id, {
      leadOfficial: '陈书记',
      responsibleUnitId: 'office-a',
      handlerOpenid: handler,
      standard: '三天内修好楼道灯',
    }),
  )
  if (signed) data(await act(handler, 'acknowledge', created.id))
  return created
}

async function outbox(): Promise<string[]> {
  return (await readOutbox(deps.store))
    .reverse()
    .filter((m) => m.template === 'taskAssigned')
    .map((m) => `${m.template}→${m.recipient}: ${m.title}`)
}

const stored = async (id: string) => (await deps.store.get<Case>('cases', id)) as Case

describe('改派 through the handler', () => {
  test('陈书记 reassigns 王强’s case to 李娜: she must sign it, he no longer has it, both are told, the reporter sees no reason', async () => {
    const { id } = await caseOf('cadre-a')
    const answer = data<View & { assignment: { handlerOpenid: string }; availableActions: string[] }>(
      await act('sup-a', 'reassign', id, { handlerOpenid: 'cadre-a2', reason: '王强借调到区里' }),
    )
    expect(answer).toMatchObject({ kind: 'staff', status: 'assigned', assignment: { handlerOpenid: 'cadre-a2' } })
    // The supervisor may reassign again (to someone else), 督办 or name its 领办, but nothing else while it waits for 签收.
    expect(answer.availableActions).toEqual(['reassign', 'addSupervisionNote', 'markPledge'])
    expect(await outbox()).toEqual([
      'taskAssigned→cadre-a: 您有新的办理任务',
      'taskAssigned→cadre-a2: 您有新的办理任务',
      'taskAssigned→cadre-a: 您的办理任务已改派他人',
    ])

    const tasks = async (openid: string) =>
      data<{ items: Array<{ id: string }> }>(await call(deps, openid, { action: 'listMyTasks' })).items.map((i) => i.id)
    expect(await tasks('cadre-a2')).toEqual([id])
    expect(await tasks('cadre-a')).toEqual([])
    expect(await call(deps, 'cadre-a', { action: 'get', id })).toMatchObject({ ok: false, code: 'CASE.NOT_FOUND' })
    expect(await act('cadre-a', 'addProgress', id, { note: '还在办' })).toMatchObject({
      ok: false,
      code: 'CASE.NOT_FOUND',
    })
    const signed = data(await act('cadre-a2', 'acknowledge', id))
    expect(signed.status).toBe('in_progress')

    const seen = data<{ timeline: Array<{ type: string; note: string }> }>(
      await call(deps, 'res-1', { action: 'get', id }),
    )
    expect(seen.timeline.map((e) => e.type)).toEqual(['submit', 'assign', 'acknowledge', 'reassign', 'acknowledge'])
    expect(seen.timeline[3]?.note).toBe('')
    expect(JSON.stringify(seen)).not.toContain('借调')
    expect((await stored(id)).handledBy).toEqual(['cadre-a', 'cadre-a2'])
  })

  test('a case not yet signed may be reassigned too', async () => {
    const { id } = await caseOf('cadre-a', false)
    expect(data(await act('sup-a', 'reassign', id, { handlerOpenid: 'cadre-a2', reason: '王强请假' })).status).toBe(
      'assigned',
    )
  })

  const refusals: Array<{ name: string; by: string; params: Record<string, unknown>; code: string; field?: string }> = [
    {
      name: 'a handler outside the supervisor’s subtree',
      by: 'sup-a',
      params: { handlerOpenid: 'cadre-b', reason: '换人' },
      code: 'CASE.BAD_HANDLER',
      field: 'handlerOpenid',
    },
    {
      name: 'the current handler',
      by: 'sup-a',
      params: { handlerOpenid: 'cadre-a', reason: '换人' },
      code: 'CASE.SAME_HANDLER',
      field: 'handlerOpenid',
    },
    {
      name: 'a deactivated official',
      by: 'sup-a',
      params: { handlerOpenid: 'cadre-gone', reason: '换人' },
      code: 'CASE.BAD_HANDLER',
      field: 'handlerOpenid',
    },
    {
      name: 'a resident',
      by: 'sup-a',
      params: { handlerOpenid: 'res-a', reason: '换人' },
      code: 'CASE.BAD_HANDLER',
      field: 'handlerOpenid',
    },
    {
      name: 'nobody known',
      by: 'sup-a',
      params: { handlerOpenid: 'nobody', reason: '换人' },
      code: 'CASE.BAD_HANDLER',
      field: 'handlerOpenid',
    },
    {
      name: 'no reason',
      by: 'sup-a',
      params: { handlerOpenid: 'cadre-a2' },
      code: 'INPUT.INVALID',
      field: 'reason',
    },
    {
      name: 'a one-character reason',
      by: 'sup-a',
      params: { handlerOpenid: 'cadre-a2', reason: '换' },
      code: 'INPUT.INVALID',
      field: 'reason',
    },
    {
      name: 'no handler',
      by: 'sup-a',
      params: { reason: '换人' },
      code: 'INPUT.INVALID',
      field: 'handlerOpenid',
    },
    {
      name: 'a cadre (only supervisors reassign)',
      by: 'cadre-a',
      params: { handlerOpenid: 'cadre-a2', reason: '换人' },
      code: 'AUTH.FORBIDDEN',
    },
    {
      name: 'an admin (not a dispatcher)',
      by: 'admin',
      params: { handlerOpenid: 'cadre-a2', reason: '换人' },
      code: 'AUTH.FORBIDDEN',
    },
    {
      name: 'the supervisor of another office (who may not see the case)',
      by: 'sup-b',
      params: { handlerOpenid: 'cadre-b', reason: '换人' },
      code: 'CASE.NOT_FOUND',
    },
  ]
  test.each(refusals)(
    'refused: $name → $code; nothing changes, nobody is told',
    async ({ by, params, code, field }) => {
      const { id } = await caseOf('cadre-a')
      const before = await stored(id)
      const messages = await outbox()
      const result = await act(by, 'reassign', id, params)
      expect(result).toMatchObject({ ok: false, code, ...(field ? { field } : {}) })
      expect(await stored(id)).toEqual(before)
      expect(await outbox()).toEqual(messages)
    },
  )

  test('refused: a case waiting for 销号 → CASE.INVALID_TRANSITION', async () => {
    const { id } = await caseOf('cadre-a')
    data(await act('cadre-a', 'requestClosure', id, { note: '灯已换好', standardMet: '修好' }))
    expect(await act('sup-a', 'reassign', id, { handlerOpenid: 'cadre-a2', reason: '换人' })).toMatchObject({
      ok: false,
      code: 'CASE.INVALID_TRANSITION',
    })
  })

  test('refused: a stale version → CASE.CONFLICT', async () => {
    const { id } = await caseOf('cadre-a')
    const version = (await stored(id)).version
    data(await act('cadre-a', 'addProgress', id, { note: '已联系电工' }))
    expect(
      await call(deps, 'sup-a', {
        action: 'reassign',
        id,
        expectedVersion: version,
        handlerOpenid: 'cadre-a2',
        reason: '换人',
      }),
    ).toMatchObject({ ok: false, code: 'CASE.CONFLICT' })
  })
})

describe('停用 waits until the official handles no open case', () => {
  const update = async (openid: string, change: Record<string, unknown>) => {
    const user = (await deps.store.get<User>('users', openid)) as User
    return call(deps, 'admin', { action: 'update', openid, expectedVersion: user.version, ...change }, 'users')
  }

  test('王强 handles two open cases: 停用 is refused naming both, and he stays as he was', async () => {
    const first = await caseOf('cadre-a')
    const second = await caseOf('cadre-a', false)
    const before = await deps.store.get<User>('users', 'cadre-a')
    const result = await update('cadre-a', { active: false })
    expect(result).toMatchObject({ ok: false, code: 'USER.HANDLES_OPEN_CASES', field: 'active' })
    if (result.ok) return
    expect(result.message).toBe(
      `王强还在承办 2 条未办结的诉求：${first.number}、${second.number}。请督办领导先在诉求页“改派”给别人，再停用或更改角色。`,
    )
    expect(await deps.store.get<User>('users', 'cadre-a')).toEqual(before)
  })

  test('once both are reassigned he can be deactivated, and re-activated', async () => {
    const first = await caseOf('cadre-a')
    const second = await caseOf('cadre-a', false)
    for (const { id } of [first, second]) {
      data(await act('sup-a', 'reassign', id, { handlerOpenid: 'cadre-a2', reason: '王强调离' }))
    }
    expect(data<{ active: boolean }>(await update('cadre-a', { active: false })).active).toBe(false)
    expect(data<{ active: boolean }>(await update('cadre-a', { active: true })).active).toBe(true)
  })

  test('many open cases: the first five are named, the rest counted', async () => {
    const numbers: string[] = []
    for (let i = 0; i < 7; i++) numbers.push((await caseOf('cadre-a', i % 2 === 0)).number)
    const result = await update('cadre-a', { active: false })
    expect(result).toMatchObject({ ok: false, code: 'USER.HANDLES_OPEN_CASES' })
    if (result.ok) return
    const named = result.message.match(/\d{4}-\d{6}/g) ?? []
    expect(named).toHaveLength(5)
    expect(numbers).toEqual(expect.arrayContaining(named))
    expect(result.message).toContain('王强还在承办 7 条未办结的诉求：')
    expect(result.message).toContain('等，另有 2 条。')
  })

  test('a role that does no case work is refused the same way; another official role is not', async () => {
    const { number } = await caseOf('cadre-a')
    expect(await update('cadre-a', { role: 'resident' })).toMatchObject({
      ok: false,
      code: 'USER.HANDLES_OPEN_CASES',
      field: 'role',
      message: expect.stringContaining(number),
    })
    expect(data<{ role: string }>(await update('cadre-a', { role: 'supervisor' })).role).toBe('supervisor')
  })

  test('closed cases do not hold anyone: only open ones count', async () => {
    const { id } = await caseOf('cadre-a')
    data(await act('cadre-a', 'requestClosure', id, { note: '灯已换好', standardMet: '修好' }))
    // Waiting for 销号 is still open: he must answer a rejection.
    expect(await update('cadre-a', { active: false })).toMatchObject({ ok: false, code: 'USER.HANDLES_OPEN_CASES' })
    data(await act('sup-a', 'approveClosure', id))
    expect(data<{ active: boolean }>(await update('cadre-a', { active: false })).active).toBe(false)
  })

  test('re-activating is never held', async () => {
    expect(data<{ active: boolean }>(await update('cadre-gone', { active: true })).active).toBe(true)
  })
})
