import { CATEGORIES } from '../case/case'
import type { Dashboard, Rate } from './dashboard.schemas'
import type { Counter } from './contributions'
import type { Counts } from './rollups'

/** A rate from its parts; null when there is nothing to divide. */
function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null }
}

/** A rate as offices write it: one decimal, or — when nothing was counted. */
export function formatRate(value: number | null): string {
  if (value === null) return '—'
  return `${(Math.round(value * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`
}

function read(counts: Counts, counter: Counter): number {
  return counts[counter] ?? 0
}

type Buckets = Dashboard['byCategory'][number] extends infer Row ? Omit<Row, 'category'> : never

function buckets(counts: Counts, prefix: '' | `cat:${(typeof CATEGORIES)[number]}:`): Buckets {
  const get = (bucket: string) => read(counts, `${prefix}${bucket}` as Counter)
  const submitted = get('submitted')
  return {
    total: submitted - get('declined') - get('merged'),
    pending: get('pending'),
    working: get('working'),
    closed: get('closed'),
    onTheSpot: get('onTheSpot'),
    declined: get('declined'),
    merged: get('merged'),
    raisedOnVisit: get('raisedOnVisit'),
  }
}

export function caseBuckets(counts: Counts): Buckets {
  return buckets(counts, '')
}

/** One row per category that has any case in the period. */
export function categoryBuckets(counts: Counts): Dashboard['byCategory'] {
  return CATEGORIES.map((category) => ({ category, ...buckets(counts, `cat:${category}:`) })).filter(
    (row) => row.total + row.declined + row.merged > 0,
  )
}

export function rates(counts: Counts): Dashboard['rates'] {
  const rated = read(counts, 'rated')
  const defaults = read(counts, 'defaultRated')
  return {
    response: rate(read(counts, 'ackOnTime'), read(counts, 'assigned')),
    solved: rate(read(counts, 'ratedSolved'), rated),
    satisfied: rate(read(counts, 'ratedSatisfied'), rated),
    solvedWithDefault: rate(read(counts, 'ratedSolved') + defaults, rated + defaults),
    satisfiedWithDefault: rate(read(counts, 'ratedSatisfied') + defaults, rated + defaults),
    defaultRated: defaults,
    closures: read(counts, 'closures'),
  }
}

/** The fieldwork figures the rollups hold (the ledger's coverage is counted at view time). */
export function fieldworkFigures(
  counts: Counts,
  vulnerable: { onLedger: number; visited: number },
): Dashboard['fieldwork'] {
  return {
    signIns: read(counts, 'signIns'),
    hours: Math.round(read(counts, 'hundredthHours') / 10) / 10,
    visits: read(counts, 'visits'),
    doorsKnocked: read(counts, 'doorsKnocked'),
    unitVisits: read(counts, 'unitVisits'),
    peopleMet: read(counts, 'peopleMet'),
    opinions: read(counts, 'opinions'),
    casesRaised: read(counts, 'raisedOnVisit'),
    vulnerableOnLedger: vulnerable.onLedger,
    vulnerableVisited: vulnerable.visited,
  }
}

/** The rates that have anything to show, as the briefing's last clause. */
function rateClause(named: Array<[string, number | null]>): string {
  const shown = named.filter(([, value]) => value !== null).map(([name, value]) => `${name}${formatRate(value)}`)
  return shown.length > 0 ? `${shown.join('、')}。` : '暂无办结评价。'
}

/**
 * 工作简报 in the style of the campaign's briefings. 立行立改, 已销号办结 and 推进整改 are told apart
 * so that they add up to the problems found, as the briefings count them (待受理 follows when any).
 */
export function briefing(
  figures: Pick<Dashboard, 'cases' | 'rates' | 'fieldwork'>,
  names: { unit: string; periodLabel: string; periodPhrase: string },
): Dashboard['briefing'] {
  const { cases, rates: r, fieldwork: f } = figures
  const waiting = cases.pending > 0 ? `，另有${cases.pending}个待受理` : ''
  const text =
    `${names.periodPhrase}累计下沉党员干部${f.signIns}人次、${f.hours}小时，` +
    `走访群众${f.doorsKnocked}户、单位${f.unitVisits}个次，见到群众${f.peopleMet}人次，收集意见建议${f.opinions}条；` +
    `梳理问题${cases.total}个，其中立行立改${cases.onTheSpot}个、已销号办结${cases.closed - cases.onTheSpot}个、` +
    `正在推进整改${cases.working}个${waiting}；` +
    rateClause([
      ['响应率', r.response.value],
      ['解决率', r.solved.value],
      ['满意率', r.satisfied.value],
    ])
  return { title: `${names.unit}${names.periodLabel}工作简报`, text }
}
