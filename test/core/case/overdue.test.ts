import type { Case, CaseStatus } from '@core/case/case'
import { dueAt, isOverdue, lateness, overdueFilter } from '@core/case/overdue'

const ASSIGNMENT = { acknowledgeBy: 100, deadline: 1000 } as Case['assignment']
/** A closure asked for at 500: its review is due 2 days (172 800 000 ms) later. */
const CLOSURE = { requestedAt: 500 } as Case['closureRequest']
const REVIEW_DUE = 500 + 172_800_000

/**
 * DESIGN.md §3 and issue 14: not yet 签收 past the 签收 limit, or being worked past the completion
 * deadline (the handler is late); while a closure waits for review the handler's clock stops, and a
 * review waiting more than 2 days is late for the reviewers. (Changed by 督办: a case waiting for
 * its 销号 was overdue for the handler at its deadline; now it is the reviewers', after 2 days.)
 */
const ROWS: Array<
  [status: CaseStatus, assigned: boolean, closure: boolean, now: number, due: number | null, late: string | null]
> = [
  ['submitted', false, false, 5000, null, null],
  ['assigned', true, false, 99, 100, null],
  ['assigned', true, false, 100, 100, null],
  ['assigned', true, false, 150, 100, 'handler·acknowledge·100'],
  ['assigned', true, false, 1001, 100, 'handler·acknowledge·100'],
  ['in_progress', true, false, 150, 1000, null],
  ['in_progress', true, false, 1000, 1000, null],
  ['in_progress', true, false, 1001, 1000, 'handler·complete·1000'],
  // Past the handler's deadline, but the closure waits for review: nobody is late yet.
  ['pending_closure', true, true, 1001, REVIEW_DUE, null],
  ['pending_closure', true, true, REVIEW_DUE, REVIEW_DUE, null],
  ['pending_closure', true, true, REVIEW_DUE + 1, REVIEW_DUE, `reviewer·review·${REVIEW_DUE}`],
  // 立行立改: nobody was assigned, but its 销号 waits for review all the same.
  ['pending_closure', false, true, REVIEW_DUE + 1, REVIEW_DUE, `reviewer·review·${REVIEW_DUE}`],
  ['closed', true, false, 5000, null, null],
  ['declined', false, false, 5000, null, null],
  ['merged', false, false, 5000, null, null],
]

describe('overdue has one definition', () => {
  test.each(ROWS)(
    '%s (assigned %s, closure %s) at %d → due %p, late %p',
    (status, assigned, closure, now, due, late) => {
      const doc = { status, assignment: assigned ? ASSIGNMENT : null, closureRequest: closure ? CLOSURE : null }
      expect(dueAt(doc)).toBe(due)
      expect(isOverdue(doc, now)).toBe(late !== null)
      const found = lateness(doc, now)
      expect(found && `${found.party}·${found.kind}·${found.at}`).toBe(late)
    },
  )

  test('the queue filter selects exactly the overdue cases, on the stored due time', () => {
    const filter = overdueFilter(150)
    expect(filter).toEqual({ dueAt: { $gte: 0, $lt: 150 } })
  })
})
