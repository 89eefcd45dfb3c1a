import { fail, ok, type Result } from '../result'
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, formatChinaTime, HOUR_MS } from '../time'
import type { Urgency } from './case'

/** 签收 within clock hours of assignment; done within calendar days of submission. */
interface TimeLimit {
  acknowledgeHours: number
  completeDays: number
}
export type TimeLimits = Record<Urgency, TimeLimit>

/** The defaults (急 2 h / 3 d; 一般 24 h / 7 d; 难 24 h / 15 d); an admin may change them. */
export const DEFAULT_TIME_LIMITS: TimeLimits = {
  urgent: { acknowledgeHours: 2, completeDays: 3 },
  normal: { acknowledgeHours: 24, completeDays: 7 },
  hard: { acknowledgeHours: 24, completeDays: 15 },
}

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60 * 1000

/** The last millisecond of the UTC+8 calendar day that is `days` days after the day of `from`. */
export function endOfChinaDayAfter(from: number, days: number): number {
  const dayStart = Math.floor((from + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
  return dayStart + (days + 1) * DAY_MS - 1
}

export function acknowledgeDeadline(assignedAt: number, urgency: Urgency, limits: TimeLimits): number {
  return assignedAt + limits[urgency].acknowledgeHours * HOUR_MS
}

export function completionDeadline(submittedAt: number, urgency: Urgency, limits: TimeLimits): number {
  return endOfChinaDayAfter(submittedAt, limits[urgency].completeDays)
}

/**
 * 派单的完成时限: the urgency's default, or an earlier moment still to come, never later (more time
 * comes only through an extension). A case dispatched after its default passed is due by the end
 * of that day (UTC+8): it cannot be dispatched with a deadline already gone.
 */
export function assignedDeadline(
  requested: number | undefined,
  doc: { createdAt: number; urgency: Urgency },
  limits: TimeLimits,
  now: number,
): Result<number> {
  const latest = Math.max(completionDeadline(doc.createdAt, doc.urgency, limits), endOfChinaDayAfter(now, 0))
  const deadline = requested ?? latest
  if (deadline <= now) return fail('CASE.BAD_DEADLINE', '完成时限须晚于现在', 'deadline')
  if (deadline > latest) {
    const day = formatChinaTime(latest, 'YYYY年M月D日')
    return fail('CASE.BAD_DEADLINE', `完成时限最晚为 ${day}；如需更长时间，请承办人签收后申请延期`, 'deadline')
  }
  return ok(deadline)
}

/**
 * The 完成时限 a supervisor may pick at 派单, given the latest allowed: the end of each day (UTC+8)
 * from today up to the latest, which is last.
 */
export function deadlineChoices(latest: number, now: number): number[] {
  const choices: number[] = []
  for (let day = endOfChinaDayAfter(now, 0); day < latest; day += DAY_MS) choices.push(day)
  choices.push(latest)
  return choices
}
