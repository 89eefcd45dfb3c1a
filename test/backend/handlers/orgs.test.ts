import type { AreaChoice } from '@core/org/org'
import { addUnit, call, makeDeps } from '../../support/backend'

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
