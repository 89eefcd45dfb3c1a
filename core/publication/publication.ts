import * as z from 'zod/mini'
import { CATEGORIES, SATISFACTION_LABELS, type Case, type CaseStatus } from '../case/case'
import { namesKnownTo } from '../case/scope'
import { PERSONAL_DETAIL_LABELS, personalDetailsIn } from '../privacy/mask'
import { viewRule } from '../privacy/view-rule'
import { fail, ok, type Result } from '../result'
import { CHINA_UTC_OFFSET_MINUTES, chinaTime } from '../time'

/**
 * 三个清单 (DESIGN.md §2): each month a unit publishes what residents raised (问题清单), what was
 * taken on (任务清单) and what was done and how residents rated it (效果清单). A supervisor drafts
 * them from the records, edits the public wording, leaves rows out with a reason, and publishes an
 * immutable version; a correction is a new version beside the old one.
 */
export const PUBLIC_LISTS = ['problems', 'tasks', 'results'] as const
export type PublicList = (typeof PUBLIC_LISTS)[number]
export const PUBLIC_LIST_LABELS: Record<PublicList, string> = {
  problems: '问题清单',
  tasks: '任务清单',
  results: '效果清单',
}
/** What a row's second editable text is, in each list (null: that list has none). */
export const DETAIL_LABELS: Record<PublicList, string> = {
  problems: '不予受理理由',
  tasks: '解决标准',
  results: '办理结果',
}

/** Public texts: long enough for a description, short enough for a list. */
export const PUBLIC_TEXT_MAX = 500

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A month's bounds (UTC+8): [start, end). */
export function monthRange(month: string): { start: number; end: number } {
  const [, year, mon] = MONTH_PATTERN.exec(month) as RegExpExecArray
  const offset = CHINA_UTC_OFFSET_MINUTES * 60 * 1000
  return {
    start: Date.UTC(Number(year), Number(mon) - 1, 1) - offset,
    end: Date.UTC(Number(year), Number(mon), 1) - offset,
  }
}

/** 2026-11 → 2026年11月 */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-')
  return `${year}年${Number(mon)}月`
}

/** The month (UTC+8) an instant falls in, as YYYY-MM. */
function monthOf(at: number): string {
  return chinaTime(at).format('YYYY-MM')
}

/** The last `count` months up to the one `now` falls in, newest first (the months a page offers). */
export function recentMonths(now: number, count: number): string[] {
  const current = chinaTime(now).startOf('month')
  return Array.from({ length: count }, (_, back) => current.subtract(back, 'month').format('YYYY-MM'))
}

/** How many months back a draft may be opened from a page. */
export const MONTHS_OFFERED = 12

/** The month before the one `now` falls in. */
export function lastMonth(now: number): string {
  return chinaTime(now).startOf('month').subtract(1, 'month').format('YYYY-MM')
}

/** A month may be drafted once it has begun (the current month's lists cover it so far). */
export function checkMonth(month: string, now: number): Result<void> {
  if (!MONTH_PATTERN.test(month)) return fail('PUBLICATION.BAD_MONTH', '月份须为“年-月”，如 2026-11', 'month')
  if (month > monthOf(now)) return fail('PUBLICATION.BAD_MONTH', '还没到这个月，不能编制它的清单', 'month')
  return ok(undefined)
}

export const publicRowSchema = z.strictObject({
  caseId: z.string(),
  number: z.string(),
  category: z.enum(CATEGORIES),
  /** 社区/小区 */
  areaName: z.string(),
  /** The public wording of what was raised. */
  summary: z.string(),
  /** 不予受理理由 / 解决标准 / 办理结果 (DETAIL_LABELS); null where the row has none. */
  detail: z.nullable(z.string()),
  /** How many reports the row answers: a merged report appears under the case it joined. */
  reports: z.number(),
  /** 问题清单: where it stands (待受理, 办理中, 已办结, 不予受理). */
  status: z.nullable(z.string()),
  /** 任务清单: 领办领导, 责任单位, 完成时限. */
  leadOfficial: z.nullable(z.string()),
  responsibleUnit: z.nullable(z.string()),
  deadline: z.nullable(z.number()),
  /** 效果清单: when it was closed, and how residents rated it. */
  closedAt: z.nullable(z.number()),
  rating: z.nullable(z.string()),
  onTheSpot: z.boolean(),
})
export type PublicRow = z.infer<typeof publicRowSchema>

const omissionSchema = z.strictObject({ reason: z.string(), byName: z.string(), at: z.number() })

/** A row as its editor sees it: left out or not, edited or not, and what still stops it. */
export const draftRowSchema = z.strictObject({
  ...publicRowSchema.shape,
  omitted: z.nullable(omissionSchema),
  edited: z.boolean(),
  /** 效果清单: whether the case may be made a 典型案例 (closed, rated solved and satisfied). */
  mayShowcase: z.boolean(),
  /** Why it cannot be published as it stands (personal details, the content check), row by row. */
  issues: z.array(z.string()),
})
export type DraftRow = z.infer<typeof draftRowSchema>

