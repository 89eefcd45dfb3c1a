import type { Case } from '@core/case/case'
import type { Checkin, ContactPoint, Presence } from '@core/fieldwork/fieldwork'
import type { Household, Visit } from '@core/fieldwork/visit'
import { fromWgs84, type GeoPoint } from '@core/geo'
import { DAY_MS, HOUR_MS } from '@core/time'
import { closeStaleCheckins } from '../../../backend/handlers/fieldwork/checkins'
import { addTwoOffices, addUser, call, makeDeps } from '../../support/backend'
import { TINY_PNG } from '../../support/images'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>
const CENTRE: GeoPoint = { lat: 30.4321, lng: 112.8876 }
const METRES_PER_DEGREE_LAT = 111_195

/** A WGS-84 point `metres` north of the contact point. */
const north = (metres: number): GeoPoint => ({ lat: CENTRE.lat + metres / METRES_PER_DEGREE_LAT, lng: CENTRE.lng })
const fix = (point: GeoPoint, accuracy = 20, system: 'wgs84' | 'gcj02' = 'wgs84') => ({ ...point, system, accuracy })

let deps: Deps
let point: ContactPoint

beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏' })
  point = data<ContactPoint>(
    await call(
      deps,
      'sup-a',
      {
        action: 'createContactPoint',
        type: '联系生产队/小区',
        name: 'A小区联系点',
        unitId: 'estate-a',
        position: { ...CENTRE, system: 'wgs84' },
        cadreOpenids: ['cadre-a'],
      },
      'fieldwork',
    ),
  )
})
afterEach(() => deps.store.close())

const signIn = (openid: string, position: ReturnType<typeof fix>, contactPointId = point._id) =>
  call(deps, openid, { action: 'signIn', contactPointId, position }, 'fieldwork')
const signOut = (openid: string) => call(deps, openid, { action: 'signOut' }, 'fieldwork')

async function stored() {
  return JSON.stringify([
    await deps.store.query('checkins', { offset: 0, limit: 100 }),
    await deps.store.query('presence', { offset: 0, limit: 100 }),
  ])
}

