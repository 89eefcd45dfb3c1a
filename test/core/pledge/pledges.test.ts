import type { Pledge } from '@core/case/case'
import {
  DEFAULT_QUOTAS,
  nextPledge,
  shiftMonth,
  pledgeBoard,
  pledgeChanges,
  pledgeNote,
  type BoardSubject,
  type PledgedCase,
  type PledgeQuotas,
} from '@core/pledge/pledges'

/** China time (UTC+8) written as it reads, turned into epoch ms. */
const at = (china: string) => Date.parse(`${china}+08:00`)

/** November 2026 at UTC+8: [1 November 00:00, 1 December 00:00). */
const NOVEMBER = { start: Date.UTC(2026, 9, 31, 16), end: Date.UTC(2026, 10, 30, 16) }

test.each([
  ['2026-11', 1, '2026-12'],
  ['2026-12', 1, '2027-01'],
  ['2026-01', -1, '2025-12'],
  ['2026-03', -14, '2025-01'],
])('%s shifted by %i is %s', (month, by, expected) => {
  expect(shiftMonth(month, by)).toBe(expected)
})

const pledge = (fields: Partial<Pledge>): Pledge => ({
  leaderId: null,
  leaderName: null,
  leaderAt: null,
  unitId: null,
  unitName: null,
  unitAt: null,
  markedBy: 'sup',
  markedAt: 0,
  ...fields,
})

const LEADERS: BoardSubject[] = [
  { id: 'L1', name: '赵书记', kind: 'principal', unitName: '后湖管理区' },
  { id: 'L2', name: '钱主任', kind: 'other', unitName: '后湖管理区' },
  { id: 'L3', name: '孙委员', kind: 'other', unitName: '东湖办事处' },
]
const UNITS: BoardSubject[] = [
  { id: 'U1', name: '东湖办事处', kind: 'office', unitName: '后湖管理区' },
  { id: 'U2', name: '幸福社区', kind: 'community', unitName: '东湖办事处' },
  { id: 'U3', name: '区城管局', kind: 'department', unitName: '后湖管理区' },
]
const CASES: PledgedCase[] = [
  // Both sides in November, closed: counts for L1 and U1, closed for both.
  {
    status: 'closed',
    pledge: pledge({
      leaderId: 'L1',
      leaderAt: at('2026-11-03T09:00:00'),
      unitId: 'U1',
      unitAt: at('2026-11-03T09:00:00'),
    }),
  },
  // The last minute of November, still being worked.
  { status: 'in_progress', pledge: pledge({ leaderId: 'L1', leaderAt: at('2026-11-30T23:59:00') }) },
  // The first minute of December: not November's.
  { status: 'closed', pledge: pledge({ leaderId: 'L1', leaderAt: at('2026-12-01T00:00:00') }) },
  // The leader's side set in October (not November's), the unit's in November.
  {
    status: 'pending_closure',
    pledge: pledge({
      leaderId: 'L2',
      leaderAt: at('2026-10-31T23:59:00'),
      unitId: 'U2',
      unitAt: at('2026-11-05T10:00:00'),
    }),
  },
  { status: 'closed', pledge: pledge({ leaderId: 'L2', leaderAt: at('2026-11-10T10:00:00') }) },
  // A leader without a row (out of scope, or no longer a leader): counts nowhere.
  { status: 'closed', pledge: pledge({ leaderId: 'gone', leaderAt: at('2026-11-10T10:00:00') }) },
  { status: 'closed', pledge: pledge({ unitId: 'U3', unitAt: at('2026-11-20T10:00:00') }) },
  // Nobody's 领办, and a record older than the field.
  { status: 'closed', pledge: null },
  { status: 'closed' },
]

type Figures = [id: string, quota: number, takenOn: number, closed: number, short: number, verdict: string]
const figures = (quotas: PledgeQuotas): Figures[] => {
  const board = pledgeBoard({ month: NOVEMBER, leaders: LEADERS, units: UNITS, cases: CASES, quotas })
  return [...board.leaders, ...board.units].map((row) => [
    row.id,
    row.quota,
    row.takenOn,
    row.closed,
    row.short,
    row.verdict,
  ])
}

