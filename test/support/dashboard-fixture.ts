import { CATEGORIES } from '@core/case/case'
import type { Dashboard } from '@core/stats/dashboard.schemas'

/**
 * One 统计看板 answer, written by hand (东湖办事处, March 2026), for the page's tests in the browser
 * and in the simulated mini-program while they answer the stats call themselves. Its figures are
 * consistent enough to read (rates from their parts), not computed from any records.
 */

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
})
const buckets = (total: number, closed: number) => ({
  total,
  pending: 1,
  working: total - closed - 1,
  closed,
  onTheSpot: Math.min(1, closed),
  declined: 0,
  merged: 0,
  raisedOnVisit: 1,
})
const rates = (response: [number, number], solved: [number, number], satisfied: [number, number]) => ({
  response: rate(...response),
  solved: rate(...solved),
  satisfied: rate(...satisfied),
  solvedWithDefault: rate(solved[0] + 2, solved[1] + 2),
  satisfiedWithDefault: rate(satisfied[0] + 2, satisfied[1] + 2),
  defaultRated: 2,
  closures: 9,
})
const WEEK = 7 * 24 * 3600 * 1000
const MARCH_2 = Date.UTC(2026, 2, 1, 16) // Monday 2 March 2026, 00:00 UTC+8

export const DASHBOARD_FIXTURE: Dashboard = {
  period: { kind: 'month', start: Date.UTC(2026, 1, 28, 16), end: Date.UTC(2026, 2, 31, 16), label: '2026年3月' },
  unit: { id: 'unit-donghu-office', name: '东湖办事处' },
  cases: {
    total: 23,
    pending: 3,
    working: 11,
    closed: 9,
    onTheSpot: 2,
    declined: 1,
    merged: 2,
    raisedOnVisit: 6,
    overdue: 4,
  },
  byCategory: CATEGORIES.map((category, index) => ({
    category,
    ...(index < 5 ? buckets(8 - index, 7 - index) : buckets(0, 0)),
    ...(index < 5 ? {} : { pending: 0, working: 0, onTheSpot: 0, raisedOnVisit: 0 }),
  })),
  rates: rates([12, 15], [6, 8], [7, 8]),
  fieldwork: {
    signIns: 48,
    hours: 131.5,
    visits: 37,
    doorsKnocked: 120,
    unitVisits: 16,
    peopleMet: 210,
    opinions: 14,
    casesRaised: 6,
    vulnerableOnLedger: 25,
    vulnerableVisited: 19,
  },
  ranking: [
    {
      unit: { id: 'unit-donghu-community', name: '东湖社区' },
      total: 14,
      closed: 6,
      overdue: 1,
      rates: rates([9, 10], [4, 6], [5, 6]),
    },
    {
      unit: { id: 'unit-liuan-estate', name: '柳岸小区' },
      total: 9,
      closed: 3,
      overdue: 3,
      rates: rates([3, 5], [2, 2], [2, 2]),
    },
    {
      unit: { id: 'unit-new-estate', name: '新建小区' },
      total: 0,
      closed: 0,
      overdue: 0,
      rates: rates([0, 0], [0, 0], [0, 0]),
    },
  ],
  trend: [0, 1, 2, 3, 4].map((week) => ({
    weekStart: MARCH_2 + week * WEEK,
    label: `3月${2 + week * 7}日`,
    submitted: [4, 6, 3, 7, 3][week] ?? 0,
    closures: [1, 2, 3, 1, 2][week] ?? 0,
    signIns: [8, 12, 9, 11, 8][week] ?? 0,
  })),
  briefing: {
    title: '东湖办事处 2026年3月 工作简报',
    text: '本月累计下沉党员干部48人次、131.5小时，走访群众120户、企业16家，收集意见建议14条；梳理问题23个，其中立行立改2个、已销号办结9个、正在推进整改11个；响应率80.0%、解决率75.0%、满意率87.5%。',
  },
}