describe('geofenced sign-in', () => {
  test('inside the fence, and on its edge, a sign-in is accepted with its distance', async () => {
    const inside = data<Checkin>(await signIn('cadre-a', fix(north(100))))
    expect(inside.distanceMeters).toBe(100)
    data(await signOut('cadre-a'))
    expect(data<Checkin>(await signIn('cadre-a', fix(north(299.5)))).distanceMeters).toBe(300)
  })

  test.each([
    ['just outside (310 m)', fix(north(310)), 'CHECKIN.OUTSIDE_FENCE', /约 310 米.*300 米以内/],
    ['a fix with 150 m accuracy', fix(north(10), 150), 'CHECKIN.POOR_ACCURACY', /室外/],
  ])('%s is refused with a clear message and nothing is stored', async (_label, position, code, message) => {
    const before = await stored()
    const result = await signIn('cadre-a', position)
    expect(result).toMatchObject({ ok: false, code })
    expect((result as { message: string }).message).toMatch(message)
    expect(await stored()).toBe(before)
  })

  test.each([
    ['a latitude out of range', { lat: 91, lng: 112.8, system: 'wgs84', accuracy: 10 }, 'position.lat'],
    ['a longitude that is not a number', { lat: 30.4, lng: '112.8', system: 'wgs84', accuracy: 10 }, 'position.lng'],
    ['an unknown coordinate system', { lat: 30.4, lng: 112.8, system: 'bd09', accuracy: 10 }, 'position.system'],
    ['no accuracy', { lat: 30.4, lng: 112.8, system: 'wgs84' }, 'position.accuracy'],
  ])('%s is refused as input', async (_label, position, field) => {
    const before = await stored()
    expect(
      await call(deps, 'cadre-a', { action: 'signIn', contactPointId: point._id, position }, 'fieldwork'),
    ).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field,
    })
    expect(await stored()).toBe(before)
  })

  test('one open sign-in per person, also when two race; sign-out without sign-in is refused', async () => {
    expect(await signOut('cadre-a')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_SIGNED_IN' })
    const racing = await Promise.all([signIn('cadre-a', fix(north(20))), signIn('cadre-a', fix(north(30)))])
    expect(racing.filter((r) => r.ok)).toHaveLength(1)
    expect(racing.find((r) => !r.ok)).toMatchObject({ code: 'CHECKIN.ALREADY_SIGNED_IN' })
    expect(await signIn('cadre-a', fix(north(20)))).toMatchObject({ ok: false, code: 'CHECKIN.ALREADY_SIGNED_IN' })
    expect(await deps.store.count('checkins')).toBe(1)
  })

  test('a contact point assigned to someone else is refused', async () => {
    const before = await stored()
    expect(await signIn('cadre-b', fix(north(10)))).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ASSIGNED' })
    expect(await stored()).toBe(before)
  })

  test('a WeChat (GCJ-02) fix is converted: inside only when converted, outside if the systems were mixed', async () => {
    // 50 m from the point in WGS-84; the same place written in GCJ-02 is ~500 m away in raw numbers.
    const gcj = fromWgs84(north(50), 'gcj02')
    expect(await signIn('cadre-a', fix(gcj, 20, 'wgs84'))).toMatchObject({ ok: false, code: 'CHECKIN.OUTSIDE_FENCE' })
    expect(data<Checkin>(await signIn('cadre-a', fix(gcj, 20, 'gcj02'))).distanceMeters).toBe(50)
  })

  test('impossible travel since the previous sign-in is flagged, not blocked', async () => {
    const far = data<ContactPoint>(
      await call(
        deps,
        'sup-a',
        {
          action: 'createContactPoint',
          type: '联系企业',
          name: '远处企业',
          unitId: 'office-a',
          position: { ...north(50_000), system: 'wgs84' },
          cadreOpenids: ['cadre-a'],
        },
        'fieldwork',
      ),
    )
    data(await signIn('cadre-a', fix(north(10))))
    data(await signOut('cadre-a'))
    deps.clock.current += 10 * 60_000
    const flagged = data<Checkin>(await signIn('cadre-a', fix(north(50_010)), far._id))
    expect(flagged.suspiciousTravel).toBe(true)
    data(await signOut('cadre-a'))
    deps.clock.current += 2 * HOUR_MS
    expect(data<Checkin>(await signIn('cadre-a', fix(north(20)))).suspiciousTravel).toBe(false)
  })

  test('contact points are listed to their cadres nearest first', async () => {
    await call(
      deps,
      'sup-a',
      {
        action: 'createContactPoint',
        type: '党建联系点',
        name: '近处联系点',
        unitId: 'office-a',
        position: { ...north(2_000), system: 'wgs84' },
        cadreOpenids: ['cadre-a'],
      },
      'fieldwork',
    )
    const listed = data<Array<{ name: string; distanceMeters: number }>>(
      await call(deps, 'cadre-a', { action: 'listContactPoints', near: fix(north(1_900)) }, 'fieldwork'),
    )
    expect(listed.map((p) => [p.name, p.distanceMeters])).toEqual([
      ['近处联系点', 100],
      ['A小区联系点', 1900],
    ])
    expect(data<unknown[]>(await call(deps, 'cadre-b', { action: 'listContactPoints' }, 'fieldwork'))).toEqual([])
    expect(
      await call(
        deps,
        'cadre-a',
        {
          action: 'createContactPoint',
          type: '联系企业',
          name: '自己建',
          unitId: 'office-a',
          position: { ...CENTRE, system: 'wgs84' },
        },
        'fieldwork',
      ),
    ).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })
})

