import { chinaYear, formatChinaTime } from '@core/time'

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
