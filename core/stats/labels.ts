import type { Dashboard } from './dashboard.schemas'

/**
 * What each dashboard figure is called, and how each rate is computed: the dashboard page and the
 * exported figures sheet both read these, so the two never name a figure differently.
 */
export const CASE_FIGURE_LABELS: ReadonlyArray<{ key: keyof Dashboard['cases']; label: string }> = [
  { key: 'total', label: '梳理问题' },
  { key: 'pending', label: '待受理' },
  { key: 'working', label: '推进整改中' },
  { key: 'closed', label: '已销号办结' },
  { key: 'onTheSpot', label: '立行立改' },
  { key: 'overdue', label: '逾期' },
  { key: 'raisedOnVisit', label: '走访中发现' },
  { key: 'declined', label: '不予受理' },
  { key: 'merged', label: '已合并' },
]

export const FIELDWORK_FIGURE_LABELS: ReadonlyArray<{ key: keyof Dashboard['fieldwork']; label: string }> = [
  { key: 'signIns', label: '下沉人次' },
  { key: 'hours', label: '下沉时长（小时）' },
  { key: 'visits', label: '走访记录（次）' },
  { key: 'doorsKnocked', label: '敲门入户（户次）' },
  { key: 'unitVisits', label: '走访单位（个次）' },
  { key: 'peopleMet', label: '见到群众（人次）' },
  { key: 'opinions', label: '收集意见建议（条）' },
  { key: 'casesRaised', label: '走访立案（件）' },
  { key: 'vulnerableVisited', label: '重点户已走访' },
  { key: 'vulnerableOnLedger', label: '重点户在册' },
]

/** The three rates: name, and the two counts divided (numerator ÷ denominator). */
export const RATE_FORMULAS: ReadonlyArray<{
  key: 'response' | 'solved' | 'satisfied'
  name: string
  top: string
  bottom: string
}> = [
  { key: 'response', name: '响应率', top: '按时签收', bottom: '派单' },
  { key: 'solved', name: '解决率', top: '已解决', bottom: '评价' },
  { key: 'satisfied', name: '满意率', top: '满意 + 基本满意', bottom: '评价' },
]
