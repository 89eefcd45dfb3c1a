import type { Case } from '@core/case/case'
import type { ReporterCaseView, CaseListItem } from '@core/case/views'
import { addUnit, addUser, call, makeDeps, submitEvent, MARCH_15_2026 } from '../../support/backend'
import { data } from '../../support/result'
import { TINY_PNG } from '../../support/images'

type Deps = Awaited<ReturnType<typeof makeDeps>>

async function setup(): Promise<Deps> {
  const deps = await makeDeps()
  await addUnit(deps, { _id: 'office-1', kind: 'office' })
  await addUnit(deps, { _id: 'estate-1', kind: 'estate', parentId: 'office-1', ancestorIds: ['office-1'] })
  await addUnit(deps, { _id: 'dept-1', kind: 'department' })
  await addUnit(deps, { _id: 'estate-closed', kind: 'estate', active: false })
  return deps
}

describe('cases.submit', () => {
  let deps: Deps
  beforeEach(async () => {
    deps = await setup()
  })
  afterEach(() => deps.store.close())

  test('a first-time visitor submits a case: numbered, submitted, with its first event', async () => {
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent()))
    expect(view.number).toBe('2026-000001')
    expect(view.status).toBe('submitted')
    expect(view.version).toBe(1)
    expect(view.createdAt).toBe(MARCH_15_2026)
    expect(view.timeline).toEqual([
      { type: 'submit', at: MARCH_15_2026, byRole: 'resident', from: null, to: 'submitted', note: '', attachments: [] },
    ])
    const stored = await deps.store.get<Case>('cases', view.id)
    expect(stored).toMatchObject({
      createdBy: { openid: 'resident-a', role: 'resident' },
      reporter: { name: '王阿姨', phone: '13812345678', anonymous: false, relation: 'self', openid: 'resident-a' },
      followerOpenids: ['resident-a'],
      source: 'resident',
      areaUnitId: 'estate-1',
    })
  })

  test('numbers run per year at UTC+8: 31 Dec 16:00 UTC is already next year', async () => {
    deps.clock.current = Date.UTC(2026, 11, 31, 15, 59, 59)
    expect(data<ReporterCaseView>(await call(deps, 'r', submitEvent())).number).toBe('2026-000001')
    deps.clock.current = Date.UTC(2026, 11, 31, 16, 0, 0)
    expect(data<ReporterCaseView>(await call(deps, 'r', submitEvent())).number).toBe('2027-000001')
    expect(data<ReporterCaseView>(await call(deps, 'r', submitEvent())).number).toBe('2027-000002')
  })

  test('the same client request id sent twice gives one case', async () => {
    const event = submitEvent()
    const first = data<ReporterCaseView>(await call(deps, 'resident-a', event))
    const second = data<ReporterCaseView>(await call(deps, 'resident-a', event))
    expect(second).toEqual(first)
    expect(await deps.store.count('cases')).toBe(1)
  })

  test('the same client request id sent ten times at once gives one case', async () => {
    const event = submitEvent()
    const results = await Promise.all(Array.from({ length: 10 }, () => call(deps, 'resident-a', event)))
    const ids = new Set(results.map((result) => data<ReporterCaseView>(result).id))
    expect(ids.size).toBe(1)
    expect(await deps.store.count('cases')).toBe(1)
  })

  test('two residents who happen to use the same request id get two cases', async () => {
    const event = submitEvent()
    const a = data<ReporterCaseView>(await call(deps, 'resident-a', event))
    const b = data<ReporterCaseView>(await call(deps, 'resident-b', event))
    expect(a.id).not.toBe(b.id)
    expect(await deps.store.count('cases')).toBe(2)
  })

  test('50 different concurrent submits get 50 distinct numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(deps, `resident-${i % 7}`, submitEvent())),
    )
    const numbers = results.map((result) => data<ReporterCaseView>(result).number)
    expect(new Set(numbers).size).toBe(50)
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`))
  })

  test.each([
    ['an unknown unit', 'nowhere'],
    ['a department (not a place)', 'dept-1'],
    ['a deactivated unit', 'estate-closed'],
  ])('an area that is %s is refused and stores nothing', async (_label, areaUnitId) => {
    const result = await call(deps, 'resident-a', submitEvent({ areaUnitId }))
    expect(result).toMatchObject({ ok: false, code: 'CASE.UNKNOWN_AREA', field: 'areaUnitId' })
    expect(await deps.store.count('cases')).toBe(0)
    expect(await deps.store.get('counters', 'case-number-2026')).toBeNull()
  })

  test('a photo that was never uploaded is refused', async () => {
    const result = await call(deps, 'resident-a', submitEvent({ photos: [`img_${'a'.repeat(32)}.jpg`] }))
    expect(result).toMatchObject({ ok: false, code: 'CASE.PHOTO_NOT_FOUND' })
    expect(await deps.store.count('cases')).toBe(0)
  })

  test('an uploaded photo is accepted and recorded on the first event', async () => {
    const photo = await deps.files.save(TINY_PNG, 'png', 'image/png')
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent({ photos: [photo] })))
    expect(view.photos).toEqual([photo])
    expect(view.timeline[0]?.attachments).toEqual([photo])
  })

  test('a family member reporting is recorded as reporter, without tying their WeChat to it', async () => {
    const event = submitEvent({
      reporter: { name: '王大爷', phone: '0728-6231234', relation: 'family', anonymous: true },
    })
    const view = data<ReporterCaseView>(await call(deps, 'daughter', event))
    const stored = await deps.store.get<Case>('cases', view.id)
    expect(stored?.reporter).toEqual({
      name: '王大爷',
      phone: '0728-6231234',
      relation: 'family',
      anonymous: true,
      openid: null,
    })
    expect(stored?.createdBy.openid).toBe('daughter')
    expect(stored?.followerOpenids).toEqual(['daughter'])
  })

  test('identity-looking fields in the event are ignored and never stored', async () => {
    await addUser(deps, 'resident-a', 'resident')
    const event = submitEvent({
      openid: 'someone-else',
      _openid: 'someone-else',
      role: 'admin',
      createdBy: { openid: 'someone-else', role: 'admin' },
      userInfo: { openId: 'someone-else', appId: 'x' },
      status: 'closed',
      number: '2026-999999',
    })
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', event))
    const stored = (await deps.store.get<Case>('cases', view.id)) as unknown as Record<string, unknown>
    expect(stored).toMatchObject({
      status: 'submitted',
      number: '2026-000001',
      createdBy: { openid: 'resident-a', role: 'resident' },
    })
    for (const key of ['openid', '_openid', 'role', 'userInfo']) expect(stored).not.toHaveProperty(key)
  })

  test.each(['cadre', 'supervisor', 'admin'] as const)('a %s cannot submit as a resident', async (role) => {
    await addUser(deps, `user-${role}`, role)
    expect(await call(deps, `user-${role}`, submitEvent())).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await deps.store.count('cases')).toBe(0)
  })

  test('a caller without identity must log in; a deactivated user is refused', async () => {
    expect(await call(deps, null, submitEvent())).toMatchObject({ ok: false, code: 'AUTH.LOGIN_REQUIRED' })
    await addUser(deps, 'gone', 'resident', { active: false })
    expect(await call(deps, 'gone', submitEvent())).toMatchObject({ ok: false, code: 'AUTH.DEACTIVATED' })
    expect(await deps.store.count('cases')).toBe(0)
  })
})

describe('cases.listMine and cases.get', () => {
  let deps: Deps
  beforeEach(async () => {
    deps = await setup()
  })
  afterEach(() => deps.store.close())

  test('listMine pages through the caller’s own cases, newest first, and nobody else’s', async () => {
    // Paging, not the hourly limit, is what this is about: 25 reports from one person.
    deps.settings = { ...deps.settings, rateLimits: [] }
    for (let i = 0; i < 25; i++) {
      deps.clock.current = MARCH_15_2026 + i * 1000
      await call(deps, 'resident-a', submitEvent({ description: `第${i + 1}条诉求内容` }))
    }
    await call(deps, 'resident-b', submitEvent())
    type Page = { items: CaseListItem[]; total: number; nextCursor: string | null }
    const first = data<Page>(await call(deps, 'resident-a', { action: 'listMine', pageSize: 10 }))
    expect(first.total).toBe(25)
    expect(first.nextCursor).toEqual(expect.any(String))
    expect(first.items.map((item) => item.summary)).toEqual(
      Array.from({ length: 10 }, (_, i) => `第${25 - i}条诉求内容`),
    )
    const second = data<Page>(
      await call(deps, 'resident-a', { action: 'listMine', pageSize: 10, cursor: first.nextCursor }),
    )
    const last = data<Page>(
      await call(deps, 'resident-a', { action: 'listMine', pageSize: 10, cursor: second.nextCursor }),
    )
    expect(last.items.map((item) => item.summary)).toEqual([
      '第5条诉求内容',
      '第4条诉求内容',
      '第3条诉求内容',
      '第2条诉求内容',
      '第1条诉求内容',
    ])
    expect(last.nextCursor).toBeNull()
    const other = data<{ total: number }>(await call(deps, 'resident-b', { action: 'listMine' }))
    expect(other.total).toBe(1)
  })

  test('listMine refuses a cursor it did not give out', async () => {
    expect(await call(deps, 'r', { action: 'listMine', cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'cursor',
    })
    expect(
      await call(deps, 'r', { action: 'listMine', cursor: Buffer.from('[1,2,3]').toString('base64url') }),
    ).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'cursor',
    })
    expect(await call(deps, 'r', { action: 'listMine', pageSize: 500 })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'pageSize',
    })
  })

  test('get finds the caller’s case by id and by number', async () => {
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent()))
    expect(data<ReporterCaseView>(await call(deps, 'resident-a', { action: 'get', id: view.id }))).toEqual(view)
    expect(data<ReporterCaseView>(await call(deps, 'resident-a', { action: 'get', number: view.number }))).toEqual(view)
  })

  test('resident B asking for resident A’s case, by id or by number, hears what a missing case answers: nobody can count the cases', async () => {
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent()))
    const missing = await call(deps, 'resident-b', { action: 'get', number: '2026-999999' })
    expect(missing).toMatchObject({ ok: false, code: 'CASE.NOT_FOUND' })
    expect(await call(deps, 'resident-b', { action: 'get', id: view.id })).toEqual(missing)
    expect(await call(deps, 'resident-b', { action: 'get', number: view.number })).toEqual(missing)
    expect(await call(deps, 'resident-b', { action: 'get', id: 'no-such-id' })).toEqual(missing)
  })

  test('an admin may read any case; a cadre who neither handles nor created it may not', async () => {
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent()))
    await addUser(deps, 'admin-1', 'admin')
    await addUser(deps, 'cadre-1', 'cadre')
    expect((await call(deps, 'admin-1', { action: 'get', id: view.id })).ok).toBe(true)
    expect(await call(deps, 'cadre-1', { action: 'get', id: view.id })).toMatchObject({
      ok: false,
      code: 'CASE.NOT_FOUND',
    })
  })

  test('get of an unknown case, or with neither or both keys, is a clear error', async () => {
    expect(await call(deps, 'r', { action: 'get', number: '2026-000777' })).toMatchObject({
      ok: false,
      code: 'CASE.NOT_FOUND',
    })
    expect(await call(deps, 'r', { action: 'get', id: 'nope' })).toMatchObject({ ok: false, code: 'CASE.NOT_FOUND' })
    expect(await call(deps, 'r', { action: 'get' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await call(deps, 'r', { action: 'get', id: 'x', number: '2026-000001' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    })
    expect(await call(deps, 'r', { action: 'get', number: '26-1' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'number',
    })
  })

  test('internal timeline events are not shown to the reporter', async () => {
    const view = data<ReporterCaseView>(await call(deps, 'resident-a', submitEvent()))
    const stored = (await deps.store.get<Case>('cases', view.id)) as Case
    const internal = { ...stored.timeline[0]!, type: 'note', note: '内部备注', visibleToReporter: false }
    await deps.store.updateIfVersion('cases', view.id, 1, { timeline: [...stored.timeline, internal] })
    const again = data<ReporterCaseView>(await call(deps, 'resident-a', { action: 'get', id: view.id }))
    expect(again.timeline.map((event) => event.type)).toEqual(['submit'])
  })
})

describe('dispatch', () => {
  let deps: Deps
  beforeEach(async () => {
    deps = await setup()
  })
  afterEach(() => deps.store.close())

  test.each([
    ['an array', []],
    ['a string', 'submit'],
    ['a number', 42],
    ['null', null],
  ])('a non-object event (%s) is refused', async (_label, event) => {
    expect(await call(deps, 'r', event)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })

  test.each([
    ['missing', {}],
    ['unknown', { action: 'destroy' }],
    ['inherited', { action: 'toString' }],
    ['not a string', { action: 7 }],
  ])('an action that is %s is refused', async (_label, event) => {
    expect(await call(deps, 'r', event)).toMatchObject({ ok: false, code: 'INPUT.UNKNOWN_ACTION' })
  })

  test('a handler that throws becomes SYSTEM.ERROR, not a crash', async () => {
    const broken = { ...deps, store: { ...deps.store, get: () => Promise.reject(new Error('disk on fire')) } }
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await call(broken as unknown as Deps, 'r', submitEvent())).toMatchObject({ ok: false, code: 'SYSTEM.ERROR' })
    spy.mockRestore()
  })
})

describe('rate limits, counted in the store per caller and hour', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>
  beforeEach(async () => {
    deps = await makeDeps()
    await addUnit(deps, { _id: 'estate-1', kind: 'estate' })
  })
  afterEach(() => deps.store.close())

  test('the 21st report within an hour is refused with a clear message and stores nothing; the next hour is open again', async () => {
    for (let i = 0; i < 20; i++) expect((await call(deps, 'busy', submitEvent())).ok).toBe(true)
    const refused = await call(deps, 'busy', submitEvent())
    expect(refused).toMatchObject({ ok: false, code: 'RATE.LIMITED' })
    expect((refused as { message: string }).message).toMatch(/20/)
    expect(await deps.store.count('cases')).toBe(20)
    // Someone else is not held back; nor is the same person an hour later.
    expect((await call(deps, 'calm', submitEvent())).ok).toBe(true)
    deps.clock.current += 3600_000
    expect((await call(deps, 'busy', submitEvent())).ok).toBe(true)
  })

  test('300 reports fired at once: at most 20 are stored', async () => {
    const results = await Promise.all(Array.from({ length: 300 }, () => call(deps, 'flood', submitEvent())))
    expect(results.filter((result) => result.ok)).toHaveLength(20)
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.code === 'RATE.LIMITED')).toBe(
      true,
    )
    expect(await deps.store.count('cases', { followerOpenids: 'flood' })).toBe(20)
  })

  test('more than 100 photo references in an hour are refused', async () => {
    const photos = await Promise.all(Array.from({ length: 9 }, () => deps.files.save(TINY_PNG, 'png', 'image/png')))
    // 11 reports of 9 photos each: 99 references; a 12th of 9 would make 108.
    for (let i = 0; i < 11; i++) expect((await call(deps, 'snapper', submitEvent({ photos }))).ok).toBe(true)
    expect(await call(deps, 'snapper', submitEvent({ photos }))).toMatchObject({ ok: false, code: 'RATE.LIMITED' })
  })
})

describe('photos: checked by their bytes, shown through URLs handed out after the permission check', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>
  beforeEach(async () => {
    deps = await makeDeps()
    await addUnit(deps, { _id: 'estate-1', kind: 'estate' })
  })
  afterEach(() => deps.store.close())

  test('a referenced file that is not an image is refused and nothing is stored', async () => {
    const fake = await deps.files.save(Buffer.from('<html>not a photo</html>'), 'jpg', 'image/jpeg')
    expect(await call(deps, 'resident-a', submitEvent({ photos: [fake] }))).toMatchObject({
      ok: false,
      code: 'CASE.PHOTO_NOT_FOUND',
      field: 'photos',
    })
    expect(await deps.store.count('cases')).toBe(0)
  })

  test('a view carries a URL for each photo its viewer may see, and none for the others', async () => {
    const photo = await deps.files.save(TINY_PNG, 'png', 'image/png')
    const view = data<ReporterCaseView & { photoUrls: Record<string, string> }>(
      await call(deps, 'resident-a', submitEvent({ photos: [photo] })),
    )
    expect(view.photoUrls).toEqual({ [photo]: `/files/${photo}` })
    const other = await call(deps, 'resident-b', { action: 'get', id: view.id })
    expect(other).toMatchObject({ ok: false, code: 'CASE.NOT_FOUND' })
    expect(JSON.stringify(other)).not.toContain(photo)
  })
})

describe('resends cost nothing, crafted cursors are refused, who typed a case in counts as then', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>
  beforeEach(async () => {
    deps = await makeDeps()
    await addUnit(deps, { _id: 'estate-1', kind: 'estate' })
  })
  afterEach(() => deps.store.close())

  test('a resend of a report already stored costs nothing against the hourly limit', async () => {
    const first = submitEvent()
    data(await call(deps, 'steady', first))
    for (let i = 0; i < 19; i++) data(await call(deps, 'steady', submitEvent()))
    expect((await call(deps, 'steady', first)).ok).toBe(true)
    expect(await call(deps, 'steady', submitEvent())).toMatchObject({ ok: false, code: 'RATE.LIMITED' })
  })

  test('a refused report (unknown area, photo never uploaded) costs nothing against the hourly limits', async () => {
    const missing = Array.from({ length: 9 }, (_, i) => `img_${String(i).repeat(32)}.jpg`)
    for (let i = 0; i < 12; i++) {
      expect(await call(deps, 'unlucky', submitEvent({ areaUnitId: 'estate-gone' }))).toMatchObject({
        code: 'CASE.UNKNOWN_AREA',
      })
      // 12 × 9 = 108 photo references, over the 100 an hour allows, had they been counted.
      expect(await call(deps, 'unlucky', submitEvent({ photos: missing }))).toMatchObject({
        code: 'CASE.PHOTO_NOT_FOUND',
      })
    }
    const photos = await Promise.all(Array.from({ length: 9 }, () => deps.files.save(TINY_PNG, 'png', 'image/png')))
    expect((await call(deps, 'unlucky', submitEvent({ photos }))).ok).toBe(true)
    for (let i = 0; i < 19; i++) data(await call(deps, 'unlucky', submitEvent()))
    expect(await call(deps, 'unlucky', submitEvent())).toMatchObject({ ok: false, code: 'RATE.LIMITED' })
  })

  test('a cursor that holds something no page gave out is refused, not thrown on', async () => {
    const crafted = Buffer.from(JSON.stringify([null, 'x'])).toString('base64url')
    expect(await call(deps, 'r', { action: 'listMine', cursor: crafted })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'cursor',
    })
  })

  test('who typed a case in counts as they were then: a resident who became a cadre keeps his own view of his report', async () => {
    await addUser(deps, 'res-then-cadre', 'resident')
    const view = data<ReporterCaseView>(await call(deps, 'res-then-cadre', submitEvent()))
    const user = await deps.store.get<{ _id: string; version: number }>('users', 'res-then-cadre')
    await deps.store.updateIfVersion('users', 'res-then-cadre', user?.version ?? 1, { role: 'cadre' })
    expect(data<{ kind: string }>(await call(deps, 'res-then-cadre', { action: 'get', id: view.id })).kind).toBe(
      'reporter',
    )
  })
})