describe('hours (下沉时长)', () => {
  test('a pair across midnight counts its hours; a sign-in left open is closed at 12 h and flagged', async () => {
    deps.clock.current = Date.UTC(2026, 2, 10, 14, 30) // 22:30 at UTC+8
    data(await signIn('cadre-a', fix(north(10))))
    deps.clock.current = Date.UTC(2026, 2, 10, 17, 15) // 01:15 the next day
    expect(data<Checkin>(await signOut('cadre-a')).hours).toBe(2.75)

    deps.clock.current = Date.UTC(2026, 2, 11, 1, 0)
    data(await signIn('cadre-a', fix(north(10))))
    deps.clock.current += 11 * HOUR_MS
    expect(await closeStaleCheckins(deps)).toEqual({ closed: 0 })
    deps.clock.current += 2 * HOUR_MS
    expect(await closeStaleCheckins(deps)).toEqual({ closed: 1 })
    const all = await deps.store.query<Checkin>('checkins', { sort: [['signedInAt', 1]], offset: 0, limit: 10 })
    expect(all.map((c) => [c.hours, c.autoClosed])).toEqual([
      [2.75, false],
      [12, true],
    ])
    // The slot is free again.
    expect((await signIn('cadre-a', fix(north(10)))).ok).toBe(true)
  })
})

describe('a sign-out after the open limit, before the 未签退 job ran', () => {
  test.each([
    // hours open → what is recorded: signed out after (h), hours, 未签退
    [11.5, 11.5, 11.5, false],
    [12, 12, 12, false],
    [13, 12, 12, true],
    [30, 12, 12, true],
  ])('signing out %s h after signing in records %s h at %s h, flagged %s', async (open, at, hours, flagged) => {
    deps.clock.current = Date.UTC(2026, 2, 11, 1, 0)
    const signedIn = data<Checkin>(await signIn('cadre-a', fix(north(10)))).signedInAt
    deps.clock.current += open * HOUR_MS
    const closed = data<Checkin>(await signOut('cadre-a'))
    expect([closed.signedOutAt, closed.hours, closed.autoClosed]).toEqual([signedIn + at * HOUR_MS, hours, flagged])
    // Closed once: the job finds nothing left, and the slot is free.
    expect(await closeStaleCheckins(deps)).toEqual({ closed: 0 })
    expect((await signIn('cadre-a', fix(north(10)))).ok).toBe(true)
  })
})

