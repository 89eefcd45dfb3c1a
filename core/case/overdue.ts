import type { Case } from './case'

/**
 * Overdue has one definition (DESIGN.md §3), evaluated with the server's clock: a case not yet
 * 签收 past its 签收 limit, or still open past its completion deadline. `dueAt` is the moment a
 * case becomes overdue; it is stored with the case (kept by every transition) so that the 已超期
 * queue is one indexed range query, and everything else asks `isOverdue`.
 */
export function dueAt(doc: Pick<Case, 'status' | 'assignment'>): number | null {
  const assignment = doc.assignment
  if (!assignment) return null
  switch (doc.status) {
    case 'assigned':
      return Math.min(assignment.acknowledgeBy, assignment.deadline)
    case 'in_progress':
    case 'pending_closure':
      return assignment.deadline
    default:
      return null
  }
}

export function isOverdue(doc: Pick<Case, 'status' | 'assignment'>, now: number): boolean {
  const due = dueAt(doc)
  return due !== null && due < now
}

/**
 * The store filter of the 已超期 queue: the same rule, over the stored due time. The lower bound
 * keeps the range to real deadlines: in the embedded store's index the nulls of every closed case
 * sort before any number, and a bare "before now" would walk all of them.
 */
export function overdueFilter(now: number): { dueAt: { $gte: number; $lt: number } } {
  return { dueAt: { $gte: 0, $lt: now } }
}
