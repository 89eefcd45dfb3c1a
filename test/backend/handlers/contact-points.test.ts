import type { ContactPoint } from '@core/fieldwork/fieldwork'
import { fromWgs84 } from '@core/geo'
import { addTwoOffices, addUser, call, makeDeps } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>
const CENTRE = { lat: 30.4321, lng: 112.8876 }

let deps: Deps
let point: ContactPoint

const fieldwork = (openid: string, event: Record<string, unknown>) => call(deps, openid, event, 'fieldwork')
const stored = async () =>
  JSON.stringify(await deps.store.query('contactPoints', { sort: [['_id', 1]], offset: 0, limit: 50 }))
const current = async () => (await deps.store.get<ContactPoint>('contactPoints', point._id)) as ContactPoint
const update = async (openid: string, change: Record<string, unknown>) =>
  fieldwork(openid, {
    action: 'updateContactPoint',
    id: point._id,
    expectedVersion: (await current()).version,
    ...change,
  })

beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘主任' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'estate-a', name: '王小明' })
  await addUser(deps, 'cadre-gone', 'cadre', { unitId: 'office-a', name: '离任干部', active: false })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏' })
  await addUser(deps, 'res-a', 'resident', { name: '张秀兰' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
  point = data<ContactPoint>(
    await fieldwork('sup-a', {
      action: 'createContactPoint',
      type: '联系生产队/小区',
      name: 'A小区联系点',
      unitId: 'estate-a',
      position: { ...CENTRE, system: 'wgs84' },
      cadreOpenids: ['cadre-a'],
    }),
  )
})
afterEach(() => deps.store.close())

describe('fieldwork.updateContactPoint: what a real 社区 changes', () => {
  test('name, place, radius and the people who go there change; the managed list shows each point’s coordinates', async () => {
    const moved = { lat: 30.44, lng: 112.9 }
    const changed = data<ContactPoint>(
      await update('sup-a', {
        name: ' A小区党群服务站 ',
        position: { ...moved, system: 'wgs84' },
        radiusMeters: 500,
        cadreOpenids: ['cadre-a2', 'sup-a'],
      }),
    )
    expect(changed).toMatchObject({
      name: 'A小区党群服务站',
      location: moved,
      geo: { type: 'Point', coordinates: [moved.lng, moved.lat] },
      radiusMeters: 500,
      cadreOpenids: ['cadre-a2', 'sup-a'],
      version: 2,
    })
    const managed = data<ContactPoint[]>(await fieldwork('sup-a', { action: 'listManagedContactPoints' }))
    expect(managed.map((p) => [p.name, p.location, p.radiusMeters])).toEqual([['A小区党群服务站', moved, 500]])
    const listed = data<ContactPoint[]>(await fieldwork('cadre-a2', { action: 'listContactPoints' }))
    expect(listed.map((p) => p.name)).toEqual(['A小区党群服务站'])
    expect(data<unknown[]>(await fieldwork('cadre-a', { action: 'listContactPoints' }))).toEqual([])
  })

  test('a place given in WeChat’s GCJ-02 is stored in WGS-84, like at creation', async () => {
    const place = { lat: 30.45, lng: 112.91 }
    const changed = data<ContactPoint>(
      await update('sup-a', { position: { ...fromWgs84(place, 'gcj02'), system: 'gcj02' } }),
    )
    expect(Math.abs(changed.location.lat - place.lat)).toBeLessThan(1e-5)
    expect(Math.abs(changed.location.lng - place.lng)).toBeLessThan(1e-5)
  })

  test('a deactivated point can be reactivated and is listed to its cadres again', async () => {
    data(await update('sup-a', { active: false }))
    expect(data<unknown[]>(await fieldwork('cadre-a', { action: 'listContactPoints' }))).toEqual([])
    expect(data<ContactPoint>(await update('sup-a', { active: true })).active).toBe(true)
    const listed = data<ContactPoint[]>(await fieldwork('cadre-a', { action: 'listContactPoints' }))
    expect(listed.map((p) => p.name)).toEqual(['A小区联系点'])
  })

  test('a point whose unit was deactivated is not reactivated (ORG.INACTIVE), and nothing changes', async () => {
    data(await update('sup-a', { active: false }))
    await deps.store.updateIfVersion('orgUnits', 'estate-a', 1, { active: false })
    const before = await stored()
    expect(await update('sup-a', { active: true })).toMatchObject({ ok: false, code: 'ORG.INACTIVE' })
    expect(await stored()).toBe(before)
  })

  test.each([
    ['a resident', 'sup-a', ['cadre-a', 'res-a']],
    ['a cadre no longer active', 'sup-a', ['cadre-gone']],
    ['a cadre of another office', 'sup-a', ['cadre-b']],
    ['someone unknown', 'sup-a', ['nobody']],
  ])(
    '%s as a contact-point cadre is refused (CONTACT_POINT.BAD_CADRE), at creation and change alike',
    async (_label, openid, cadreOpenids) => {
      const before = await stored()
      expect(await update(openid, { cadreOpenids })).toMatchObject({
        ok: false,
        code: 'CONTACT_POINT.BAD_CADRE',
        field: 'cadreOpenids',
      })
      const created = await fieldwork(openid, {
        action: 'createContactPoint',
        type: '联系企业',
        name: '新联系点',
        unitId: 'estate-a',
        position: { ...CENTRE, system: 'wgs84' },
        cadreOpenids,
      })
      expect(created).toMatchObject({ ok: false, code: 'CONTACT_POINT.BAD_CADRE', field: 'cadreOpenids' })
      expect(await stored()).toBe(before)
    },
  )

  test('an admin may send any active cadre or supervisor', async () => {
    const changed = data<ContactPoint>(await update('admin', { cadreOpenids: ['cadre-b', 'sup-b'] }))
    expect(changed.cadreOpenids).toEqual(['cadre-b', 'sup-b'])
  })

  test.each([
    ['B’s supervisor', 'sup-b', { name: '改名' }, 'AUTH.FORBIDDEN'],
    ['a cadre', 'cadre-a', { name: '改名' }, 'AUTH.FORBIDDEN'],
    ['a stale version', 'sup-a', { name: '改名', expectedVersion: 7 }, 'RECORD.CONFLICT'],
    ['a one-letter name', 'sup-a', { name: '站' }, 'INPUT.INVALID'],
  ])('%s is refused (%s) and nothing changes', async (_label, openid, change, code) => {
    const before = await stored()
    expect(await update(openid, change)).toMatchObject({ ok: false, code })
    expect(await stored()).toBe(before)
  })
})

describe('fieldwork.listManagedContactPoints: who goes to each point, by name', () => {
  test('each point names its cadres (in the order assigned), so the manager can see and change them', async () => {
    data(await update('sup-a', { cadreOpenids: ['cadre-a2', 'sup-a'] }))
    const managed = data<Array<ContactPoint & { cadres: unknown }>>(
      await fieldwork('sup-a', { action: 'listManagedContactPoints' }),
    )
    expect(managed.map((p) => p.cadres)).toEqual([
      [
        { openid: 'cadre-a2', name: '王小明' },
        { openid: 'sup-a', name: '陈书记' },
      ],
    ])
  })
})
