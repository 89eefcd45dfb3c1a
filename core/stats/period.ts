import { fail, ok, type Result } from '../result'
import { CHINA_UTC_OFFSET_MINUTES, chinaTime } from '../time'
import type { PeriodInput, PeriodKind } from './dashboard.schemas'
import { slotOf, type RollupKey } from './rollups'

/** The campaign's first day (UTC+8), for 活动以来. */
const CAMPAIGN_START_DAY = '2026-01-01'

/** A custom range reads at most this many days. */
const MAX_RANGE_DAYS = 366

export interface Period {
  kind: PeriodKind
  /** inclusive */
  start: number
  /** exclusive: the start of the day after the last one */
  end: number
  label: string
  /** How the 工作简报 names it: 本月, 本周 … or the dates. */
  phrase: string
}

/** Midnight (UTC+8) of a YYYY-MM-DD day, or null for a day that does not exist. */
function dayStart(day: string): number | null {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const utc = Date.UTC(year, month - 1, date)
  const check = new Date(utc)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null
  return utc - CHINA_UTC_OFFSET_MINUTES * 60 * 1000
}

function dayLabel(at: number, withYear: boolean): string {
  return chinaTime(at).format(withYear ? 'YYYY年M月D日' : 'M月D日')
}

/** The period a dashboard asks for, resolved against the server's clock (UTC+8 calendar). */
export function resolvePeriod(input: PeriodInput, now: number): Result<Period> {
  const today = chinaTime(now).startOf('day')
  const end = today.add(1, 'day').valueOf()
  switch (input.kind) {
    case 'week': {
      // Monday to Sunday, as offices count weeks.
      const start = today.subtract((today.day() + 6) % 7, 'day').valueOf()
      const label = `本周（${dayLabel(start, false)}至${dayLabel(end - 1, false)}）`
      return ok({ kind: 'week', start, end, label, phrase: '本周' })
    }
    case 'month': {
      const start = today.startOf('month').valueOf()
      return ok({ kind: 'month', start, end, label: chinaTime(start).format('YYYY年M月'), phrase: '本月' })
    }
    case 'quarter': {
      const quarter = Math.floor(today.month() / 3)
      const start = today
        .month(quarter * 3)
        .startOf('month')
        .valueOf()
      return ok({ kind: 'quarter', start, end, label: `${today.year()}年第${quarter + 1}季度`, phrase: '本季度' })
    }
    case 'campaign': {
      const start = Math.min(dayStart(CAMPAIGN_START_DAY) as number, today.valueOf())
      return ok({
        kind: 'campaign',
        start,
        end,
        label: `活动以来（${dayLabel(start, true)}起）`,
        phrase: '活动开展以来',
      })
    }
    case 'range': {
      const from = dayStart(input.from)
      const to = dayStart(input.to)
      if (from === null) return fail('STATS.BAD_PERIOD', '开始日期不存在', 'period.from')
      if (to === null) return fail('STATS.BAD_PERIOD', '结束日期不存在', 'period.to')
      if (to < from) return fail('STATS.BAD_PERIOD', '结束日期不能早于开始日期', 'period.to')
      if (to > today.valueOf()) return fail('STATS.BAD_PERIOD', '结束日期不能晚于今天', 'period.to')
      const rangeEnd = chinaTime(to).add(1, 'day').valueOf()
      if (Math.round((rangeEnd - from) / 86_400_000) > MAX_RANGE_DAYS) {
        return fail('STATS.BAD_PERIOD', `一次最多统计 ${MAX_RANGE_DAYS} 天`, 'period.from')
      }
      const sameYear = chinaTime(from).year() === chinaTime(to).year()
      const label = `${dayLabel(from, true)}至${dayLabel(to, !sameYear)}`
      return ok({ kind: 'range', start: from, end: rangeEnd, label, phrase: label })
    }
  }
}

/**
 * The rollup rows of one subject that add up to [start, end) (midnights, UTC+8): each whole month
 * once, the days at the edges one by one.
 */
export function periodRows(subject: string, start: number, end: number): RollupKey[] {
  const keys: RollupKey[] = []
  let cursor = chinaTime(start)
  while (cursor.valueOf() < end) {
    const monthEnd = cursor.add(1, 'month').startOf('month')
    if (cursor.date() === 1 && monthEnd.valueOf() <= end) {
      keys.push({ subject, grain: 'm', slot: slotOf(cursor.valueOf(), 'm') })
      cursor = monthEnd
    } else {
      keys.push({ subject, grain: 'd', slot: slotOf(cursor.valueOf(), 'd') })
      cursor = cursor.add(1, 'day')
    }
  }
  return keys
}

/** How many weeks the trend shows. */
const TREND_WEEKS = 8

/** The weeks (Monday 00:00, UTC+8) of the trend: the last TREND_WEEKS up to the period's last day. */
export function trendWeeks(end: number): number[] {
  const lastDay = chinaTime(end - 1).startOf('day')
  const lastMonday = lastDay.subtract((lastDay.day() + 6) % 7, 'day')
  return Array.from({ length: TREND_WEEKS }, (_, index) =>
    lastMonday.subtract(7 * (TREND_WEEKS - 1 - index), 'day').valueOf(),
  )
}
