import * as z from 'zod/mini'
import type { CaseStatus, Pledge } from '../case/case'
import type { OrgUnitKind } from '../org/org'
import { LEADER_RANK_LABELS, LEADER_RANKS } from '../user/user'

/**
 * 领办 (the 后湖 plan, 活动任务 1): 管理区党政主职领导 personally take on 2 strongly reported
 * problems, other 领导班子成员 1, each 办事处（社区） 2, each 区直单位 1 — counted per month here.
 */
export const PLEDGE_UNIT_KINDS = ['office', 'community', 'department'] as const satisfies readonly OrgUnitKind[]
export type PledgeUnitKind = (typeof PLEDGE_UNIT_KINDS)[number]

export function isPledgeUnitKind(kind: OrgUnitKind): kind is PledgeUnitKind {
  return (PLEDGE_UNIT_KINDS as readonly OrgUnitKind[]).includes(kind)
}

/** Who may be given a quota: a leader by rank, a unit by kind. */
export const QUOTA_KINDS = [...LEADER_RANKS, ...PLEDGE_UNIT_KINDS] as const
export type QuotaKind = (typeof QUOTA_KINDS)[number]
export const QUOTA_KIND_LABELS: Record<QuotaKind, string> = {
  ...LEADER_RANK_LABELS,
  office: '办事处',
  community: '社区',
  department: '区直单位',
}

export type QuotaDefaults = Record<QuotaKind, number>
const DEFAULT_PLEDGE_QUOTAS: QuotaDefaults = { principal: 2, other: 1, office: 2, community: 2, department: 1 }

/** The most a month's quota may be (a typo of 20 for 2 should not stand). */
const MAX_QUOTA = 10

const quotaField = z
  .number({ error: '领办数量须为数字' })
  .check(z.int('领办数量须为整数'), z.gte(0, '领办数量不能小于 0'), z.lte(MAX_QUOTA, `领办数量不能超过 ${MAX_QUOTA}`))

export const quotaOverrideSchema = z.strictObject({
  subject: z.enum(['leader', 'unit']),
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  quota: quotaField,
})
export type QuotaOverride = z.infer<typeof quotaOverrideSchema>

export const pledgeQuotasSchema = z.strictObject({
  defaults: z.strictObject(
    Object.fromEntries(QUOTA_KINDS.map((kind) => [kind, quotaField])) as Record<QuotaKind, typeof quotaField>,
  ),
  /** A leader's or a unit's own quota, instead of its kind's default. */
  overrides: z.array(quotaOverrideSchema).check(z.maxLength(500, '单独设定太多了')),
})
export type PledgeQuotas = z.infer<typeof pledgeQuotasSchema>
export const DEFAULT_QUOTAS: PledgeQuotas = { defaults: DEFAULT_PLEDGE_QUOTAS, overrides: [] }

/** The quota of one leader or unit: its own, else its kind's. */
function quotaOf(quotas: PledgeQuotas, subject: QuotaOverride['subject'], id: string, kind: QuotaKind): number {
  const own = quotas.overrides.find((row) => row.subject === subject && row.id === id)
  return own ? own.quota : quotas.defaults[kind]
}

/** The 领办 a supervisor chose: a leader, a unit, both or neither (ids already resolved to names). */
export interface PledgeChoice {
  leader: { id: string; name: string } | null
  unit: { id: string; name: string } | null
}

/**
 * The case's 领办 after a choice: a side that stays the same keeps its time (and so its month);
 * null when neither is chosen.
 */
export function nextPledge(current: Pledge | null, choice: PledgeChoice, by: string, now: number): Pledge | null {
  if (!choice.leader && !choice.unit) return null
  const sameLeader = !!choice.leader && current?.leaderId === choice.leader.id
  const sameUnit = !!choice.unit && current?.unitId === choice.unit.id
  return {
    leaderId: choice.leader?.id ?? null,
    leaderName: choice.leader?.name ?? null,
    leaderAt: choice.leader ? (sameLeader ? (current?.leaderAt ?? now) : now) : null,
    unitId: choice.unit?.id ?? null,
    unitName: choice.unit?.name ?? null,
    unitAt: choice.unit ? (sameUnit ? (current?.unitAt ?? now) : now) : null,
    markedBy: by,
    markedAt: now,
  }
}

/** Whether the choice changes who the case is pledged to. */
export function pledgeChanges(current: Pledge | null, choice: PledgeChoice): boolean {
  return (
    (current?.leaderId ?? null) !== (choice.leader?.id ?? null) ||
    (current?.unitId ?? null) !== (choice.unit?.id ?? null)
  )
}

