import type { Dashboard } from './dashboard.schemas'
import { briefing, caseBuckets, categoryBuckets, fieldworkFigures, rates } from './figures'
import type { Period } from './period'
import type { Counts } from './rollups'
import { chinaTime } from '../time'

/** What the server gathered for one dashboard: rollup sums and the counts taken at view time. */
export interface DashboardParts {
  period: Period
  unit: { id: string; name: string }
  counts: Counts
  overdue: number
  vulnerable: { onLedger: number; visited: number }
  children: Array<{ unit: { id: string; name: string }; counts: Counts; overdue: number }>
  /** One sum per trend week, in order, with the week's Monday. */
  weeks: Array<{ weekStart: number; counts: Counts }>
}

/** The dashboard, assembled from its parts (no store, no clock: the figures are decided here). */
export function assembleDashboard(parts: DashboardParts): Dashboard {
  const { period } = parts
  const cases = { ...caseBuckets(parts.counts), overdue: parts.overdue }
  const figures = {
    cases,
    rates: rates(parts.counts),
    fieldwork: fieldworkFigures(parts.counts, parts.vulnerable),
  }
  return {
    period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
    unit: parts.unit,
    ...figures,
    byCategory: categoryBuckets(parts.counts),
    ranking: parts.children.map((child) => {
      const buckets = caseBuckets(child.counts)
      return {
        unit: child.unit,
        total: buckets.total,
        closed: buckets.closed,
        overdue: child.overdue,
        rates: rates(child.counts),
      }
    }),
    trend: parts.weeks.map((week) => ({
      weekStart: week.weekStart,
      label: chinaTime(week.weekStart).format('M/D'),
      submitted: week.counts.submitted ?? 0,
      closures: week.counts.closures ?? 0,
      signIns: week.counts.signIns ?? 0,
    })),
    briefing: briefing(figures, { unit: parts.unit.name, periodLabel: period.label, periodPhrase: period.phrase }),
  }
}
