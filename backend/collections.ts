/**
 * Collections and the indexes every adapter creates for them. The CloudBase deploy script reads
 * the same list, so production and local runs query the same shape.
 */
export interface IndexSpec {
  field: string
  unique?: boolean
}

export const COLLECTIONS = {
  cases: {
    indexes: [{ field: 'number', unique: true }, { field: 'followerOpenids' }, { field: 'createdAt' }],
  },
  counters: { indexes: [] },
  users: { indexes: [{ field: 'role' }, { field: 'unitId' }] },
  orgUnits: { indexes: [{ field: 'parentId' }, { field: 'ancestorIds' }] },
  meta: { indexes: [] },
} as const satisfies Record<string, { indexes: readonly IndexSpec[] }>

export type CollectionName = keyof typeof COLLECTIONS
