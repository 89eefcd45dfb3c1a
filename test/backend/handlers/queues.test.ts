import type { Case } from '@core/case/case'
import { HOUR_MS } from '@core/time'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

let deps: Deps

async function submit(areaUnitId: string): Promise<string> {
  return data<{ id: string }>(await call(deps, `res-${areaUnitId}`, submitEvent({ areaUnitId }))).id
}

/** Acts on a case with the version it has now, as a user who just loaded it would. */
async function act(openid: string, action: string, id: string, params: Record<string, unknown> = {}) {
  const current = (await deps.store.get<Case>('cases', id)) as Case
  return data(await call(deps, openid, { action, id, expectedVersion: current.version, ...params }))
}

const assignment = (unit: string, handlerOpenid: string) => ({
  leadOfficial: '陈书记',
  responsibleUnitId: unit,
  handlerOpenid,
  standard: '一周内解决',
})

/**
 * A: two cases waiting (待派单), one extension asked, one closure asked, one assigned and not
 * 签收'd past its 24 h; B: one waiting and one assigned and not 签收'd. Then 25 hours pass.
 */
beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b' })
  await addUser(deps, 'sup-nowhere', 'supervisor')
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a' })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district' })
  await submit('estate-a')
  await submit('estate-a')
  const extension = await submit('estate-a')
  const closure = await submit('estate-a')
  const late = await submit('estate-a')
  await submit('estate-b')
  const lateB = await submit('estate-b')
  for (const id of [extension, closure, late]) await act('sup-a', 'assign', id, assignment('office-a', 'cadre-a'))
  await act('sup-b', 'assign', lateB, assignment('office-b', 'cadre-b'))
  for (const id of [extension, closure]) await act('cadre-a', 'acknowledge', id)
  const deadline = ((await deps.store.get<Case>('cases', extension)) as Case).assignment?.deadline as number
  await act('cadre-a', 'requestExtension', extension, { deadline: deadline + 3 * 24 * HOUR_MS, reason: '等材料' })
  await act('cadre-a', 'requestClosure', closure, { note: '已修好', standardMet: '当天修好' })
  deps.clock.current += 25 * HOUR_MS
})
afterEach(() => deps.store.close())

describe('cases.queueCounts: the supervisor’s home page', () => {
  test.each([
    ['A’s supervisor: A’s cases only', 'sup-a', { dispatch: 2, review: 1, extension: 1, overdue: 1 }],
    ['B’s supervisor: B’s cases only', 'sup-b', { dispatch: 1, review: 0, extension: 0, overdue: 1 }],
    ['the admin: every case', 'admin', { dispatch: 3, review: 1, extension: 1, overdue: 2 }],
  ])('%s', async (_label, openid, expected) => {
    expect(data(await call(deps, openid, { action: 'queueCounts' }))).toEqual(expected)
  })

  test('each count is the total of the very queue the list shows', async () => {
    const counts = data<Record<string, number>>(await call(deps, 'sup-a', { action: 'queueCounts' }))
    for (const queue of ['dispatch', 'review', 'extension', 'overdue']) {
      const listed = data<{ total: number }>(await call(deps, 'sup-a', { action: 'listInScope', queue }))
      expect({ queue, total: listed.total }).toEqual({ queue, total: counts[queue] })
    }
  })

  test.each([
    ['a cadre', 'cadre-a', 'AUTH.FORBIDDEN'],
    ['a resident', 'res-estate-a', 'AUTH.FORBIDDEN'],
    ['a supervisor without a unit', 'sup-nowhere', 'AUTH.FORBIDDEN'],
    ['nobody', null, 'AUTH.LOGIN_REQUIRED'],
  ])('%s (%s) is refused with %s', async (_label, openid, code) => {
    expect(await call(deps, openid, { action: 'queueCounts' })).toMatchObject({ ok: false, code })
  })
})

describe('cases.listInScope: merge targets leave out the case being merged', () => {
  test('the open queue with excludeId lists every other open case of the subtree, and counts them', async () => {
    const all = data<{ items: Array<{ id: string }>; total: number }>(
      await call(deps, 'sup-a', { action: 'listInScope', queue: 'open' }),
    )
    const merging = all.items[0]?.id as string
    const others = data<{ items: Array<{ id: string }>; total: number }>(
      await call(deps, 'sup-a', { action: 'listInScope', queue: 'open', excludeId: merging }),
    )
    expect(all.total).toBe(5)
    expect(others.total).toBe(4)
    expect(others.items.map((item) => item.id).sort()).toEqual(
      all.items
        .map((item) => item.id)
        .filter((id) => id !== merging)
        .sort(),
    )
  })
})
