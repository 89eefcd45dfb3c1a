import { caseNumberCounterId, formatCaseNumber, parseCaseNumber } from '@core/case/number'

describe('case numbers', () => {
  test.each([
    [2026, 1, '2026-000001'],
    [2026, 123, '2026-000123'],
    [2027, 999999, '2027-999999'],
    [2027, 1000000, '2027-1000000'],
  ])('year %i, sequence %i → %s, and back', (year, sequence, text) => {
    expect(formatCaseNumber(year, sequence)).toBe(text)
    expect(parseCaseNumber(text)).toEqual({ year, sequence })
  })

  test.each(['', '2026-1', '2026-00001', '26-000001', '2026_000001', '2026-000000', 'abcd-000001', '2026-000001x'])(
    '%p is not a case number',
    (text) => {
      expect(parseCaseNumber(text)).toBeNull()
    },
  )

  test.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [99, 1],
  ])('formatting year %p sequence %p is refused', (year, sequence) => {
    expect(() => formatCaseNumber(year, sequence)).toThrow(RangeError)
  })

  test('each year has its own counter', () => {
    expect(caseNumberCounterId(2026)).toBe('case-number-2026')
    expect(caseNumberCounterId(2027)).not.toBe(caseNumberCounterId(2026))
  })
})
