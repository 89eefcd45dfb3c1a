import {
  acknowledgeDeadline,
  completionDeadline,
  DEFAULT_TIME_LIMITS,
  endOfChinaDayAfter,
} from '@core/case/time-limits'
import { formatChinaTime } from '@core/time'

/** A UTC+8 wall-clock time as epoch milliseconds. */
const china = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)
const show = (ms: number) => formatChinaTime(ms, 'YYYY-MM-DD HH:mm:ss')

describe('deadlines at UTC+8', () => {
  test.each([
    // urgency, submitted (UTC+8), expected completion deadline (UTC+8)
    ['urgent', china(2026, 3, 10, 9, 30), '2026-03-13 23:59:59'],
    ['normal', china(2026, 3, 10, 9, 30), '2026-03-17 23:59:59'],
    ['hard', china(2026, 3, 10, 9, 30), '2026-03-25 23:59:59'],
    // Just before and at midnight: the calendar day counts, not the hour.
    ['urgent', china(2026, 3, 10, 23, 59), '2026-03-13 23:59:59'],
    ['urgent', china(2026, 3, 11, 0, 0), '2026-03-14 23:59:59'],
    // 23:30 at UTC+8 is still the previous day in UTC: the UTC+8 day is the one that counts.
    ['normal', Date.UTC(2026, 2, 10, 15, 30), '2026-03-17 23:59:59'],
    // Month and year ends, and February in a non-leap and a leap year.
    ['urgent', china(2026, 1, 30, 12), '2026-02-02 23:59:59'],
    ['normal', china(2027, 2, 25, 12), '2027-03-04 23:59:59'],
    ['normal', china(2028, 2, 25, 12), '2028-03-03 23:59:59'],
    ['hard', china(2026, 12, 20, 8), '2027-01-04 23:59:59'],
  ] as const)('%s submitted %p is due %s', (urgency, submitted, due) => {
    expect(show(completionDeadline(submitted, urgency, DEFAULT_TIME_LIMITS))).toBe(due)
  })

  test.each([
    ['urgent', china(2026, 3, 10, 23, 0), '2026-03-11 01:00:00'],
    ['normal', china(2026, 3, 31, 22, 15), '2026-04-01 22:15:00'],
    ['hard', china(2026, 12, 31, 12, 0), '2027-01-01 12:00:00'],
  ] as const)('%s assigned %p must be acknowledged by %s (clock hours)', (urgency, assigned, due) => {
    expect(show(acknowledgeDeadline(assigned, urgency, DEFAULT_TIME_LIMITS))).toBe(due)
  })

  test('an admin’s limits replace the defaults', () => {
    const limits = { ...DEFAULT_TIME_LIMITS, urgent: { acknowledgeHours: 1, completeDays: 1 } }
    expect(show(completionDeadline(china(2026, 5, 1, 10), 'urgent', limits))).toBe('2026-05-02 23:59:59')
    expect(show(acknowledgeDeadline(china(2026, 5, 1, 10), 'urgent', limits))).toBe('2026-05-01 11:00:00')
  })

  test('endOfChinaDayAfter(…, 0) is the end of the same UTC+8 day', () => {
    expect(show(endOfChinaDayAfter(china(2026, 6, 1, 0, 0), 0))).toBe('2026-06-01 23:59:59')
  })
})