/** A stored row: the view's fields and the names of the people it is about (never sent). */
export type StoredRow = DraftRow & { names: string[] }

export type Lists<Row> = Record<PublicList, Row[]>

/** What a draft is built from: the month's records in the unit's scope, read by the server. */
export interface DraftSource {
  month: string
  /** Cases submitted in the month (merged and declined ones too). */
  submitted: readonly Case[]
  /** Cases assigned (派单) in the month. */
  assigned: readonly Case[]
  /** Cases closed (销号) in the month. */
  closed: readonly Case[]
  /** Every case the rows may name, by id (merged cases' survivors included). */
  byId: ReadonlyMap<string, Case>
  unitNames: ReadonlyMap<string, string>
  /** Names of the households behind cases raised on visits, by case id. */
  householdNames: ReadonlyMap<string, string>
}

const PUBLIC_STATUS: Record<CaseStatus, string> = {
  submitted: '待受理',
  assigned: '办理中',
  in_progress: '办理中',
  pending_closure: '办理中',
  closed: '已办结',
  declined: '不予受理',
  merged: '已合并办理',
}

function lastNote(doc: Case, types: readonly string[]): string | null {
  const event = [...doc.timeline].reverse().find((candidate) => types.includes(candidate.type))
  return event ? event.note : null
}

/** How the residents rated the latest closure, in words (默认满意 said apart). */
export function ratingText(doc: Case): string {
  const rating =
    doc.closedAt === null ? undefined : doc.ratings.find((candidate) => candidate.at >= (doc.closedAt ?? 0))
  if (!rating) return '待评价'
  if (rating.byDefault) return '默认满意'
  return `${SATISFACTION_LABELS[rating.satisfaction]}（${rating.solved === 'solved' ? '已解决' : '未解决'}）`
}

function rowFor(
  list: PublicList,
  doc: Case,
  source: DraftSource,
  { reports, names }: { reports: number; names: string[] },
): StoredRow {
  const rule = viewRule('public', names)
  const masked = (text: string | null) => (text === null ? null : rule.text(text))
  const detail =
    list === 'problems'
      ? doc.status === 'declined'
        ? masked(lastNote(doc, ['decline']) ?? '')
        : null
      : list === 'tasks'
        ? masked(doc.assignment?.standard ?? '')
        : masked(lastNote(doc, ['requestClosure', 'recordOnTheSpot']) ?? '')
  return {
    caseId: doc._id,
    number: doc.number,
    category: doc.category,
    areaName: source.unitNames.get(doc.areaUnitId) ?? '',
    summary: rule.text(doc.description),
    detail,
    reports,
    status: list === 'problems' ? PUBLIC_STATUS[doc.status] : null,
    leadOfficial: list === 'tasks' ? (doc.assignment?.leadOfficial ?? null) : null,
    responsibleUnit:
      list === 'tasks' && doc.assignment ? (source.unitNames.get(doc.assignment.responsibleUnitId) ?? null) : null,
    deadline: list === 'tasks' ? (doc.assignment?.deadline ?? null) : null,
    closedAt: list === 'results' ? doc.closedAt : null,
    rating: list === 'results' ? ratingText(doc) : null,
    onTheSpot: doc.onTheSpot,
    omitted: null,
    edited: false,
    mayShowcase: list === 'results' && showcaseRefusal(doc) === null,
    issues: [],
    names,
  }
}

/** The case a report counts under: itself, or the case it was merged into. */
function survivorOf(doc: Case, byId: ReadonlyMap<string, Case>): Case {
  return (doc.status === 'merged' && doc.mergedInto && byId.get(doc.mergedInto.id)) || doc
}

/**
 * The draft 三个清单 from the month's records, one row per case: 问题清单 the reports submitted in
 * the month (merged ones counted under the case they joined), 任务清单 the cases assigned in it,
 * 效果清单 the cases closed in it. The public wording starts as the record's text masked at the
 * public level of the view rule.
 */
