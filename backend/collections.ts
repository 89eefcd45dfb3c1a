/**
 * Collections and the indexes every adapter creates for them. The CloudBase deploy script reads
 * the same list, so production and local runs query the same shape.
 */
export interface IndexSpec {
  field: string
  unique?: boolean
  /** A 2dsphere index on a GeoJSON point (CloudBase); the embedded store has none and scans. */
  geo?: boolean
  /**
   * The field holds an array and a scalar condition matches an element (CloudBase indexes every
   * element by itself; the embedded store keeps the elements in a side table).
   */
  array?: boolean
  /**
   * Further fields of a compound index, after `field` (all ascending; either direction can be
   * walked). A staff list that filters on `field` and sorts on these reads its first page straight
   * off the index, and its count never opens a document.
   */
  then?: readonly string[]
}

export const COLLECTIONS = {
  cases: {
    indexes: [
      { field: 'number', unique: true },
      { field: 'followerOpenids', array: true },
      { field: 'scopeUnitIds', array: true },
      { field: 'createdAt' },
      // The queues of an admin (status, newest first), 我的任务 (the handler's open cases by
      // deadline), 我的工作, 已超期, the jobs.
      { field: 'status', then: ['createdAt'] },
      { field: 'assignment.handlerOpenid', then: ['status', 'assignment.deadline'] },
      { field: 'handledBy', array: true },
      { field: 'createdBy.openid', then: ['createdAt'] },
      { field: 'dueAt' },
      // 逾期 by the responsible unit, on the dashboard.
      { field: 'responsibleUnitPath', array: true },
      // The 督办 job: cases whose next reminder, 督办 or escalation has fallen due.
      { field: 'superviseAt' },
      { field: 'awaitingRating' },
      { field: 'mergeFollowersPending' },
      // The export's 诉求 sheet: the cases of an area.
      { field: 'areaUnitPath', array: true },
      // 三个清单: the cases assigned, and closed, in a month.
      { field: 'assignment.assignedAt' },
      { field: 'closedAt' },
      // 我的工作: the cases closed in a month (equality first, then the range).
      { field: 'status', then: ['closedAt'] },
      // The 领办 board: the cases that became a leader's or a unit's 领办 in a month.
      { field: 'pledge.leaderAt' },
      { field: 'pledge.unitAt' },
    ],
  },
  counters: { indexes: [], bounded: true },
  users: {
    indexes: [
      { field: 'unitPath', array: true },
      { field: 'unitId' },
      { field: 'role' },
      { field: 'name' },
      { field: 'listed' },
      // The leaders (领办领导) for the pickers and the 领办 board.
      { field: 'leaderRank' },
    ],
  },
  // The org tree: hundreds of units at most, read whole.
  orgUnits: { indexes: [{ field: 'ancestorIds', array: true }, { field: 'parentId' }], bounded: true },
  invitations: { indexes: [{ field: 'issuedAt' }] },
  redemptions: { indexes: [{ field: 'openid' }] },
  contactPoints: {
    indexes: [
      { field: 'cadreOpenids', array: true },
      { field: 'unitPath', array: true },
      { field: 'name' },
      { field: 'geo', geo: true },
    ],
  },
  checkins: { indexes: [{ field: 'openid' }, { field: 'signedInAt' }, { field: 'unitPath', array: true }] },
  presence: { indexes: [{ field: 'open' }] },
  visits: {
    indexes: [{ field: 'openid' }, { field: 'at' }, { field: 'householdId' }, { field: 'unitPath', array: true }],
  },
  households: { indexes: [{ field: 'unitPath', array: true }, { field: 'lastVisitedAt' }] },
  outbox: { indexes: [{ field: 'recipient' }] },
  meta: { indexes: [], bounded: true },
  // The figures' rollups: per subject (unit or person), day and month; read by subject, grain and a
  // range of slots, so a period costs its own slots however many years lie behind it.
  rollups: { indexes: [{ field: 'subject', then: ['grain', 'slot'] }] },
  // 三个清单: drafts and frozen versions are read by id (unit|month, unit|month|vN); the catalogue
  // by month; a case's listings by case; 典型案例 newest first.
  publicationDrafts: { indexes: [] },
  publications: { indexes: [] },
  publicLists: { indexes: [{ field: 'month' }] },
  listings: { indexes: [{ field: 'caseId' }] },
  showcases: { indexes: [{ field: 'markedAt' }] },
  // One counter per person, limit and hour; read and incremented by id only.
  rateCounters: { indexes: [] },
} as const satisfies Record<string, { indexes: readonly IndexSpec[]; bounded?: boolean }>
