import { chinaTime, chinaYear, formatChinaTime } from '@core/time'

describe('UTC+8 time', () => {
  test.each([
    [Date.UTC(2026, 11, 31, 15, 59, 59), 2026, '2026-12-31 23:59'],
    [Date.UTC(2026, 11, 31, 16, 0, 0), 2027, '2027-01-01 00:00'],
    [Date.UTC(2026, 5, 1, 0, 0, 0), 2026, '2026-06-01 08:00'],
  ])('%p is year %p, shown as %p', (epoch, year, text) => {
    expect(chinaYear(epoch)).toBe(year)
    expect(formatChinaTime(epoch)).toBe(text)
  })
})

describe('formatChinaTime without dayjs (core/time-format)', () => {
  const lateOnNewYearsEve = Date.UTC(2026, 11, 31, 15, 59, 7)
  const earlyInMarch = Date.UTC(2027, 2, 4, 22, 5, 9)
  test.each([
    [lateOnNewYearsEve, 'YYYY-MM-DD HH:mm', '2026-12-31 23:59'],
    [lateOnNewYearsEve, 'YYYY-MM-DD HH:mm:ss', '2026-12-31 23:59:07'],
    [lateOnNewYearsEve, 'YYYY-MM-DD', '2026-12-31'],
    [lateOnNewYearsEve, 'MM-DD HH:mm', '12-31 23:59'],
    [earlyInMarch, 'M月D日 HH:mm', '3月5日 06:05'],
    [earlyInMarch, 'M月D日', '3月5日'],
    [earlyInMarch, 'YYYY年M月D日', '2027年3月5日'],
    [earlyInMarch, 'MM-DD HH:mm', '03-05 06:05'],
  ])('%p with %p is %p, as dayjs has it', (epoch, pattern, text) => {
    expect(formatChinaTime(epoch, pattern)).toBe(text)
    expect(chinaTime(epoch).format(pattern)).toBe(text)
  })
})