export function draftLists(source: DraftSource): Lists<StoredRow> {
  const reportsOf = new Map<string, number>()
  const order: Case[] = []
  for (const doc of [...source.submitted].sort((a, b) => a.number.localeCompare(b.number))) {
    const survivor = survivorOf(doc, source.byId)
    if (!reportsOf.has(survivor._id)) order.push(survivor)
    reportsOf.set(survivor._id, (reportsOf.get(survivor._id) ?? 0) + 1)
  }
  // Whom a case's texts may name: its reporter and family, the household of the visit it was raised
  // on, and the reporters whose cases were merged into it.
  const names = new Map<string, string[]>()
  const addNames = (caseId: string, more: readonly string[]) =>
    names.set(caseId, [...new Set([...(names.get(caseId) ?? []), ...more.filter(Boolean)])])
  for (const doc of source.byId.values()) {
    addNames(doc._id, namesKnownTo(doc))
    const household = source.householdNames.get(doc._id)
    if (household) addNames(doc._id, [household])
    const survivor = survivorOf(doc, source.byId)
    if (survivor !== doc) addNames(survivor._id, namesKnownTo(doc))
  }
  const facts = (doc: Case) => ({ reports: reportsOf.get(doc._id) ?? 1, names: names.get(doc._id) ?? [] })
  const byNumber = (a: Case, b: Case) => a.number.localeCompare(b.number)
  return {
    problems: order.map((doc) => rowFor('problems', doc, source, facts(doc))),
    tasks: [...source.assigned]
      .filter((doc) => doc.assignment !== null)
      .sort(byNumber)
      .map((doc) => rowFor('tasks', doc, source, { ...facts(doc), reports: 1 })),
    results: [...source.closed]
      .filter((doc) => doc.status === 'closed')
      .sort(byNumber)
      .map((doc) => rowFor('results', doc, source, { ...facts(doc), reports: 1 })),
  }
}

/**
 * A refreshed draft keeps what the editor decided for rows still there: the wording they edited and
 * the rows they left out.
 */
export function keepDecisions(fresh: Lists<StoredRow>, previous: Lists<StoredRow>): Lists<StoredRow> {
  const kept = (list: PublicList) =>
    fresh[list].map((row) => {
      const before = previous[list].find((candidate) => candidate.caseId === row.caseId)
      if (!before) return row
      return {
        ...row,
        ...(before.edited ? { summary: before.summary, detail: before.detail, edited: true } : {}),
        omitted: before.omitted,
      }
    })
  return { problems: kept('problems'), tasks: kept('tasks'), results: kept('results') }
}

/** The personal details a row's public texts still hold, in words (empty: none). */
export function personalDataIssues(row: StoredRow, list: PublicList): string[] {
  const texts: Array<[string, string | null]> = [
    ['内容', row.summary],
    [DETAIL_LABELS[list], row.detail],
  ]
  return texts.flatMap(([label, text]) => {
    const found = text === null ? [] : personalDetailsIn(text, row.names)
    return found.length === 0
      ? []
      : [`${label}含有${found.map((kind) => PERSONAL_DETAIL_LABELS[kind]).join('、')}，请删去或改写`]
  })
}

/** Where a row sits, as its editor and a refusal name it. */
export function rowName(list: PublicList, rows: readonly StoredRow[], caseId: string): string {
  const index = rows.findIndex((row) => row.caseId === caseId)
  const row = rows[index]
  return `${PUBLIC_LIST_LABELS[list]}第 ${index + 1} 行（编号 ${row?.number ?? caseId}）`
}

/** The public texts of the rows that will be published, keyed `list|caseId|field`, for the content check. */
export function publicTexts(lists: Lists<StoredRow>): Array<{ key: string; text: string }> {
  return PUBLIC_LISTS.flatMap((list) =>
    lists[list]
      .filter((row) => row.omitted === null)
      .flatMap((row) => [
        { key: `${list}|${row.caseId}|summary`, text: row.summary },
        ...(row.detail ? [{ key: `${list}|${row.caseId}|detail`, text: row.detail }] : []),
      ]),
  )
}

/** The row a content-check key names. */
export function keyOf(key: string): { list: PublicList; caseId: string; field: 'summary' | 'detail' } {
  const [list, caseId, field] = key.split('|') as [PublicList, string, 'summary' | 'detail']
  return { list, caseId, field }
}

/** A row as its editor sees it (the names it is checked against stay on the server). */
export function toDraftRow(row: StoredRow): DraftRow {
  const { names: _names, ...view } = row
  return view
}

/** A row as the public sees it: only what was published, none of the editor's bookkeeping. */
export function toPublicRow(row: StoredRow): PublicRow {
  const { names: _names, omitted: _omitted, edited: _edited, issues: _issues, mayShowcase: _may, ...view } = row
  return view
}

/** 典型案例: a closed case that the reporter rated solved and satisfied (or basically), in words. */
export function showcaseRefusal(doc: Case): string | null {
  if (doc.status !== 'closed') return '只有已办结的诉求才能评为典型案例'
  const rating = doc.ratings.find((candidate) => candidate.at >= (doc.closedAt ?? 0))
  if (!rating || rating.byDefault) return '群众还没有评价这次办理，不能评为典型案例'
  if (rating.solved !== 'solved' || rating.satisfaction === 'dissatisfied') {
    return '群众评价为未解决或不满意，不能评为典型案例'
  }
  return null
}

/** What a resident reads on a case that a published list names. */
export function listingLabel(month: string, lists: readonly PublicList[]): string {
  const ordered = PUBLIC_LISTS.filter((list) => lists.includes(list))
  return `已列入${monthLabel(month)}${ordered.map((list) => PUBLIC_LIST_LABELS[list]).join('、')}`
}
