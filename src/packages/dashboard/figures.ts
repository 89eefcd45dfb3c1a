import { formatRate } from '@core/stats/figures'
import type { Dashboard, PeriodInput, Rate } from '@core/stats/dashboard.schemas'

/** The list of records behind a figure: a page of this package (the drill-down). */
const RECORDS_URL = '/packages/dashboard/pages/records/index'

/** Where a figure opens the records behind it: `figure` names it (`cases.overdue`), the rest narrows it. */
export function recordsUrl(
  figure: string,
  unitId: string,
  period: PeriodInput,
  extra: Record<string, string | number> = {},
): string {
  const query: Record<string, string | number> = {
    figure,
    unitId,
    period: period.kind,
    ...(period.kind === 'range' ? { from: period.from, to: period.to } : {}),
    ...extra,
  }
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
  return `${RECORDS_URL}?${pairs.join('&')}`
}

/** A rate as the page writes it: the core's format (one decimal), or a dash when there is nothing to divide. */
export function percent(rate: Rate): string {
  return formatRate(rate.value)
}

/** Ways the ranking can be ordered: each rate (highest first) and 逾期 (most first). */
export const RANKING_ORDERS = ['overdue', 'response', 'solved', 'satisfied'] as const
export type RankingOrder = (typeof RANKING_ORDERS)[number]
export const RANKING_ORDER_LABELS: Record<RankingOrder, string> = {
  overdue: '逾期',
  response: '响应率',
  solved: '解决率',
  satisfied: '满意率',
}

type RankingRow = Dashboard['ranking'][number]

/** The value a row is ordered by (a rate with nothing to divide sorts last). */
export function rankingValue(row: RankingRow, order: RankingOrder): number {
  if (order === 'overdue') return row.overdue
  return row.rates[order].value ?? -1
}

/** The rows in the chosen order, ties by name so that the order never jumps. */
export function rankRows(rows: readonly RankingRow[], order: RankingOrder): RankingRow[] {
  return [...rows].sort(
    (a, b) => rankingValue(b, order) - rankingValue(a, order) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
  )
}
