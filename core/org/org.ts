import * as z from 'zod/mini'
import { fail, ok, type Result } from '../result'
/** Kinds of org unit (DESIGN.md §2): 管理区 → 办事处/社区 → 生产队/小区, plus 区直单位. */
export const ORG_UNIT_KINDS = ['district', 'office', 'community', 'team', 'estate', 'department'] as const
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number]

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  district: '管理区',
  office: '办事处',
  community: '社区',
  team: '生产队',
  estate: '小区',
  department: '区直单位',
}

/** Units a resident may name as the place a need concerns (a case's areaUnit). */
const AREA_UNIT_KINDS: readonly OrgUnitKind[] = ['office', 'community', 'team', 'estate']

export const orgUnitSchema = z.strictObject({
  _id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: z.nullable(z.string()),
  /** Ids of every ancestor, root first: "everything in my subtree" is one indexed query. */
  ancestorIds: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.number(),
  version: z.number(),
})
export type OrgUnit = z.infer<typeof orgUnitSchema>

/** Where each kind of unit may sit in the tree (null: at the root). */
export const ALLOWED_PARENT_KINDS: Record<OrgUnitKind, ReadonlyArray<OrgUnitKind | null>> = {
  district: [null],
  office: ['district'],
  community: ['district', 'office'],
  department: ['district'],
  team: ['office', 'community'],
  estate: ['office', 'community'],
}

export function mayHaveParent(kind: OrgUnitKind, parent: Pick<OrgUnit, 'kind'> | null): boolean {
  return ALLOWED_PARENT_KINDS[kind].includes(parent ? parent.kind : null)
}

/** The unit and every unit above it: what a record in this unit is "in the subtree of". */
export function unitPath(unit: Pick<OrgUnit, '_id' | 'ancestorIds'>): string[] {
  return [...unit.ancestorIds, unit._id]
}

/**
 * One name per parent: a unit may not take the name of another unit under the same parent. A
 * deactivated one counts too, since it can be reactivated instead of built again.
 */
export function checkSiblingName(
  name: string,
  siblings: readonly Pick<OrgUnit, '_id' | 'name' | 'active'>[],
  selfId: string | null,
  field: 'name' | 'parentId',
): Result<void> {
  const clash = siblings.find((sibling) => sibling.name === name && sibling._id !== selfId)
  if (!clash) return ok(undefined)
  const message = clash.active
    ? `同一上级组织下已有“${name}”，请换一个名称`
    : `同一上级组织下已有“${name}”（已停用），请重新启用它或换一个名称`
  return fail('ORG.DUPLICATE_NAME', message, field)
}

/** Moving `unit` under `newParent` would put it inside its own subtree. */
export function wouldCycle(unit: Pick<OrgUnit, '_id'>, newParent: Pick<OrgUnit, '_id' | 'ancestorIds'>): boolean {
  return unitPath(newParent).includes(unit._id)
}

export function isAreaUnit(unit: Pick<OrgUnit, 'kind' | 'active'>): boolean {
  return unit.active && AREA_UNIT_KINDS.includes(unit.kind)
}

/** One choice in the "which 社区/小区" picker. */
export const areaChoiceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  /** The 办事处 it belongs to, for a label like 东湖办事处 · 柳岸小区. */
  officeName: z.nullable(z.string()),
})
export type AreaChoice = z.infer<typeof areaChoiceSchema>

/** Area units ordered for the picker: by office, the office itself first, then its places by name. */
export function toAreaChoices(units: readonly OrgUnit[]): AreaChoice[] {
  const byId = new Map(units.map((unit) => [unit._id, unit]))
  const officeOf = (unit: OrgUnit): string | null => {
    if (unit.kind === 'office') return null
    for (const id of [...unit.ancestorIds].reverse()) {
      const ancestor = byId.get(id)
      if (ancestor?.kind === 'office') return ancestor.name
    }
    return null
  }
  return units
    .filter(isAreaUnit)
    .map((unit) => ({ id: unit._id, name: unit.name, kind: unit.kind, officeName: officeOf(unit) }))
    .sort(
      (a, b) =>
        (a.officeName ?? a.name).localeCompare(b.officeName ?? b.name, 'zh') ||
        Number(a.officeName !== null) - Number(b.officeName !== null) ||
        a.name.localeCompare(b.name, 'zh'),
    )
}
