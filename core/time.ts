import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_UTC_OFFSET_MINUTES } from './time-format'

// Formatting needs no dayjs (the mini-program's resident pages import it from time-format directly).
export { CHINA_UTC_OFFSET_MINUTES, formatChinaTime } from './time-format'

dayjs.extend(utc)

/**
 * China has one time zone and no daylight saving. We compute at a fixed UTC+8 offset rather than
 * with dayjs's tz plugin, which misbehaves on Android WeChat, and because functions run in UTC.
 */
export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

export function chinaTime(epochMs: number): dayjs.Dayjs {
  return dayjs(epochMs).utcOffset(CHINA_UTC_OFFSET_MINUTES)
}

export function chinaYear(epochMs: number): number {
  return chinaTime(epochMs).year()
}
