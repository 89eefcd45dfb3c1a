import { isMainlandPhone, normalizePhone } from '@core/validation/phone'

describe('mainland phone numbers', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['0728-6231234', '0728-6231234'],
    ['07286231234', '07286231234'],
    ['010-62345678', '010-62345678'],
    ['(0728)6231234', '0728-6231234'],
    ['（0728）6231234', '0728-6231234'],
    ['0728-6231234-802', '0728-6231234-802'],
  ])('%p is accepted as %p', (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized)
    expect(isMainlandPhone(normalizePhone(raw))).toBe(true)
  })

  test.each([
    '',
    '1381234567',
    '138123456789',
    '12812345678',
    '138abcd5678',
    '6231234',
    '0728-123456',
    '0728-0231234',
    '+1 415 555 0100',
    '13812345678; DROP TABLE',
  ])('%p is refused', (raw) => {
    expect(isMainlandPhone(normalizePhone(raw))).toBe(false)
  })
})
