import type { Urgency } from '@core/case/case'
import { submitCaseInput } from '@core/case/case.schemas'
import { newCase } from '@core/case/create'
import { applyTransition } from '@core/case/lifecycle'
import { DEFAULT_TIME_LIMITS, deadlineChoices, type TimeLimits } from '@core/case/time-limits'
import { formatChinaTime } from '@core/time'

/** A UTC+8 wall-clock time as epoch milliseconds. */
const china = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)
const show = (ms: number) => formatChinaTime(ms, 'YYYY-MM-DD HH:mm:ss')

const SUBMITTED = china(2026, 3, 10, 9, 30)
const SUPERVISOR = { openid: 'sup', role: 'supervisor', unitId: 'office-a', name: '陈书记' } as const

function submittedCase(urgency: Urgency) {
  return newCase({
    id: 'case-1',
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: '2026-000001',
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: 'deadline-0001',
      category: '住房',
      urgency,
      description: '屋顶漏水很久了',
      areaUnitId: 'estate-a',
      reporter: { name: '张三', phone: '13812345678' },
    }),
    actor: { openid: 'res', role: 'resident', unitId: null, name: '张三' },
    source: 'resident',
    now: SUBMITTED,
  })
}

const NORMAL_3_DAYS: TimeLimits = { ...DEFAULT_TIME_LIMITS, normal: { acknowledgeHours: 24, completeDays: 3 } }

/**
 * 派单的完成时限 (written out by hand from the issue): the urgency's default (急 3, 一般 7, 难 15
 * calendar days from submission, UTC+8) or an earlier moment still in the future; never later —
 * more time comes only through an extension. A case dispatched after its default passed is due by
 * the end of that day. A refusal names the latest date allowed.
 */
const ROWS: Array<{
  label: string
  urgency: Urgency
  now: number
  requested?: number
  limits?: TimeLimits
  expected: string | { code: 'CASE.BAD_DEADLINE'; message: RegExp }
}> = [
  {
    label: '一般, none chosen: the default',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    expected: '2026-03-17 23:59:59',
  },
  {
    label: '一般, earlier than the default',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 14, 18),
    expected: '2026-03-14 18:00:00',
  },
  {
    label: '一般, the default itself',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 17, 23, 59),
    expected: '2026-03-17 23:59:00',
  },
  {
    label: '一般, the first minute after the default',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 18, 0, 0),
    expected: { code: 'CASE.BAD_DEADLINE', message: /2026年3月17日/ },
  },
  {
    label: '一般, weeks later',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 30, 12),
    expected: { code: 'CASE.BAD_DEADLINE', message: /最晚.*2026年3月17日.*延期/ },
  },
  {
    label: '一般, an hour ago',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 11, 9),
    expected: { code: 'CASE.BAD_DEADLINE', message: /晚于现在/ },
  },
  {
    label: '一般, this very moment',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 11, 10),
    expected: { code: 'CASE.BAD_DEADLINE', message: /晚于现在/ },
  },
  {
    label: '急, a day past its 3 days',
    urgency: 'urgent',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 14, 10),
    expected: { code: 'CASE.BAD_DEADLINE', message: /2026年3月13日/ },
  },
  {
    label: '难, within its 15 days',
    urgency: 'hard',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 25, 12),
    expected: '2026-03-25 12:00:00',
  },
  {
    label: 'an admin’s limits (一般 3 days) are the default',
    urgency: 'normal',
    now: china(2026, 3, 11, 10),
    requested: china(2026, 3, 15, 12),
    limits: NORMAL_3_DAYS,
    expected: { code: 'CASE.BAD_DEADLINE', message: /2026年3月13日/ },
  },
  {
    label: 'dispatched after the default passed, none chosen: the end of today',
    urgency: 'normal',
    now: china(2026, 3, 20, 10),
    expected: '2026-03-20 23:59:59',
  },
  {
    label: 'dispatched after the default passed, later today',
    urgency: 'normal',
    now: china(2026, 3, 20, 10),
    requested: china(2026, 3, 20, 18),
    expected: '2026-03-20 18:00:00',
  },
  {
    label: 'dispatched after the default passed, tomorrow',
    urgency: 'normal',
    now: china(2026, 3, 20, 10),
    requested: china(2026, 3, 21, 9),
    expected: { code: 'CASE.BAD_DEADLINE', message: /2026年3月20日/ },
  },
  {
    label: 'dispatched late at 23:30 UTC+8 (15:30 UTC): today is the UTC+8 day',
    urgency: 'normal',
    now: china(2026, 3, 20, 23, 30),
    expected: '2026-03-20 23:59:59',
  },
]

test.each(ROWS)('$label', ({ urgency, now, requested, limits = DEFAULT_TIME_LIMITS, expected }) => {
  const params = {
    leadOfficial: '陈书记',
    responsibleUnit: { id: 'office-a', path: ['district', 'office-a'] },
    handler: { openid: 'cadre', name: '王强' },
    standard: '修好屋顶',
    ...(requested !== undefined ? { deadline: requested } : {}),
  }
  const result = applyTransition(submittedCase(urgency), 'assign', params, { actor: SUPERVISOR, now, limits })
  if (typeof expected === 'string') {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`)
    expect(show(result.data.next.assignment?.deadline ?? 0)).toBe(expected)
    return
  }
  expect(result).toMatchObject({ ok: false, code: expected.code, field: 'deadline' })
  expect(result.ok ? '' : result.message).toMatch(expected.message)
})

describe('the 完成时限 a supervisor may pick at 派单: the end of each day from today to the latest', () => {
  test.each([
    [
      'a 一般 case submitted on 3-10, dispatched 3-12 10:00: 3-12 … 3-17, the latest last',
      china(2026, 3, 17, 23, 59) + 59_999,
      china(2026, 3, 12, 10, 0),
      [
        '2026-03-12 23:59:59',
        '2026-03-13 23:59:59',
        '2026-03-14 23:59:59',
        '2026-03-15 23:59:59',
        '2026-03-16 23:59:59',
        '2026-03-17 23:59:59',
      ],
    ],
    [
      'dispatched on the day of the latest: that day only',
      china(2026, 3, 17, 23, 59) + 59_999,
      china(2026, 3, 17, 22, 0),
      ['2026-03-17 23:59:59'],
    ],
    [
      'dispatched at 23:30 UTC+8 (15:30 UTC): today is still the Chinese day',
      china(2026, 3, 13, 23, 59) + 59_999,
      china(2026, 3, 12, 23, 30),
      ['2026-03-12 23:59:59', '2026-03-13 23:59:59'],
    ],
  ])('%s', (_label, latest, now, expected) => {
    expect(deadlineChoices(latest, now).map(show)).toEqual(expected)
  })
})
