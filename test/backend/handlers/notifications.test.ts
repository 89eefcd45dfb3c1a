import type { Case } from '@core/case/case'
import { REPORTER_TEMPLATES } from '@core/case/notifications'
import type { User } from '@core/user/user'
import { readOutbox } from '../../../backend/adapters/outbox.notifier'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

async function messages(deps: Deps) {
  return (await readOutbox(deps.store)).reverse().map((m) => ({ to: m.recipient, template: m.template, page: m.page }))
}

const subscribe = (deps: Deps, openid: string, templates: string[]) =>
  call(deps, openid, { action: 'subscribe', templates }, 'users')

let deps: Deps
beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-a2', 'supervisor', { unitId: 'office-a', name: '周主任' })
  await addUser(deps, 'sup-gone', 'supervisor', { unitId: 'office-a', name: '离任', active: false })
  await addUser(deps, 'sup-district', 'supervisor', { unitId: 'district', name: '周志远' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  for (const openid of ['sup-a', 'sup-a2', 'sup-gone', 'sup-district']) {
    await deps.store.updateIfVersion('users', openid, 1, {
      subscriptions: { caseSubmitted: 5, reviewClosureRequested: 5, reviewExtensionRequested: 5 },
    })
  }
})
afterEach(() => deps.store.close())

describe('the supervisors covering a case hear of it at once', () => {
  test('a new case goes to the active supervisors of the nearest unit up its area that has any, opening the staff page', async () => {
    const { id } = data<{ id: string }>(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' })))
    expect(await messages(deps)).toEqual([
      { to: 'sup-a', template: 'caseSubmitted', page: `packages/staff/pages/case/index?id=${id}` },
      { to: 'sup-a2', template: 'caseSubmitted', page: `packages/staff/pages/case/index?id=${id}` },
    ])
  })

  test('an area whose office has no supervisor is covered by the nearest ancestor that has one', async () => {
    await addUser(deps, 'res-b', 'resident')
    const { id } = data<{ id: string }>(await call(deps, 'res-b', submitEvent({ areaUnitId: 'estate-b' })))
    expect(await messages(deps)).toEqual([
      { to: 'sup-district', template: 'caseSubmitted', page: `packages/staff/pages/case/index?id=${id}` },
    ])
  })

  test('a case a cadre raised on a visit is announced the same way', async () => {
    data(
      await call(
        deps,
        'cadre-a',
        {
          action: 'recordVisit',
          clientRequestId: 'visit-notify-001',
          kind: '其他',
          durationMinutes: 20,
          areaUnitId: 'estate-a',
          raiseCases: [
            { category: '养老', description: '老人需要助餐服务', reporter: { name: '孙奶奶', phone: '13800001111' } },
          ],
        },
        'fieldwork',
      ),
    )
    expect((await messages(deps)).map((m) => `${m.template}→${m.to}`)).toEqual([
      'caseSubmitted→sup-a',
      'caseSubmitted→sup-a2',
    ])
  })

  test('the store failing while the covering supervisors are looked up: the stored report answers ok, and the lookup is asked again', async () => {
    const realQuery = deps.store.query.bind(deps.store)
    let failures = 0
    deps.store.query = (async (collection: string, options: Parameters<typeof realQuery>[1]) => {
      if (collection === 'users' && failures > 0) {
        failures -= 1
        throw new Error('database unavailable')
      }
      return realQuery(collection, options)
    }) as typeof deps.store.query
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    failures = 1
    const once = await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' }))
    failures = 1000
    const always = await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' }))
    errors.mockRestore()
    expect([once.ok, always.ok]).toEqual([true, true])
    expect(await deps.store.count('cases')).toBe(2)
    // Told after the one failure; left untold (and logged) while the store keeps failing.
    expect((await messages(deps)).map((m) => `${m.template}→${m.to}`)).toEqual([
      'caseSubmitted→sup-a',
      'caseSubmitted→sup-a2',
    ])
  })

  test('a resend of the same report announces nothing twice', async () => {
    const event = submitEvent({ areaUnitId: 'estate-a' })
    data(await call(deps, 'res-1', event))
    data(await call(deps, 'res-1', event))
    expect(await messages(deps)).toHaveLength(2)
  })
})

describe('staff subscription grants are tracked like the reporters’', () => {
  test('each message uses one grant; with none left, nothing is sent to that person', async () => {
    await deps.store.updateIfVersion('users', 'sup-a2', 2, { subscriptions: { caseSubmitted: 1 } })
    data(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' })))
    data(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' })))
    expect((await messages(deps)).map((m) => m.to)).toEqual(['sup-a', 'sup-a2', 'sup-a'])
    expect((await deps.store.get<User>('users', 'sup-a'))?.subscriptions?.caseSubmitted).toBe(3)
    expect((await deps.store.get<User>('users', 'sup-a2'))?.subscriptions?.caseSubmitted).toBe(0)
  })

  test('users.subscribe records the grants a person accepted: only the templates meant for their role', async () => {
    const before = (await deps.store.get<User>('users', 'cadre-a'))?.subscriptions?.taskAssigned ?? 0
    const me = data<{ subscriptions: Record<string, number> }>(
      await subscribe(deps, 'cadre-a', ['taskAssigned', 'taskReopened']),
    )
    expect(me.subscriptions).toMatchObject({ taskAssigned: before + 1, taskReopened: 1 })
    expect(await subscribe(deps, 'cadre-a', ['caseSubmitted'])).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'templates',
    })
    expect(await subscribe(deps, 'cadre-a', ['nope'])).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })

  test('the handler hears of the assignment, opening the staff page; the reporter of the 受理, opening hers', async () => {
    data(await subscribe(deps, 'cadre-a', ['taskAssigned']))
    const { id } = data<{ id: string }>(
      await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a', subscriptions: REPORTER_TEMPLATES })),
    )
    const version = ((await deps.store.get<Case>('cases', id)) as Case).version
    data(
      await call(deps, 'sup-a', {
        action: 'assign',
        id,
        expectedVersion: version,
        leadOfficial: '陈书记',
        responsibleUnitId: 'office-a',
        handlerOpenid: 'cadre-a',
        standard: '三天内修好',
      }),
    )
    const sent = await messages(deps)
    expect(sent).toContainEqual({
      to: 'cadre-a',
      template: 'taskAssigned',
      page: `packages/staff/pages/case/index?id=${id}`,
    })
    expect(sent).toContainEqual({ to: 'res-1', template: 'caseAccepted', page: `pages/case/index?id=${id}` })
  })
})
