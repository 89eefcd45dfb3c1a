import {
  checkSiblingName,
  isAreaUnit,
  mayHaveParent,
  toAreaChoices,
  unitPath,
  wouldCycle,
  type OrgUnit,
} from '@core/org/org'
import { listScope } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Filter, Store } from '../ports/store'
import type { Handler } from './context'
import { readAll } from './paging'

/** Every unit matching the filter, by name (the org tree is small, but the port pages). */
function allUnits(store: Store, filter: Filter = {}): Promise<OrgUnit[]> {
  return readAll<OrgUnit>(store, 'orgUnits', filter, [['name', 1]])
}

/** The units under one parent (the roots for null), deactivated ones too. */
export function childrenOf(store: Store, parentId: string | null): Promise<OrgUnit[]> {
  return allUnits(store, { parentId })
}

/** The names of these units (missing ones left out), for answers that name a unit. */
export async function unitNames(store: Store, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))]
  const units = await Promise.all(unique.map((id) => store.get<OrgUnit>('orgUnits', id)))
  return new Map(units.filter((unit): unit is OrgUnit => unit !== null).map((unit) => [unit._id, unit.name]))
}

export async function activeUnit(store: Store, id: string): Promise<Result<OrgUnit>> {
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND')
  if (!unit.active) return fail('ORG.INACTIVE')
  return ok(unit)
}

export const listAreas: Handler<'orgs', 'listAreas'> = async (_input, { store }) =>
  ok(toAreaChoices((await allUnits(store, { active: true })).filter(isAreaUnit)))

export const orgTree: Handler<'orgs', 'tree'> = async (_input, { store, actor }) => {
  const scope = listScope(actor, 'org.view')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN')
  if (scope.kind === 'all') return ok(await allUnits(store))
  const [root, below] = await Promise.all([
    store.get<OrgUnit>('orgUnits', scope.unitId),
    allUnits(store, { ancestorIds: scope.unitId }),
  ])
  return ok(root ? [root, ...below] : below)
}

export const createUnit: Handler<'orgs', 'create'> = async ({ name, kind, parentId }, { store, clock }) => {
  let parent: OrgUnit | null = null
  if (parentId) {
    const found = await activeUnit(store, parentId)
    if (!found.ok) return { ...found, field: 'parentId' }
    parent = found.data
  }
  if (!mayHaveParent(kind, parent)) return fail('ORG.BAD_PARENT', undefined, 'parentId')
  const unique = checkSiblingName(name, await childrenOf(store, parent?._id ?? null), null, 'name')
  if (!unique.ok) return unique
  const now = clock.now()
  const unit: OrgUnit = {
    _id: `unit-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    kind,
    parentId: parent?._id ?? null,
    ancestorIds: parent ? unitPath(parent) : [],
    active: true,
    createdAt: now,
    version: 1,
  }
  await store.insert('orgUnits', unit)
  return ok(unit)
}

async function updateUnit(store: Store, id: string, expectedVersion: number, fields: Partial<OrgUnit>) {
  if (!(await store.updateIfVersion('orgUnits', id, expectedVersion, fields))) {
    return (await store.get('orgUnits', id)) ? fail('RECORD.CONFLICT') : fail('ORG.NOT_FOUND')
  }
  const updated = await store.get<OrgUnit>('orgUnits', id)
  return updated ? ok(updated) : fail('ORG.NOT_FOUND')
}

export const renameUnit: Handler<'orgs', 'rename'> = async ({ id, name, expectedVersion }, { store }) => {
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND')
  const unique = checkSiblingName(name, await childrenOf(store, unit.parentId), id, 'name')
  return unique.ok ? updateUnit(store, id, expectedVersion, { name }) : unique
}

/**
 * Moving re-parents the unit and rewrites the ancestors of its whole subtree. Cases and users keep
 * their unit's path, so a unit whose subtree holds any of them is not moved: no record is ever left
 * pointing at the wrong place.
 */
export const moveUnit: Handler<'orgs', 'move'> = async ({ id, parentId, expectedVersion }, { store }) => {
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND')
  const parent = await activeUnit(store, parentId)
  if (!parent.ok) return { ...parent, field: 'parentId' }
  if (wouldCycle(unit, parent.data)) return fail('ORG.CYCLE', undefined, 'parentId')
  if (!mayHaveParent(unit.kind, parent.data)) return fail('ORG.BAD_PARENT', undefined, 'parentId')
  const unique = checkSiblingName(unit.name, await childrenOf(store, parentId), id, 'parentId')
  if (!unique.ok) return unique
  const [users, cases] = await Promise.all([
    store.count('users', { unitPath: id }),
    store.count('cases', { scopeUnitIds: id }),
  ])
  if (users > 0 || cases > 0) return fail('ORG.NOT_EMPTY')

  const ancestorIds = unitPath(parent.data)
  const moved = await updateUnit(store, id, expectedVersion, { parentId, ancestorIds })
  if (!moved.ok) return moved
  for (const descendant of await allUnits(store, { ancestorIds: id })) {
    const below = descendant.ancestorIds.slice(descendant.ancestorIds.indexOf(id))
    await store.updateIfVersion('orgUnits', descendant._id, descendant.version, {
      ancestorIds: [...ancestorIds, ...below],
    })
  }
  return moved
}

export const deactivateUnit: Handler<'orgs', 'deactivate'> = async ({ id, expectedVersion }, { store }) => {
  if ((await store.count('orgUnits', { parentId: id, active: true })) > 0) return fail('ORG.HAS_CHILDREN')
  return updateUnit(store, id, expectedVersion, { active: false })
}

/** Undoes deactivate. Not under a deactivated parent, and not beside an active unit of the same name. */
export const reactivateUnit: Handler<'orgs', 'reactivate'> = async ({ id, expectedVersion }, { store }) => {
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND')
  const parent = unit.parentId ? await store.get<OrgUnit>('orgUnits', unit.parentId) : null
  if (parent && !parent.active) return fail('ORG.INACTIVE', `上级组织“${parent.name}”已停用，请先启用上级组织`)
  const active = (await childrenOf(store, unit.parentId)).filter((sibling) => sibling.active)
  const unique = checkSiblingName(unit.name, active, id, 'name')
  if (!unique.ok) return unique
  return updateUnit(store, id, expectedVersion, { active: true })
}
