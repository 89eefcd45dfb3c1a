import { unitPath, type OrgUnit } from '@core/org/org'
import { may } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { personKey } from '@core/stats/contributions'
import { assembleDashboard } from '@core/stats/dashboard'
import type { Dashboard, PeriodInput } from '@core/stats/dashboard.schemas'
import { periodRows, resolvePeriod, trendWeeks } from '@core/stats/period'
import { slotOf, sumCounts, type Counts, type Grain, type RollupKey } from '@core/stats/rollups'
import type { Case } from '@core/case/case'
import { overdueFilter } from '@core/case/overdue'
import { DAY_MS } from '@core/time'
import type { Filter, Store, StoredDoc } from '../ports/store'
import { ROLLUPS, storedCounts } from '../rollups'
import type { HandlerContext } from '../handlers/context'
import { childrenOf } from '../handlers/orgs'
import { readAll } from '../handlers/paging'

/** Whose figures a dashboard shows: a unit (with its subtree), every root, or one person. */
export interface Subject {
  id: string
  name: string
  /** The person, for a cadre's own figures; null for a unit. */
  openid: string | null
  /** The rollup subjects summed. */
  keys: string[]
  /** Whether an overdue case is this subject's to answer for (逾期: by responsible unit, or handler). */
  answersFor: (doc: Pick<Case, 'responsibleUnitPath' | 'assignment'>) => boolean
  /** Its ledger (for the tagged households). */
  ledgerFilter: Filter | null
  children: Array<{ unit: OrgUnit; keys: string[] }>
  /** The records its figures count (the export's sheets): cases by area, visits and sign-ins by unit. */
  records: RecordFilters
}

/** Each record collection's filter for one subject; the period is added by the reader. */
export interface RecordFilters {
  cases: Filter
  visits: Filter
  checkins: Filter
}

const byUnits = (ids: string | { $in: string[] }): RecordFilters => ({
  cases: { areaUnitPath: ids },
  visits: { unitPath: ids },
  checkins: { unitPath: ids },
})

export async function subjectFor(store: Store, actor: Actor, unitId: string | undefined): Promise<Result<Subject>> {
  if (unitId === undefined && actor.role === 'cadre') {
    if (!may(actor, 'stats.view', { ownerOpenids: [actor.openid], unitIds: [] })) return fail('AUTH.FORBIDDEN')
    const key = personKey(actor.openid)
    return ok({
      id: key,
      name: actor.name || '我',
      openid: actor.openid,
      keys: [key],
      answersFor: (doc) => doc.assignment?.handlerOpenid === actor.openid,
      ledgerFilter: actor.unitId ? { unitPath: actor.unitId } : null,
      children: [],
      // A cadre's own: the cases he raised (his 梳理问题), his visits and his sign-ins.
      records: {
        cases: { 'createdBy.openid': actor.openid },
        visits: { openid: actor.openid },
        checkins: { openid: actor.openid },
      },
    })
  }
  const id = unitId ?? actor.unitId
  if (id === undefined || id === null) {
    if (actor.role !== 'admin') return fail('STATS.BAD_UNIT')
    // An admin without a unit sees everything: the sum of the roots.
    const roots = (await childrenOf(store, null)).filter((unit) => unit.active)
    if (roots.length === 1) return subjectFor(store, actor, (roots[0] as OrgUnit)._id)
    return ok({
      id: 'all',
      name: '全区',
      openid: null,
      keys: roots.map((root) => root._id),
      answersFor: (doc) => roots.some((root) => doc.responsibleUnitPath.includes(root._id)),
      ledgerFilter: { unitPath: { $in: roots.map((root) => root._id) } },
      children: roots.map((unit) => ({ unit, keys: [unit._id] })),
      records: byUnits({ $in: roots.map((root) => root._id) }),
    })
  }
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND')
  if (!may(actor, 'stats.view', { ownerOpenids: [], unitIds: unitPath(unit) })) return fail('STATS.BAD_UNIT')
  const children = (await childrenOf(store, unit._id)).filter((child) => child.active)
  return ok({
    id: unit._id,
    name: unit.name,
    openid: null,
    keys: [unit._id],
    answersFor: (doc) => doc.responsibleUnitPath.includes(unit._id),
    ledgerFilter: { unitPath: unit._id },
    children: children.map((child) => ({ unit: child, keys: [child._id] })),
    records: byUnits(unit._id),
  })
}

/** The records behind a dashboard's figures (the same checks of the unit as the dashboard's). */
export async function recordFilters(
  store: Store,
  actor: Actor,
  unitId: string | undefined,
): Promise<Result<RecordFilters>> {
  const subject = await subjectFor(store, actor, unitId)
  return subject.ok ? ok(subject.data.records) : subject
}

