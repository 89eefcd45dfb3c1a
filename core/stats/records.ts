import * as z from 'zod/mini'
import {
  CASE_STATUS_LABELS,
  CATEGORIES,
  SATISFACTION_LABELS,
  SOLVED_LABELS,
  type Case,
  type Category,
  type Rating,
} from '../case/case'
import type { Checkin } from '../fieldwork/fieldwork'
import { VISIT_KINDS, VULNERABILITY_TAGS, type Visit } from '../fieldwork/visit'
import { cursorFields, unitIdField } from '../validation/fields'
import { pageOf } from '../validation/page'
import { caseContributions, type Contribution } from './contributions'
import { periodInput } from './dashboard.schemas'
import { CASE_FIGURE_LABELS, FIELDWORK_FIGURE_LABELS } from './labels'

/**
 * The figures of the dashboard that open the records behind them (the drill-down), and which
 * contributions each one counts: a record is listed for a figure exactly when it adds to it, once
 * per time it adds (a case closed twice is listed twice, each time with its day).
 */
const CASE_FIGURES = {
  'cases.total': (c) => !!c.submitted && !c.declined && !c.merged,
  'cases.pending': (c) => !!c.pending,
  'cases.working': (c) => !!c.working,
  'cases.closed': (c) => !!c.closed,
  'cases.onTheSpot': (c) => !!c.onTheSpot,
  'cases.declined': (c) => !!c.declined,
  'cases.merged': (c) => !!c.merged,
  'cases.raisedOnVisit': (c) => !!c.raisedOnVisit,
  'fieldwork.casesRaised': (c) => !!c.raisedOnVisit,
  'rates.response': (c) => !!c.assigned,
  'rates.solved': (c) => !!c.rated,
  'rates.satisfied': (c) => !!c.rated,
  'rates.solvedWithDefault': (c) => !!c.rated || !!c.defaultRated,
  'rates.satisfiedWithDefault': (c) => !!c.rated || !!c.defaultRated,
  'rates.defaultRated': (c) => !!c.defaultRated,
  'rates.closures': (c) => !!c.closures,
  // A week of the trend: the cases submitted in it.
  trend: (c) => !!c.submitted,
} as const satisfies Record<string, (counts: Contribution['counts']) => boolean>

const VISIT_FIGURES = {
  'fieldwork.visits': () => true,
  'fieldwork.doorsKnocked': (v) => v.kind === '敲门入户',
  'fieldwork.unitVisits': (v) => v.kind === '走访企业' || v.kind === '联系点座谈',
  'fieldwork.peopleMet': (v) => v.headcount > 0,
  'fieldwork.opinions': (v) => v.opinions.length > 0,
} as const satisfies Record<string, (visit: Visit) => boolean>

const CHECKIN_FIGURES = ['fieldwork.signIns', 'fieldwork.hours'] as const

export const FIGURE_KEYS = [
  ...(Object.keys(CASE_FIGURES) as Array<keyof typeof CASE_FIGURES>),
  ...(Object.keys(VISIT_FIGURES) as Array<keyof typeof VISIT_FIGURES>),
  ...CHECKIN_FIGURES,
  'cases.overdue',
  'fieldwork.vulnerableVisited',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

/** Where a figure's records are: cases (by contribution), the overdue now, visits, sign-ins or the ledger. */
export function figureSource(figure: FigureKey): 'cases' | 'overdue' | 'visits' | 'checkins' | 'households' {
  if (figure === 'cases.overdue') return 'overdue'
  if (figure === 'fieldwork.vulnerableVisited') return 'households'
  if (figure in VISIT_FIGURES) return 'visits'
  if ((CHECKIN_FIGURES as readonly string[]).includes(figure)) return 'checkins'
  return 'cases'
}

/** Whether the figure's records are found by the day they happened (events) or by submission (buckets). */
export function countsEvents(figure: FigureKey): boolean {
  return figure.startsWith('rates.')
}

export const recordsInput = z.object({
  action: z.literal('records'),
  figure: z.enum(FIGURE_KEYS, { error: '请选择要查看的统计项' }),
  period: z._default(periodInput, { kind: 'month' }),
  unitId: z.optional(unitIdField),
  category: z.optional(z.enum(CATEGORIES, { error: '问题类别不正确' })),
  /** A week of the trend (its Monday, epoch ms) instead of the period. */
  weekStart: z.optional(z.number({ error: '周次不正确' }).check(z.int(), z.nonnegative())),
  ...cursorFields,
})

const figureRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('case'),
    id: z.string(),
    number: z.string(),
    category: z.enum(CATEGORIES),
    status: z.string(),
    at: z.number(),
    /** What this row counts: 提交, 派单 · 按时签收, 销号, 评价：已解决，满意, 超期 2 天 3 小时 … */
    what: z.string(),
  }),
  z.strictObject({
    kind: z.literal('visit'),
    id: z.string(),
    at: z.number(),
    visitKind: z.enum(VISIT_KINDS),
    visitorName: z.string(),
    headcount: z.number(),
    opinions: z.number(),
  }),
  z.strictObject({
    kind: z.literal('checkin'),
    id: z.string(),
    at: z.number(),
    personName: z.string(),
    contactPointName: z.string(),
    hours: z.nullable(z.number()),
  }),
  z.strictObject({
    kind: z.literal('household'),
    id: z.string(),
    /** As the household's view rule lets the viewer see it. */
    name: z.string(),
    at: z.number(),
    tags: z.array(z.enum(VULNERABILITY_TAGS)),
  }),
])
export type FigureRecord = z.infer<typeof figureRecordSchema>
export const figureRecordsSchema = z.strictObject({
  ...pageOf(figureRecordSchema).shape,
  title: z.string(),
})

