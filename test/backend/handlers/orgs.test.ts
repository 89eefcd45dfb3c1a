import type { AreaChoice, OrgUnit } from '@core/org/org'
import { addTwoOffices, addUnit, addUser, call, makeDeps } from '../../support/backend'
import { data } from '../../support/result'

test('orgs.listAreas offers active places residents live in, grouped under their 办事处', async () => {
  const deps = await makeDeps()
  await addUnit(deps, { _id: 'district', kind: 'district', name: '某管理区' })
  await addUnit(deps, {
    _id: 'west',
    kind: 'office',
    name: '西门办事处',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  await addUnit(deps, {
    _id: 'east',
    kind: 'office',
    name: '东门办事处',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  await addUnit(deps, {
    _id: 'e1',
    kind: 'estate',
    name: '桂花小区',
    parentId: 'east',
    ancestorIds: ['district', 'east'],
  })
  await addUnit(deps, { _id: 'w1', kind: 'team', name: '二队', parentId: 'west', ancestorIds: ['district', 'west'] })
  await addUnit(deps, {
    _id: 'w2',
    kind: 'community',
    name: '西门社区',
    parentId: 'west',
    ancestorIds: ['district', 'west'],
    active: false,
  })
  await addUnit(deps, {
    _id: 'dept',
    kind: 'department',
    name: '区水务局',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  const result = await call(deps, 'any-resident', { action: 'listAreas' }, 'orgs')
  expect(result.ok).toBe(true)
  const names = (result as { data: AreaChoice[] }).data.map((area) => `${area.officeName ?? '-'}/${area.name}`)
  expect(names).toEqual(['-/东门办事处', '东门办事处/桂花小区', '-/西门办事处', '西门办事处/二队'])
  expect(await call(deps, null, { action: 'listAreas' }, 'orgs')).toMatchObject({
    ok: false,
    code: 'AUTH.LOGIN_REQUIRED',
  })
  await deps.store.close()
})

describe('the org tree: names, types and undoing a deactivation', () => {
  type Deps = Awaited<ReturnType<typeof makeDeps>>
  let deps: Deps
  beforeEach(async () => {
    deps = await makeDeps()
    await addTwoOffices(deps)
    await addUnit(deps, {
      _id: 'old-estate',
      kind: 'estate',
      name: '旧小区',
      parentId: 'office-a',
      ancestorIds: ['district', 'office-a'],
      active: false,
    })
    await addUser(deps, 'admin', 'admin', { unitId: 'district' })
    await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a' })
  })
  afterEach(() => deps.store.close())

  const units = async () =>
    JSON.stringify(await deps.store.query('orgUnits', { sort: [['_id', 1]], offset: 0, limit: 100 }))
  const orgs = (event: Record<string, unknown>, openid = 'admin') => call(deps, openid, event, 'orgs')
  const version = async (id: string) => ((await deps.store.get<OrgUnit>('orgUnits', id)) as OrgUnit).version

  test.each([
    [
      'create: a name taken under the same parent',
      { action: 'create', name: 'A小区', kind: 'estate', parentId: 'office-a' },
      /“A小区”/,
    ],
    [
      'create: the name of a deactivated sibling',
      { action: 'create', name: '旧小区', kind: 'estate', parentId: 'office-a' },
      /“旧小区”.*停用.*启用/,
    ],
    [
      'create: a name taken at the root',
      { action: 'create', name: '示例管理区', kind: 'district', parentId: null },
      /“示例管理区”/,
    ],
    [
      'rename: to a sibling’s name',
      { action: 'rename', id: 'office-b', name: 'A办事处', expectedVersion: 1 },
      /“A办事处”/,
    ],
    [
      'move: under a parent that has one of that name',
      { action: 'move', id: 'estate-b', parentId: 'office-a', expectedVersion: 1 },
      /“B小区”/,
    ],
  ])('%s is refused with ORG.DUPLICATE_NAME naming it, and nothing changes', async (_label, event, message) => {
    const field = event.action === 'move' ? 'parentId' : 'name'
    if (event.action === 'move') {
      await addUnit(deps, {
        _id: 'b2',
        kind: 'estate',
        name: 'B小区',
        parentId: 'office-a',
        ancestorIds: ['district', 'office-a'],
      })
    }
    const before = await units()
    const result = await orgs(event)
    expect(result).toMatchObject({ ok: false, code: 'ORG.DUPLICATE_NAME', field })
    expect((result as { message: string }).message).toMatch(message)
    expect(await units()).toBe(before)
  })

  test('the same name under another parent, or a unit keeping its own name, is fine', async () => {
    data(await orgs({ action: 'create', name: 'A小区', kind: 'estate', parentId: 'office-b' }))
    data(await orgs({ action: 'rename', id: 'estate-a', name: 'A小区', expectedVersion: 1 }))
  })

  test.each([
    ['a missing type', {}, '请选择组织类型'],
    ['an unknown type', { kind: 'village' }, '组织类型不正确'],
  ])('%s is explained as such', async (_label, kind, message) => {
    expect(await orgs({ action: 'create', name: '新社区', parentId: 'district', ...kind })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'kind',
      message,
    })
  })

  test('reactivate undoes deactivate: the unit is offered again', async () => {
    data(await orgs({ action: 'deactivate', id: 'estate-b', expectedVersion: 1 }))
    const back = data<OrgUnit>(await orgs({ action: 'reactivate', id: 'estate-b', expectedVersion: 2 }))
    expect(back).toMatchObject({ _id: 'estate-b', active: true, version: 3 })
    const areas = data<AreaChoice[]>(await call(deps, 'resident', { action: 'listAreas' }, 'orgs'))
    expect(areas.map((area) => area.id)).toContain('estate-b')
  })

  test('reactivating under a deactivated parent is refused, naming the parent; a stale version is a conflict', async () => {
    data(await orgs({ action: 'deactivate', id: 'estate-b', expectedVersion: 1 }))
    data(await orgs({ action: 'deactivate', id: 'office-b', expectedVersion: 1 }))
    const before = await units()
    const refused = await orgs({ action: 'reactivate', id: 'estate-b', expectedVersion: await version('estate-b') })
    expect(refused).toMatchObject({ ok: false, code: 'ORG.INACTIVE' })
    expect((refused as { message: string }).message).toMatch(/“B办事处”/)
    expect(await orgs({ action: 'reactivate', id: 'office-b', expectedVersion: 1 })).toMatchObject({
      ok: false,
      code: 'RECORD.CONFLICT',
    })
    expect(await units()).toBe(before)
  })

  test.each([
    ['a supervisor', 'sup-a', 'AUTH.FORBIDDEN'],
    ['a resident', 'resident', 'AUTH.FORBIDDEN'],
  ])('%s may not reactivate (%s)', async (_label, openid, code) => {
    const before = await units()
    expect(await orgs({ action: 'reactivate', id: 'old-estate', expectedVersion: 1 }, openid)).toMatchObject({
      ok: false,
      code,
    })
    expect(await units()).toBe(before)
  })

  test('an unknown unit is ORG.NOT_FOUND', async () => {
    expect(await orgs({ action: 'reactivate', id: 'nowhere', expectedVersion: 1 })).toMatchObject({
      ok: false,
      code: 'ORG.NOT_FOUND',
    })
  })
})