describe('visits', () => {
  const visit = (clientRequestId: string, overrides: Record<string, unknown> = {}) => ({
    action: 'recordVisit',
    clientRequestId,
    kind: '敲门入户',
    durationMinutes: 30,
    areaUnitId: 'estate-a',
    household: { name: '孙奶奶', address: 'A小区3栋101', tags: ['独居老人'] },
    opinions: ['楼下路灯不亮', '希望有人定期上门量血压'],
    raiseCases: [
      {
        category: '人居环境',
        description: '3栋楼下路灯不亮，老人晚上不敢出门',
        reporter: { name: '孙奶奶', phone: '0728-6231234' },
      },
    ],
    ...overrides,
  })

  test('a visit raises cases on the resident’s behalf, linked both ways, waiting in 待派单 with source visit', async () => {
    const recorded = data<Visit>(await call(deps, 'cadre-a', visit('visit-00000001'), 'fieldwork'))
    expect(recorded.raisedCaseIds).toHaveLength(1)
    const raised = (await deps.store.get<Case>('cases', recorded.raisedCaseIds[0] as string)) as Case
    expect(raised).toMatchObject({
      source: 'visit',
      visitId: recorded._id,
      status: 'submitted',
      createdBy: { openid: 'cadre-a' },
    })
    expect(raised.reporter).toMatchObject({ name: '孙奶奶', openid: null })
    const queue = data<{ items: Array<{ id: string }> }>(
      await call(deps, 'sup-a', { action: 'listInScope', queue: 'dispatch' }),
    )
    expect(queue.items.map((i) => i.id)).toEqual([raised._id])
  })

  test('a cadre who raised a case on a visit and is then assigned it sees it as staff, never in his 我的诉求', async () => {
    const recorded = data<Visit>(await call(deps, 'cadre-a', visit('visit-00000010'), 'fieldwork'))
    const id = recorded.raisedCaseIds[0] as string
    const mine = async () =>
      data<{ items: unknown[]; total: number }>(await call(deps, 'cadre-a', { action: 'listMine' }))
    expect(await mine()).toMatchObject({ items: [], total: 0 })
    const version = ((await deps.store.get<Case>('cases', id)) as Case).version
    data(
      await call(deps, 'sup-a', {
        action: 'assign',
        id,
        expectedVersion: version,
        leadOfficial: '陈书记',
        responsibleUnitId: 'office-a',
        handlerOpenid: 'cadre-a',
        standard: '路灯修好',
      }),
    )
    const seen = data<{ kind: string; reporter: { name: string; phone: string } }>(
      await call(deps, 'cadre-a', { action: 'get', id }),
    )
    expect(seen).toMatchObject({ kind: 'staff', reporter: { name: '孙奶奶', phone: '0728-6231234' } })
    expect(await mine()).toMatchObject({ items: [], total: 0 })
  })

  test('a cadre’s own visits page with a cursor, newest first, with their real total; nobody else’s are in them', async () => {
    const at = (day: number) => Date.UTC(2026, 2, day, 2, 0)
    for (const [id, day] of [
      ['visit-00000021', 10],
      ['visit-00000022', 12],
      ['visit-00000023', 11],
    ] as const) {
      data(await call(deps, 'cadre-a', visit(id, { raiseCases: [], at: at(day) }), 'fieldwork'))
    }
    type Page = { items: Visit[]; total: number; nextCursor: string | null }
    const first = data<Page>(await call(deps, 'cadre-a', { action: 'listMyVisits', pageSize: 2 }, 'fieldwork'))
    expect([first.items.map((v) => v.at), first.total]).toEqual([[at(12), at(11)], 3])
    const second = data<Page>(
      await call(deps, 'cadre-a', { action: 'listMyVisits', pageSize: 2, cursor: first.nextCursor }, 'fieldwork'),
    )
    expect([second.items.map((v) => v.at), second.total, second.nextCursor]).toEqual([[at(10)], 3, null])
    expect(data<Page>(await call(deps, 'sup-a', { action: 'listMyVisits' }, 'fieldwork'))).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    })
  })

  test('a raised case keeps the visit’s place and address, and the urgency the cadre chose (一般 unless chosen)', async () => {
    const location = { coords: { ...north(20), system: 'wgs84' }, address: 'A小区3栋101门口' }
    const raiseCases = [
      {
        category: '安全隐患',
        urgency: 'urgent',
        description: '3栋楼梯扶手松动，随时会掉',
        reporter: { name: '孙奶奶', phone: '13812345678' },
      },
      { category: '其他', description: '想了解高龄补贴怎么申请', reporter: { name: '孙奶奶', phone: '13812345678' } },
    ]
    const recorded = data<Visit>(
      await call(deps, 'cadre-a', visit('visit-00000011', { location, raiseCases }), 'fieldwork'),
    )
    const raised = await Promise.all(recorded.raisedCaseIds.map((id) => deps.store.get<Case>('cases', id)))
    expect(raised.map((c) => [c?.urgency, c?.location])).toEqual([
      ['urgent', location],
      ['normal', location],
    ])
  })

  test('a door-knock without an address of its own gives its cases the household’s address', async () => {
    const location = { coords: { ...north(20), system: 'wgs84' } }
    const recorded = data<Visit>(await call(deps, 'cadre-a', visit('visit-00000012', { location }), 'fieldwork'))
    const raised = (await deps.store.get<Case>('cases', recorded.raisedCaseIds[0] as string)) as Case
    expect(raised.location).toEqual({ ...location, address: 'A小区3栋101' })
    const withoutPlace = data<Visit>(await call(deps, 'cadre-a', visit('visit-00000013'), 'fieldwork'))
    const second = (await deps.store.get<Case>('cases', withoutPlace.raisedCaseIds[0] as string)) as Case
    expect(second.location).toEqual({ address: 'A小区3栋101' })
  })

  test('the visit’s answer names its raised cases by id and number, also when resent and in 我的走访', async () => {
    const event = visit('visit-00000014')
    const recorded = data<Visit & { raisedCases: unknown }>(await call(deps, 'cadre-a', event, 'fieldwork'))
    const expected = [{ id: recorded.raisedCaseIds[0], number: '2026-000001' }]
    expect(recorded.raisedCases).toEqual(expected)
    const resent = data<Visit & { raisedCases: unknown }>(await call(deps, 'cadre-a', event, 'fieldwork'))
    expect(resent.raisedCases).toEqual(expected)
    const mine = data<{ items: Array<Visit & { raisedCases: unknown }> }>(
      await call(deps, 'cadre-a', { action: 'listMyVisits' }, 'fieldwork'),
    )
    expect(mine.items.map((v) => v.raisedCases)).toEqual([expected])
  })

  test('the same visit sent three times, and three times at once, makes one visit and one set of cases', async () => {
    for (let i = 0; i < 3; i++) data(await call(deps, 'cadre-a', visit('visit-00000002'), 'fieldwork'))
    await Promise.all(Array.from({ length: 3 }, () => call(deps, 'cadre-a', visit('visit-00000003'), 'fieldwork')))
    expect(await deps.store.count('visits')).toBe(2)
    expect(await deps.store.count('cases')).toBe(2)
    expect(await deps.store.count('households')).toBe(1)
  })

  test('a refused visit costs nothing against the hourly photo limit', async () => {
    const photos = await Promise.all(Array.from({ length: 9 }, () => deps.files.save(TINY_PNG, 'png', 'image/png')))
    // 12 × 9 = 108 photo references outside his area, over the 100 an hour allows, had they been counted.
    for (let i = 0; i < 12; i++) {
      const outside = visit(`visit-0000010${i}`, { areaUnitId: 'estate-b', photos, raiseCases: [] })
      expect(await call(deps, 'cadre-a', outside, 'fieldwork')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    }
    data(await call(deps, 'cadre-a', visit('visit-00000200', { photos, raiseCases: [] }), 'fieldwork'))
  })

  test('a visit outside the cadre’s area, or a door-knock without a household, is refused and stores nothing', async () => {
    expect(await call(deps, 'cadre-b', visit('visit-00000004'), 'fieldwork')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await call(deps, 'cadre-a', visit('visit-00000005', { household: undefined }), 'fieldwork')).toMatchObject({
      code: 'INPUT.INVALID',
      field: 'household',
    })
    expect(await deps.store.count('visits')).toBe(0)
    expect(await deps.store.count('cases')).toBe(0)
  })

  test('民情台账: a tagged household not visited for 30 days is listed for its cadre and supervisor, not others', async () => {
    data(await call(deps, 'cadre-a', visit('visit-00000006', { raiseCases: [] }), 'fieldwork'))
    const list = async (openid: string) =>
      data<{ items: Household[] }>(
        await call(deps, openid, { action: 'listNeglectedHouseholds' }, 'fieldwork'),
      ).items.map((h) => h.name)
    expect(await list('cadre-a')).toEqual([])
    deps.clock.current += 31 * DAY_MS
    expect(await list('cadre-a')).toEqual(['孙奶奶'])
    // The supervisor did not knock on this door: the name is masked for them.
    expect(await list('sup-a')).toEqual(['孙*奶'])
    expect(await list('cadre-b')).toEqual([])
    data(
      await call(
        deps,
        'cadre-a',
        visit('visit-00000007', { raiseCases: [], household: { name: '孙奶奶', address: 'A小区 3栋101', tags: [] } }),
        'fieldwork',
      ),
    )
    expect(await list('cadre-a')).toEqual([])
    const household = (await deps.store.query<Household>('households', { offset: 0, limit: 5 }))[0]
    expect(household?.tags).toEqual(['独居老人'])
    const ledger = data<{ items: Array<Household & { visits: Array<{ opinions: string[] }> }> }>(
      await call(deps, 'sup-a', { action: 'listHouseholds' }, 'fieldwork'),
    ).items
    // The supervisor did not knock: name and door number masked, like the name.
    expect(ledger.map((h) => [h.name, h.address, h.visits.length])).toEqual([['孙*奶', 'A小区3栋***', 2]])
    expect(
      data<{ items: unknown[] }>(await call(deps, 'cadre-b', { action: 'listHouseholds' }, 'fieldwork')).items,
    ).toEqual([])
  })
})