/** Who takes the case on, in words: 王强、东湖社区 (empty when nobody). */
export function pledgedBy(pledge: Pick<Pledge, 'leaderName' | 'unitName'> | null): string {
  return [pledge?.leaderName, pledge?.unitName].filter(Boolean).join('、')
}

/** The timeline note of a change (the reporter reads it: "由XX领办" is news to them). */
export function pledgeNote(before: Pledge | null, after: Pledge | null): string {
  const now = pledgedBy(after)
  if (now) return `由${now}领办`
  return `不再列为${pledgedBy(before)}的领办`
}

/** A month as the board reads it: `2026-11`, in China time. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** The month `by` months after (before, when negative) this one: the board's 上个月 / 下个月. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (number - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** One leader or unit the board has a row for. */
export interface BoardSubject {
  id: string
  name: string
  kind: QuotaKind
  /** Where the leader or unit sits (a leader's unit; a unit's parent). */
  unitName: string | null
}

/** What the board needs of a case: its 领办 and whether it is closed. */
export interface PledgedCase {
  status: CaseStatus
  pledge?: Pledge | null
}

const boardRowSchema = z.strictObject({
  subject: z.enum(['leader', 'unit']),
  id: z.string(),
  name: z.string(),
  kind: z.enum(QUOTA_KINDS),
  kindLabel: z.string(),
  unitName: z.nullable(z.string()),
  /** 应领办: the month's quota. */
  quota: z.number(),
  /** 已领办: cases made this leader's (unit's) 领办 in the month. */
  takenOn: z.number(),
  /** 已办结: of those, the ones closed (销号) now. */
  closed: z.number(),
  /** How many more it should take on this month (0: quota met). */
  short: z.number(),
  /** In words, so that colour is never the only signal. */
  verdict: z.string(),
})
export type BoardRow = z.infer<typeof boardRowSchema>

function verdict(quota: number, takenOn: number): string {
  if (quota === 0) return '本月不要求领办'
  return takenOn >= quota ? '已达到应领办数' : `未达到：还差 ${quota - takenOn} 件`
}

/**
 * The 领办 board of a month: for each leader and unit, its quota (应领办), the cases that became
 * its 领办 in the month (已领办: by the time its side of the 领办 was set), and of those the ones
 * closed now (已办结). Below quota: fewer taken on than the quota. Cases pledged to someone without
 * a row (not in scope, no longer a leader) count nowhere. Rows in the order given.
 */
export function pledgeBoard(input: {
  month: { start: number; end: number }
  leaders: readonly BoardSubject[]
  units: readonly BoardSubject[]
  cases: readonly PledgedCase[]
  quotas: PledgeQuotas
}): { leaders: BoardRow[]; units: BoardRow[] } {
  const inMonth = (at: number | null | undefined) =>
    typeof at === 'number' && at >= input.month.start && at < input.month.end
  const rows = (subject: BoardRow['subject'], subjects: readonly BoardSubject[]): BoardRow[] =>
    subjects.map((row) => {
      const mine = input.cases.filter((doc) =>
        subject === 'leader'
          ? doc.pledge?.leaderId === row.id && inMonth(doc.pledge.leaderAt)
          : doc.pledge?.unitId === row.id && inMonth(doc.pledge.unitAt),
      )
      const quota = quotaOf(input.quotas, subject, row.id, row.kind)
      const takenOn = mine.length
      return {
        subject,
        id: row.id,
        name: row.name,
        kind: row.kind,
        kindLabel: QUOTA_KIND_LABELS[row.kind],
        unitName: row.unitName,
        quota,
        takenOn,
        closed: mine.filter((doc) => doc.status === 'closed').length,
        short: Math.max(0, quota - takenOn),
        verdict: verdict(quota, takenOn),
      }
    })
  return { leaders: rows('leader', input.leaders), units: rows('unit', input.units) }
}

export const pledgeBoardSchema = z.strictObject({
  month: z.string(),
  monthLabel: z.string(),
  /** The unit whose subtree the board covers (null: everything, for an admin). */
  unitId: z.nullable(z.string()),
  unitName: z.nullable(z.string()),
  leaders: z.array(boardRowSchema),
  units: z.array(boardRowSchema),
  /** How many rows are below quota, leaders and units together. */
  belowQuota: z.number(),
})
export type PledgeBoard = z.infer<typeof pledgeBoardSchema>
