import * as z from 'zod/mini'
import { CATEGORIES } from '../case/case'
import { unitIdField } from '../validation/fields'

/** The periods a dashboard can show: presets, or a range of calendar days (UTC+8). */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'campaign', 'range'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  week: '本周',
  month: '本月',
  quarter: '本季度',
  campaign: '活动以来',
  range: '自选时段',
}

const dayField = (title: string) =>
  z
    .string({ error: `请选择${title}` })
    .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, `${title}须为“年-月-日”`), z.meta({ title }))

export const periodInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.enum(['week', 'month', 'quarter', 'campaign']) }),
    z.object({ kind: z.literal('range'), from: dayField('开始日期'), to: dayField('结束日期') }),
  ],
  { error: '请选择统计时段' },
)
export type PeriodInput = z.output<typeof periodInput>

/** 统计看板: one period, one unit (a supervisor's own unit or one below it; the caller's own figures for a cadre). */
export const dashboardInput = z.object({
  action: z.literal('dashboard'),
  period: z._default(periodInput, { kind: 'month' }),
  unitId: z.optional(unitIdField),
})

/** A rate as its parts: pages show the formula beside it, and nobody divides by zero. */
export const rateSchema = z.strictObject({
  numerator: z.number(),
  denominator: z.number(),
  /** numerator ÷ denominator, or null when there is nothing to divide. */
  value: z.nullable(z.number()),
})
export type Rate = z.infer<typeof rateSchema>

const caseBucketsSchema = z.strictObject({
  /** 梳理问题: every case submitted, less the declined and the merged. */
  total: z.number(),
  /** 待受理 */
  pending: z.number(),
  /** 推进整改中: assigned, in progress, or waiting for 销号. */
  working: z.number(),
  /** 已销号办结 */
  closed: z.number(),
  /** of which 立行立改 */
  onTheSpot: z.number(),
  declined: z.number(),
  merged: z.number(),
  /** raised on a visit (走访立案) */
  raisedOnVisit: z.number(),
})

const ratesSchema = z.strictObject({
  /** 响应率 = 按时签收 ÷ 派单 */
  response: rateSchema,
  /** 解决率 = 已解决 ÷ 评价 (real answers only) */
  solved: rateSchema,
  /** 满意率 = (满意 + 基本满意) ÷ 评价 (real answers only) */
  satisfied: rateSchema,
  /** the same with 默认满意 counted */
  solvedWithDefault: rateSchema,
  satisfiedWithDefault: rateSchema,
  /** 默认满意, shown apart */
  defaultRated: z.number(),
  /** 销号 in the period (a reopened case closed twice counts twice) */
  closures: z.number(),
})

const fieldworkFiguresSchema = z.strictObject({
  /** 下沉人次 */
  signIns: z.number(),
  /** 下沉时长 (hours, one decimal) */
  hours: z.number(),
  visits: z.number(),
  /** 敲门入户 (户次) */
  doorsKnocked: z.number(),
  /** 走访单位个次 */
  unitVisits: z.number(),
  /** 见到群众人次 */
  peopleMet: z.number(),
  opinions: z.number(),
  /** cases raised from visits */
  casesRaised: z.number(),
  /** tagged households (独居老人, 特困人员 …) on the ledger, and of them visited since the period began */
  vulnerableOnLedger: z.number(),
  vulnerableVisited: z.number(),
})

export const dashboardSchema = z.strictObject({
  period: z.strictObject({
    kind: z.enum(PERIOD_KINDS),
    /** epoch ms, inclusive */
    start: z.number(),
    /** epoch ms, exclusive */
    end: z.number(),
    label: z.string(),
  }),
  unit: z.strictObject({ id: z.string(), name: z.string() }),
  cases: z.strictObject({
    ...caseBucketsSchema.shape,
    /** open and past a deadline now (by responsible unit) */
    overdue: z.number(),
  }),
  byCategory: z.array(z.strictObject({ category: z.enum(CATEGORIES), ...caseBucketsSchema.shape })),
  rates: ratesSchema,
  fieldwork: fieldworkFiguresSchema,
  /** The units directly below, one row each (empty for a unit without any). */
  ranking: z.array(
    z.strictObject({
      unit: z.strictObject({ id: z.string(), name: z.string() }),
      total: z.number(),
      closed: z.number(),
      overdue: z.number(),
      rates: ratesSchema,
    }),
  ),
  /** Week by week (Monday to Sunday, UTC+8), up to the period's end. */
  trend: z.array(
    z.strictObject({
      weekStart: z.number(),
      label: z.string(),
      submitted: z.number(),
      closures: z.number(),
      signIns: z.number(),
    }),
  ),
  /** 工作简报: a paragraph from the same figures. */
  briefing: z.strictObject({ title: z.string(), text: z.string() }),
})
export type Dashboard = z.infer<typeof dashboardSchema>