describe('民情台账: a household’s visit history', () => {
  type Row = { id: string; at: number; visitorName: string; opinions: string[]; raisedCases: Array<{ number: string }> }
  type Page = { items: Row[]; total: number; nextCursor: string | null }
  const knock = (clientRequestId: string, opinions: string[], raiseCases: unknown[] = []) => ({
    action: 'recordVisit',
    clientRequestId,
    kind: '敲门入户',
    durationMinutes: 20,
    areaUnitId: 'estate-a',
    household: { name: '孙桂芳', address: 'A小区4栋101', tags: [] },
    opinions,
    raiseCases,
  })
  const history = (openid: string, householdId: string, extra: Record<string, unknown> = {}) =>
    call(deps, openid, { action: 'listHouseholdVisits', householdId, ...extra }, 'fieldwork')
  let householdId: string

  beforeEach(async () => {
    await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
    const problem = { category: '养老', description: '想申请助餐', reporter: { name: '孙桂芳', phone: '13600001111' } }
    for (const [day, opinions, raise] of [
      [1, ['孙桂芳说腿脚不便，电话13600001111'], [problem]],
      [2, ['孙桂芳想要助餐'], []],
      [3, ['一切都好'], []],
    ] as const) {
      deps.clock.current = Date.UTC(2026, 2, day, 2)
      data(await call(deps, 'cadre-a', knock(`knock-visit-000${day}`, [...opinions], [...raise]), 'fieldwork'))
    }
    householdId = ((await deps.store.query<Household>('households', { offset: 0, limit: 1 }))[0] as Household)._id
  })

  test('the visitor sees every visit newest first, page by page, with what was heard and the cases raised', async () => {
    const first = data<Page>(await history('cadre-a', householdId, { pageSize: 2 }))
    expect(first.total).toBe(3)
    const second = data<Page>(await history('cadre-a', householdId, { pageSize: 2, cursor: first.nextCursor }))
    expect(second.nextCursor).toBeNull()
    expect([...first.items, ...second.items].map((v) => [v.at, v.visitorName, v.opinions, v.raisedCases])).toEqual([
      [Date.UTC(2026, 2, 3, 2), '王强', ['一切都好'], []],
      [Date.UTC(2026, 2, 2, 2), '王强', ['孙桂芳想要助餐'], []],
      [
        Date.UTC(2026, 2, 1, 2),
        '王强',
        ['孙桂芳说腿脚不便，电话13600001111'],
        [{ id: expect.any(String), number: '2026-000001' }],
      ],
    ])
  })

  test('an official of the area who did not knock sees names and phones masked, as in the ledger; the admin in full', async () => {
    const bySupervisor = data<Page>(await history('sup-a', householdId))
    expect(bySupervisor.items.map((v) => v.opinions[0])).toEqual([
      '一切都好',
      '孙*芳想要助餐',
      '孙*芳说腿脚不便，电话136****1111',
    ])
    const byAdmin = data<Page>(await history('admin', householdId))
    expect(byAdmin.items.at(-1)?.opinions).toEqual(['孙桂芳说腿脚不便，电话13600001111'])
  })

  test.each([
    ['a cadre of another office', 'cadre-b', 'HOUSEHOLD.NOT_FOUND'],
    ['a resident', 'resident-x', 'AUTH.FORBIDDEN'],
  ])('%s is refused (%s)', async (_label, openid, code) => {
    expect(await history(openid, householdId)).toMatchObject({ ok: false, code })
  })

  test('an unknown household is answered like one outside the area', async () => {
    expect(await history('sup-a', 'hh-nowhere')).toMatchObject({
      ok: false,
      code: 'HOUSEHOLD.NOT_FOUND',
      field: 'householdId',
    })
  })
})

