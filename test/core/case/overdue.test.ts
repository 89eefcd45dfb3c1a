import type { Case, CaseStatus } from '@core/case/case'
import { dueAt, isOverdue, overdueFilter } from '@core/case/overdue'

const ASSIGNMENT = { acknowledgeBy: 100, deadline: 1000 } as Case['assignment']

/** DESIGN.md §3: not yet 签收 past the 签收 limit, or open past the completion deadline. */
const ROWS: Array<[status: CaseStatus, assigned: boolean, now: number, overdue: boolean, due: number | null]> = [
  ['submitted', false, 5000, false, null],
  ['assigned', true, 99, false, 100],
  ['assigned', true, 150, true, 100],
  ['assigned', true, 1001, true, 100],
  ['in_progress', true, 150, false, 1000],
  ['in_progress', true, 1000, false, 1000],
  ['in_progress', true, 1001, true, 1000],
  ['pending_closure', true, 1001, true, 1000],
  // 立行立改: nobody was assigned, so no deadline runs.
  ['pending_closure', false, 5000, false, null],
  ['closed', true, 5000, false, null],
  ['declined', false, 5000, false, null],
  ['merged', false, 5000, false, null],
]

describe('overdue has one definition', () => {
  test.each(ROWS)('%s (assigned: %s) at %d → overdue %s, due %p', (status, assigned, now, overdue, due) => {
    const doc = { status, assignment: assigned ? ASSIGNMENT : null }
    expect(isOverdue(doc, now)).toBe(overdue)
    expect(dueAt(doc)).toBe(due)
  })

  test('the queue filter selects exactly the overdue cases, on the stored due time', () => {
    const filter = overdueFilter(150)
    expect(filter).toEqual({ dueAt: { $gte: 0, $lt: 150 } })
  })
})
