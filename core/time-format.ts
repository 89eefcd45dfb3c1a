/**
 * A moment shown in China's time, without a date library: the resident's pages show times, and the
 * mini-program's main package carries no dayjs (issue 16). China has one time zone and no daylight
 * saving, so a fixed UTC+8 offset is exact.
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60

/** The dayjs tokens our patterns use; any other text in a pattern is copied as it is. */
const TOKENS = /YYYY|MM|M|DD|D|HH|mm|ss/g

const two = (n: number) => String(n).padStart(2, '0')

export function formatChinaTime(epochMs: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  const t = new Date(epochMs + CHINA_UTC_OFFSET_MINUTES * 60_000)
  const parts: Record<string, string> = {
    YYYY: String(t.getUTCFullYear()),
    MM: two(t.getUTCMonth() + 1),
    M: String(t.getUTCMonth() + 1),
    DD: two(t.getUTCDate()),
    D: String(t.getUTCDate()),
    HH: two(t.getUTCHours()),
    mm: two(t.getUTCMinutes()),
    ss: two(t.getUTCSeconds()),
  }
  return pattern.replace(TOKENS, (token) => parts[token] ?? token)
}
