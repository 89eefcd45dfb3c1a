import { DAY_MS } from '../time'
import type { Case } from './case'

/**
 * Overdue has one definition (DESIGN.md §3), evaluated with the server's clock. A case has running
 * deadlines, each someone's to keep: the handler's 签收 limit while it is not yet 签收, the handler's
 * completion deadline while it is being worked on, and — while a closure waits for review, when the
 * handler's clock stops — the reviewers' 2 days. A deadline is missed once it lies before now.
 * `dueAt` is the earliest running deadline, the moment the case becomes overdue for anyone; it is
 * stored with the case (kept by every transition) so that the 已超期 queue is one indexed range
 * query. Everything else asks this module.
 */

/** Who is late when a deadline is missed. */
export type LateParty = 'handler' | 'reviewer'
/** 签收, 办结, 销号审核. */
export type DeadlineKind = 'acknowledge' | 'complete' | 'review'

export interface Deadline {
  kind: DeadlineKind
  party: LateParty
  at: number
}

/** A closure waiting longer than this is overdue for its reviewers. */
const REVIEW_LIMIT_MS = 2 * DAY_MS

type OverdueFields = Pick<Case, 'status' | 'assignment' | 'closureRequest'>

/** The deadlines running on a case now, earliest first. */
export function runningDeadlines(doc: OverdueFields): Deadline[] {
  const assignment = doc.assignment
  switch (doc.status) {
    case 'assigned':
      if (!assignment) return []
      return [
        { kind: 'acknowledge' as const, party: 'handler' as const, at: assignment.acknowledgeBy },
        { kind: 'complete' as const, party: 'handler' as const, at: assignment.deadline },
      ].sort((a, b) => a.at - b.at)
    case 'in_progress':
      return assignment ? [{ kind: 'complete', party: 'handler', at: assignment.deadline }] : []
    case 'pending_closure':
      // The handler's clock stops; the review's runs (a 立行立改 waits for its 销号 too).
      return doc.closureRequest
        ? [{ kind: 'review', party: 'reviewer', at: doc.closureRequest.requestedAt + REVIEW_LIMIT_MS }]
        : []
    default:
      return []
  }
}

export function dueAt(doc: OverdueFields): number | null {
  return runningDeadlines(doc)[0]?.at ?? null
}

export function isOverdue(doc: OverdueFields, now: number): boolean {
  const due = dueAt(doc)
  return due !== null && due < now
}

/** Whose lateness a case is now, and since when (its earliest missed deadline); null when nobody is late. */
export function lateness(doc: OverdueFields, now: number): Deadline | null {
  return runningDeadlines(doc).find((deadline) => deadline.at < now) ?? null
}

/**
 * The store filter of the 已超期 queue: the same rule, over the stored due time. The lower bound
 * keeps the range to real deadlines: in the embedded store's index the nulls of every closed case
 * sort before any number, and a bare "before now" would walk all of them.
 */
export function overdueFilter(now: number): { dueAt: { $gte: number; $lt: number } } {
  return { dueAt: { $gte: 0, $lt: now } }
}