test('我的工作 equals a naive count over the stored records', async () => {
  deps.clock.current = Date.UTC(2026, 2, 10, 1, 0)
  data(await signIn('cadre-a', fix(north(10))))
  deps.clock.current += 3 * HOUR_MS
  data(await signOut('cadre-a'))
  data(
    await call(
      deps,
      'cadre-a',
      {
        action: 'recordVisit',
        clientRequestId: 'fig-000000001',
        kind: '联系点座谈',
        durationMinutes: 90,
        areaUnitId: 'estate-a',
        headcount: 12,
        opinions: ['希望修路', '希望增加公交'],
        raiseCases: [],
      },
      'fieldwork',
    ),
  )
  data(
    await call(
      deps,
      'cadre-a',
      {
        action: 'recordVisit',
        clientRequestId: 'fig-000000002',
        kind: '敲门入户',
        durationMinutes: 20,
        areaUnitId: 'estate-a',
        household: { name: '周大爷', address: 'A小区5栋202', tags: [] },
        opinions: ['家里漏水'],
        raiseCases: [
          { category: '住房', description: '5栋202屋顶漏水', reporter: { name: '周大爷', phone: '13812345678' } },
        ],
      },
      'fieldwork',
    ),
  )
  deps.clock.current += HOUR_MS
  data(await signIn('cadre-a', fix(north(10))))
  deps.clock.current += 90 * 60_000
  data(await signOut('cadre-a'))

  const figures = data<{ figures: Record<string, number> }>(
    await call(deps, 'cadre-a', { action: 'myMonth' }, 'fieldwork'),
  ).figures

  // The naive count, straight from the stored records.
  const checkins = (await deps.store.query<Checkin>('checkins', { offset: 0, limit: 1000 })).filter(
    (c) => c.openid === 'cadre-a',
  )
  const visits = (await deps.store.query<Visit>('visits', { offset: 0, limit: 1000 })).filter(
    (v) => v.openid === 'cadre-a',
  )
  const cases = await deps.store.query<Case>('cases', { offset: 0, limit: 1000 })
  let hours = 0
  for (const c of checkins) hours += c.hours ?? 0
  let people = 0
  let opinions = 0
  for (const v of visits) {
    people += v.headcount
    opinions += v.opinions.length
  }
  expect(figures).toEqual({
    signIns: checkins.length,
    hours,
    visits: visits.length,
    doorsKnocked: visits.filter((v) => v.kind === '敲门入户').length,
    unitVisits: visits.filter((v) => v.kind === '走访企业' || v.kind === '联系点座谈').length,
    peopleMet: people,
    opinions,
    casesRaised: cases.filter((c) => c.createdBy.openid === 'cadre-a' && c.source === 'visit').length,
    casesClosed: cases.filter((c) => c.handledBy.includes('cadre-a') && c.status === 'closed').length,
  })
  expect(figures).toEqual({
    signIns: 2,
    hours: 4.5,
    visits: 2,
    doorsKnocked: 1,
    unitVisits: 1,
    peopleMet: 13,
    opinions: 3,
    casesRaised: 1,
    casesClosed: 0,
  })
})

