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
export const AREA_UNIT_KINDS: readonly OrgUnitKind[] = ['office', 'community', 'team', 'estate']

export interface OrgUnit {
  _id: string
  name: string
  kind: OrgUnitKind
  parentId: string | null
  /** Ids of every ancestor, root first: "everything in my subtree" is one indexed query. */
  ancestorIds: string[]
  active: boolean
  createdAt: number
  version: number
}

export function isAreaUnit(unit: Pick<OrgUnit, 'kind' | 'active'>): boolean {
  return unit.active && AREA_UNIT_KINDS.includes(unit.kind)
}