describe("November's board", () => {
  test("with the plan's quotas (主要领导 2, 其他领导 1, 办事处 2, 社区 2, 区直单位 1)", () => {
    expect(figures(DEFAULT_QUOTAS)).toEqual([
      ['L1', 2, 2, 1, 0, '已达到应领办数'],
      ['L2', 1, 1, 1, 0, '已达到应领办数'],
      ['L3', 1, 0, 0, 1, '未达到：还差 1 件'],
      ['U1', 2, 1, 1, 1, '未达到：还差 1 件'],
      ['U2', 2, 1, 0, 1, '未达到：还差 1 件'],
      ['U3', 1, 1, 1, 0, '已达到应领办数'],
    ])
  })

  test("with an admin's quotas: a leader's own 3, a unit's own 0, 社区 1 by default", () => {
    const quotas: PledgeQuotas = {
      defaults: { ...DEFAULT_QUOTAS.defaults, community: 1 },
      overrides: [
        { subject: 'leader', id: 'L2', quota: 3 },
        { subject: 'unit', id: 'U3', quota: 0 },
        // An override of a leader with the same id as a unit touches only the leader.
        { subject: 'leader', id: 'U1', quota: 5 },
      ],
    }
    expect(figures(quotas)).toEqual([
      ['L1', 2, 2, 1, 0, '已达到应领办数'],
      ['L2', 3, 1, 1, 2, '未达到：还差 2 件'],
      ['L3', 1, 0, 0, 1, '未达到：还差 1 件'],
      ['U1', 2, 1, 1, 1, '未达到：还差 1 件'],
      ['U2', 1, 1, 0, 0, '已达到应领办数'],
      ['U3', 0, 1, 1, 0, '本月不要求领办'],
    ])
  })

  test('rows carry their kind in words', () => {
    const board = pledgeBoard({ month: NOVEMBER, leaders: LEADERS, units: UNITS, cases: [], quotas: DEFAULT_QUOTAS })
    expect([...board.leaders, ...board.units].map((row) => row.kindLabel)).toEqual([
      '主要领导',
      '其他领导',
      '其他领导',
      '办事处',
      '社区',
      '区直单位',
    ])
  })
})

describe('changing who takes a case on', () => {
  const A = { id: 'A', name: '王强' }
  const B = { id: 'B', name: '李明' }
  const U = { id: 'U', name: '东湖社区' }
  const T0 = at('2026-11-03T09:00:00')
  const T1 = at('2026-12-02T09:00:00')
  const before = pledge({
    leaderId: 'A',
    leaderName: '王强',
    leaderAt: T0,
    unitId: 'U',
    unitName: '东湖社区',
    unitAt: T0,
  })

  test.each([
    [
      'nobody → a leader',
      null,
      { leader: A, unit: null },
      { leaderId: 'A', leaderName: '王强', leaderAt: T1, unitId: null, unitName: null, unitAt: null },
      '由王强领办',
    ],
    [
      'the same leader and unit: both keep their month',
      before,
      { leader: A, unit: U },
      { leaderId: 'A', leaderName: '王强', leaderAt: T0, unitId: 'U', unitName: '东湖社区', unitAt: T0 },
      '由王强、东湖社区领办',
    ],
    [
      'another leader: the leader counts from now, the unit keeps its month',
      before,
      { leader: B, unit: U },
      { leaderId: 'B', leaderName: '李明', leaderAt: T1, unitId: 'U', unitName: '东湖社区', unitAt: T0 },
      '由李明、东湖社区领办',
    ],
    [
      'the unit dropped',
      before,
      { leader: A, unit: null },
      { leaderId: 'A', leaderName: '王强', leaderAt: T0, unitId: null, unitName: null, unitAt: null },
      '由王强领办',
    ],
  ])('%s', (_name, current, choice, expected, note) => {
    const next = nextPledge(current, choice, 'sup-2', T1)
    expect(next).toEqual({ ...expected, markedBy: 'sup-2', markedAt: T1 })
    expect(pledgeNote(current, next)).toBe(note)
  })

  test('nobody any more: no 领办, and the note says whose it was', () => {
    expect(nextPledge(before, { leader: null, unit: null }, 'sup-2', T1)).toBeNull()
    expect(pledgeNote(before, null)).toBe('不再列为王强、东湖社区的领办')
  })

  test.each([
    [{ leader: A, unit: U }, false],
    [{ leader: A, unit: null }, true],
    [{ leader: B, unit: U }, true],
    [{ leader: null, unit: null }, true],
  ])('a choice changes the 领办: %j → %s', (choice, changes) => {
    expect(pledgeChanges(before, choice)).toBe(changes)
  })
  test("nobody chosen on a case that is nobody's changes nothing", () => {
    expect(pledgeChanges(null, { leader: null, unit: null })).toBe(false)
  })
})