describe('records kept honest: no future visits, no sign-in slot left open for ever', () => {
  test('a visit dated in the future is refused', async () => {
    const result = await call(
      deps,
      'cadre-a',
      {
        action: 'recordVisit',
        clientRequestId: 'future-00001',
        kind: '其他',
        durationMinutes: 10,
        areaUnitId: 'estate-a',
        at: deps.clock.current + DAY_MS,
      },
      'fieldwork',
    )
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'at' })
    expect(await deps.store.count('visits')).toBe(0)
  })

  test('a slot claimed a moment ago whose sign-in is not stored yet is left alone; a stale one is freed', async () => {
    await deps.store.insert('presence', {
      _id: 'cadre-a',
      openCheckinId: 'ck-being-written',
      claimedAt: deps.clock.current,
      version: 1,
    })
    expect(await signOut('cadre-a')).toMatchObject({ code: 'CHECKIN.NOT_SIGNED_IN' })
    expect((await deps.store.get<Presence>('presence', 'cadre-a'))?.openCheckinId).toBe('ck-being-written')
    deps.clock.current += 2 * 60_000
    await signOut('cadre-a')
    expect((await deps.store.get<Presence>('presence', 'cadre-a'))?.openCheckinId).toBeNull()
  })
})

describe('sign-in records, visible', () => {
  type Row = Checkin & { personName: string }
  type Page = { items: Row[]; total: number; nextCursor: string | null }

  test('sign-out records where it happened: near the point plain, far from it flagged — never refused', async () => {
    data(await signIn('cadre-a', fix(north(50))))
    const near = data<Checkin>(
      await call(deps, 'cadre-a', { action: 'signOut', position: fix(north(80)) }, 'fieldwork'),
    )
    expect(near).toMatchObject({ signOutDistanceMeters: 80, signedOutFar: false, signOutUnlocated: false })
    data(await signIn('cadre-a', fix(north(50))))
    const far = data<Checkin>(
      await call(deps, 'cadre-a', { action: 'signOut', position: fix(north(5000)) }, 'fieldwork'),
    )
    expect(far).toMatchObject({ signOutDistanceMeters: 5000, signedOutFar: true, signOutUnlocated: false })
    expect(far.signOutPosition?.lat).toBeCloseTo(north(5000).lat, 6)
    data(await signIn('cadre-a', fix(north(50))))
    const unlocated = data<Checkin>(await signOut('cadre-a'))
    expect(unlocated).toMatchObject({ signOutPosition: null, signOutDistanceMeters: null, signOutUnlocated: true })
  })

  test('a cadre sees his own sign-ins newest first with their flags; 未签退 shows once the job closed one', async () => {
    deps.clock.current = Date.UTC(2026, 2, 10, 1, 0)
    data(await signIn('cadre-a', fix(north(10))))
    deps.clock.current += 13 * HOUR_MS
    expect(await closeStaleCheckins(deps)).toEqual({ closed: 1 })
    deps.clock.current += HOUR_MS
    data(await signIn('cadre-a', fix(north(10))))
    deps.clock.current += 2 * HOUR_MS
    data(await call(deps, 'cadre-a', { action: 'signOut', position: fix(north(10)) }, 'fieldwork'))
    const mine = data<Page>(await call(deps, 'cadre-a', { action: 'listMyCheckins' }, 'fieldwork'))
    expect(mine.total).toBe(2)
    expect(mine.items.map((c) => [c.contactPointName, c.hours, c.autoClosed])).toEqual([
      ['A小区联系点', 2, false],
      ['A小区联系点', 12, true],
    ])
    expect(data<Page>(await call(deps, 'cadre-b', { action: 'listMyCheckins' }, 'fieldwork')).total).toBe(0)
  })

  test('a supervisor sees the sign-ins at the points of his subtree, with who; another office’s supervisor does not', async () => {
    await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘主任' })
    data(await signIn('cadre-a', fix(north(10))))
    data(await signOut('cadre-a'))
    const seen = data<Page>(await call(deps, 'sup-a', { action: 'listCheckinsInScope' }, 'fieldwork'))
    expect(seen.items.map((c) => [c.personName, c.contactPointName])).toEqual([['王强', 'A小区联系点']])
    expect(data<Page>(await call(deps, 'sup-b', { action: 'listCheckinsInScope' }, 'fieldwork')).total).toBe(0)
    expect(await call(deps, 'cadre-a', { action: 'listCheckinsInScope' }, 'fieldwork')).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    })
  })
})

test('a sign-out is judged far against the configured accuracy bound, not the default', async () => {
  await deps.store.insert('meta', { _id: 'fieldwork-settings', settings: { maxAccuracyMeters: 500 }, version: 1 })
  data(await signIn('cadre-a', fix(north(10))))
  // 700 m out with a 450 m fix: within radius (300) + the fix's own uncertainty (450) → not far.
  const out = data<Checkin>(
    await call(deps, 'cadre-a', { action: 'signOut', position: fix(north(700), 450) }, 'fieldwork'),
  )
  expect(out.signedOutFar).toBe(false)
})