/**
 * The cases overdue now, read by their due time alone: the set is bounded by the work in hand, not
 * by history, and an equality on a unit would make the embedded store scan every case of the unit.
 * Who answers for each is then decided here, for the subject and each unit of the ranking.
 */
export function overdueNow(store: Store, now: number): Promise<Case[]> {
  return readAll<Case>(store, 'cases', overdueFilter(now), [['dueAt', 1]])
}

/** The stored rollup rows among `keys`, read as ranges of consecutive slots (one query per run). */
async function readRows(store: Store, keys: readonly RollupKey[]): Promise<Array<{ slot: number; counts: Counts }>> {
  const runs = new Map<string, { subject: string; grain: Grain; from: number; to: number }>()
  for (const key of keys) {
    const id = `${key.subject}|${key.grain}`
    const run = runs.get(id)
    runs.set(
      id,
      run
        ? { ...run, from: Math.min(run.from, key.slot), to: Math.max(run.to, key.slot) }
        : { ...key, from: key.slot, to: key.slot },
    )
  }
  const wanted = new Set(keys.map((key) => `${key.subject}|${key.grain}${key.slot}`))
  const pages = await Promise.all(
    [...runs.values()].map((run) =>
      readAll<StoredDoc & Record<string, unknown>>(
        store,
        ROLLUPS,
        { subject: run.subject, grain: run.grain, slot: { $gte: run.from, $lte: run.to } },
        [['slot', 1]],
      ),
    ),
  )
  return pages
    .flat()
    .filter((doc) => wanted.has(doc._id))
    .map((doc) => ({ slot: doc.slot as number, counts: storedCounts(doc) }))
}

async function periodCounts(store: Store, subjects: readonly string[], start: number, end: number): Promise<Counts> {
  const rows = await readRows(
    store,
    subjects.flatMap((subject) => periodRows(subject, start, end)),
  )
  return sumCounts(rows)
}

/**
 * 统计看板: figures from the rollups; 逾期 and the ledger's coverage counted now. The dashboard,
 * the export's figures sheet and the 工作简报 all come from here.
 */
export async function computeDashboard(
  input: { period: PeriodInput; unitId?: string | undefined },
  { store, clock, actor }: Pick<HandlerContext, 'store' | 'clock' | 'actor'>,
): Promise<Result<Dashboard>> {
  const now = clock.now()
  const period = resolvePeriod(input.period, now)
  if (!period.ok) return period
  const subject = await subjectFor(store, actor, input.unitId)
  if (!subject.ok) return subject
  const { start, end } = period.data
  const target = subject.data
  const weeks = trendWeeks(end)
  const ledger = target.ledgerFilter
  const overdueCases = overdueNow(store, now)
  const [counts, overdue, onLedger, visited, children, trend] = await Promise.all([
    periodCounts(store, target.keys, start, end),
    overdueCases.then((late) => late.filter(target.answersFor).length),
    ledger ? store.count('households', { ...ledger, tagged: true }) : Promise.resolve(0),
    ledger
      ? store.count('households', { ...ledger, tagged: true, lastVisitedAt: { $gte: start } })
      : Promise.resolve(0),
    Promise.all(
      target.children.map(async (child) => ({
        unit: { id: child.unit._id, name: child.unit.name },
        counts: await periodCounts(store, child.keys, start, end),
        overdue: (await overdueCases).filter((doc) => doc.responsibleUnitPath.includes(child.unit._id)).length,
      })),
    ),
    trendCounts(store, target.keys, weeks),
  ])
  return ok(
    assembleDashboard({
      period: period.data,
      unit: { id: target.id, name: target.name },
      counts,
      overdue,
      vulnerable: { onLedger, visited },
      children,
      weeks: trend,
    }),
  )
}

/** Each trend week's sum, from the day rows of all the weeks (one query per subject). */
async function trendCounts(store: Store, subjects: readonly string[], weeks: readonly number[]) {
  const days = weeks.flatMap((weekStart) => Array.from({ length: 7 }, (_, day) => weekStart + day * DAY_MS))
  const keys = subjects.flatMap((subject) =>
    days.map((day) => ({ subject, grain: 'd' as const, slot: slotOf(day, 'd') })),
  )
  const rows = await readRows(store, keys)
  return weeks.map((weekStart) => {
    const slots = new Set(Array.from({ length: 7 }, (_, day) => slotOf(weekStart + day * DAY_MS, 'd')))
    return { weekStart, counts: sumCounts(rows.filter((row) => slots.has(row.slot))) }
  })
}