function ratingWords(rating: Rating): string {
  if (rating.byDefault) return '默认满意'
  return `评价：${SOLVED_LABELS[rating.solved]}，${SATISFACTION_LABELS[rating.satisfaction]}${rating.byCall ? '（回访）' : ''}`
}

/** What one contribution of a case is, in words. */
function caseWhat(counts: Contribution['counts'], rating: Rating | null): string {
  if (counts.assigned) return '派单'
  if (counts.ackOnTime) return '按时签收'
  if (counts.closures) return '销号'
  if ((counts.rated || counts.defaultRated) && rating) return ratingWords(rating)
  return '提交'
}

/** How the assignment made at `assignedAt` was signed: on time, late, or not (yet). */
function acknowledgement(doc: Case, assignedAt: number, contributions: readonly Contribution[]): string {
  if (contributions.some((other) => other.counts.ackOnTime && other.at === assignedAt)) return '按时签收'
  const after = doc.timeline.filter((event) => event.at >= assignedAt)
  const ended = after.findIndex((event, index) => index > 0 && ['assign', 'reassign', 'sendBack'].includes(event.type))
  const own = ended === -1 ? after : after.slice(0, ended)
  return own.some((event) => event.type === 'acknowledge') ? '超时签收' : '未签收'
}

interface Window {
  subjects: readonly string[]
  start: number
  end: number
  category?: Category | undefined
}

/**
 * The rows a case adds to a figure for these subjects and this window: its contributions that count
 * for the figure, each with its moment. 响应率's rows are the assignments, each saying whether it
 * was signed on time.
 */
export function caseRecords(doc: Case, figure: keyof typeof CASE_FIGURES, window: Window): FigureRecord[] {
  if (window.category && doc.category !== window.category) return []
  const contributions = caseContributions(doc)
  const ratings = doc.timeline.filter((event) => ['rate', 'rateByCall', 'rateByDefault'].includes(event.type))
  const matches = CASE_FIGURES[figure] as (counts: Contribution['counts']) => boolean
  const inWindow = (c: Contribution) =>
    c.at >= window.start && c.at < window.end && c.subjects.some((subject) => window.subjects.includes(subject))
  return contributions
    .filter((c) => inWindow(c) && matches(c.counts))
    .map((c) => {
      const rating = (ratings.find((event) => event.at === c.at)?.data?.rating as Rating | undefined) ?? null
      let what = caseWhat(c.counts, rating)
      if (figure === 'rates.response') what = `派单 · ${acknowledgement(doc, c.at, contributions)}`
      return {
        kind: 'case' as const,
        id: doc._id,
        number: doc.number,
        category: doc.category,
        status: CASE_STATUS_LABELS[doc.status],
        at: c.at,
        what,
      }
    })
}

export function visitRecords(visit: Visit, figure: keyof typeof VISIT_FIGURES): FigureRecord[] {
  if (!VISIT_FIGURES[figure](visit)) return []
  return [
    {
      kind: 'visit',
      id: visit._id,
      at: visit.at,
      visitKind: visit.kind,
      visitorName: visit.visitorName,
      headcount: visit.headcount,
      opinions: visit.opinions.length,
    },
  ]
}

export function checkinRecord(checkin: Checkin): FigureRecord {
  return {
    kind: 'checkin',
    id: checkin._id,
    at: checkin.signedInAt,
    personName: checkin.personName,
    contactPointName: checkin.contactPointName,
    hours: checkin.hours,
  }
}

/** What the lists of the rates and the trend are called (the others are named as on the dashboard, labels.ts). */
const OTHER_TITLES: Record<string, string> = {
  'rates.response': '派单与签收（响应率）',
  'rates.solved': '群众评价（解决率）',
  'rates.satisfied': '群众评价（满意率）',
  'rates.solvedWithDefault': '评价（含默认满意）',
  'rates.satisfiedWithDefault': '评价（含默认满意）',
  'rates.defaultRated': '默认满意',
  'rates.closures': '销号',
  trend: '当周收到的诉求',
}

/** What the page calls a figure's list. */
export function figureTitle(figure: FigureKey): string {
  const [group, key] = figure.split('.') as [string, string]
  const labels: ReadonlyArray<{ key: string; label: string }> =
    group === 'cases' ? CASE_FIGURE_LABELS : group === 'fieldwork' ? FIELDWORK_FIGURE_LABELS : []
  return labels.find((label) => label.key === key)?.label ?? OTHER_TITLES[figure] ?? figure
}

export type CaseFigure = keyof typeof CASE_FIGURES
export type VisitFigure = keyof typeof VISIT_FIGURES

/** The unit a dashboard subject names, to ask again for it: none for a person's own figures or 全区. */
export function subjectUnitId(subjectId: string): string | undefined {
  return subjectId && subjectId !== 'all' && !subjectId.startsWith('person:') ? subjectId : undefined
}
