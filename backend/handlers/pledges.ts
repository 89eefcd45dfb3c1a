import type { Case } from '@core/case/case'
import { unitPath, type OrgUnit } from '@core/org/org'
import { listScope } from '@core/permissions'
import {
  DEFAULT_QUOTAS,
  isPledgeUnitKind,
  PLEDGE_UNIT_KINDS,
  pledgeBoard as computeBoard,
  type BoardSubject,
  type PledgeChoice,
  type PledgeQuotas,
} from '@core/pledge/pledges'
import { monthLabel, monthRange } from '@core/publication/publication'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { formatChinaTime } from '@core/time'
import { isActiveLeader, LEADER_RANKS, type LeaderRank, type User } from '@core/user/user'
import type { Filter, Store } from '../ports/store'
import type { Handler } from './context'
import { readAll } from './paging'

function inSubtreeOf(actor: Actor, path: readonly string[]): boolean {
  return actor.unitId !== null && path.includes(actor.unitId)
}

/** The leaders (active officials with a rank), by name; within one unit's subtree when given. */
export async function activeLeaders(store: Store, underUnitId: string | null): Promise<User[]> {
  const filter: Filter = {
    leaderRank: { $in: [...LEADER_RANKS] },
    active: true,
    ...(underUnitId ? { unitPath: underUnitId } : {}),
  }
  return (await readAll<User>(store, 'users', filter, [['name', 1]])).filter(isActiveLeader)
}

/** A leader chosen by id: an active leader, else null. */
export async function leaderById(store: Store, id: string): Promise<User | null> {
  const user = await store.get<User>('users', id)
  return user && isActiveLeader(user) ? user : null
}

/**
 * The 领办 a supervisor chose, resolved on the server: the leader must be an active leader, the unit
 * an active 办事处/社区/区直单位 of the supervisor's subtree. A side the case already has stands as
 * it is (its leader may have left office since; the choice only keeps it).
 */
export async function resolvePledge(
  store: Store,
  actor: Actor,
  current: Case['pledge'],
  choice: { leaderId: string | null; unitId: string | null },
  fields: { leader: string; unit: string },
): Promise<Result<PledgeChoice>> {
  let leader: PledgeChoice['leader'] = null
  if (choice.leaderId !== null) {
    if (current?.leaderId === choice.leaderId && current.leaderName !== null) {
      leader = { id: current.leaderId, name: current.leaderName }
    } else {
      const user = await leaderById(store, choice.leaderId)
      if (!user) return fail('PLEDGE.BAD_LEADER', undefined, fields.leader)
      leader = { id: user._id, name: user.name }
    }
  }
  let unit: PledgeChoice['unit'] = null
  if (choice.unitId !== null) {
    if (current?.unitId === choice.unitId && current.unitName !== null) {
      unit = { id: current.unitId, name: current.unitName }
    } else {
      const doc = await store.get<OrgUnit>('orgUnits', choice.unitId)
      if (!doc || !doc.active || !isPledgeUnitKind(doc.kind) || !inSubtreeOf(actor, unitPath(doc))) {
        return fail('PLEDGE.BAD_UNIT', undefined, fields.unit)
      }
      unit = { id: doc._id, name: doc.name }
    }
  }
  return ok({ leader, unit })
}

const QUOTAS_ID = 'pledge-quotas'
interface QuotasDoc {
  _id: string
  quotas: PledgeQuotas
  version: number
}

/** The quotas in force: an admin's setting, or the plan's defaults. */
async function loadPledgeQuotas(store: Store): Promise<{ quotas: PledgeQuotas; version: number }> {
  const doc = await store.get<QuotasDoc>('meta', QUOTAS_ID)
  return doc ? { quotas: doc.quotas, version: doc.version } : { quotas: DEFAULT_QUOTAS, version: 0 }
}

/** The quotas with each override's leader or unit named (an id that no longer names anything shows as such). */
async function quotasView(store: Store) {
  const { quotas, version } = await loadPledgeQuotas(store)
  const overrides = await Promise.all(
    quotas.overrides.map(async (row) => {
      const doc =
        row.subject === 'leader' ? await store.get<User>('users', row.id) : await store.get<OrgUnit>('orgUnits', row.id)
      return { ...row, name: doc?.name ?? '（已不存在）' }
    }),
  )
  return { quotas: { defaults: quotas.defaults, overrides }, version }
}

export const getPledgeQuotas: Handler<'settings', 'getPledgeQuotas'> = async (_input, { store }) =>
  ok(await quotasView(store))

/** An admin's quotas: each override names a leader or a 办事处/社区/区直单位, once. */
export const setPledgeQuotas: Handler<'settings', 'setPledgeQuotas'> = async (
  { quotas, expectedVersion },
  { store },
) => {
  const seen = new Set<string>()
  for (const row of quotas.overrides) {
    const key = `${row.subject}:${row.id}`
    if (seen.has(key)) return fail('INPUT.INVALID', '同一位领导或同一个单位只能单独设定一次', 'quotas')
    seen.add(key)
    const valid =
      row.subject === 'leader'
        ? !!(await store.get<User>('users', row.id))?.leaderRank
        : isPledgeUnitKind((await store.get<OrgUnit>('orgUnits', row.id))?.kind ?? 'team')
    if (!valid) {
      return fail(
        'INPUT.INVALID',
        row.subject === 'leader' ? '单独设定的须是有领导职务的人员' : '单独设定的须是办事处、社区或区直单位',
        'quotas',
      )
    }
  }
  const saved =
    expectedVersion === 0
      ? (await store.insert('meta', { _id: QUOTAS_ID, quotas, version: 1 })) === 'inserted'
      : await store.updateIfVersion('meta', QUOTAS_ID, expectedVersion, { quotas })
  if (!saved) return fail('RECORD.CONFLICT')
  return ok(await quotasView(store))
}

/** The cases that became someone's 领办 in the month (by leader or by unit), each once. */
async function pledgedIn(store: Store, start: number, end: number): Promise<Case[]> {
  const range = { $gte: start, $lt: end }
  const [byLeader, byUnit] = await Promise.all([
    readAll<Case>(store, 'cases', { 'pledge.leaderAt': range }, [['pledge.leaderAt', 1]]),
    readAll<Case>(store, 'cases', { 'pledge.unitAt': range }, [['pledge.unitAt', 1]]),
  ])
  return [...new Map([...byLeader, ...byUnit].map((doc) => [doc._id, doc])).values()]
}

const RANK_ORDER: Record<LeaderRank, number> = { principal: 0, other: 1 }

/**
 * 领办情况 of a month: each leader and 办事处/社区/区直单位 of the caller's subtree (everything for
 * an admin), or of a unit in it, with quota, taken on and closed (core/pledge/pledges.ts counts).
 */
export const pledgeBoard: Handler<'stats', 'pledgeBoard'> = async ({ month, unitId }, { store, clock, actor }) => {
  const scope = listScope(actor, 'pledge.board')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织，暂时看不到领办情况')
  const units = await readAll<OrgUnit>(store, 'orgUnits', {}, [['name', 1]])
  const byId = new Map(units.map((unit) => [unit._id, unit]))
  let root = scope.kind === 'subtree' ? scope.unitId : null
  if (unitId) {
    const unit = byId.get(unitId)
    if (!unit || (root !== null && !unitPath(unit).includes(root))) return fail('STATS.BAD_UNIT', undefined, 'unitId')
    root = unit._id
  }
  const chosen = month ?? formatChinaTime(clock.now(), 'YYYY-MM')
  const bounds = monthRange(chosen)
  const [leaders, cases, { quotas }] = await Promise.all([
    activeLeaders(store, root),
    pledgedIn(store, bounds.start, bounds.end),
    loadPledgeQuotas(store),
  ])
  const nameOf = (id: string | null) => (id ? (byId.get(id)?.name ?? null) : null)
  const leaderRows: BoardSubject[] = leaders
    .map((user) => ({
      id: user._id,
      name: user.name,
      kind: user.leaderRank as LeaderRank,
      unitName: nameOf(user.unitId),
    }))
    .sort((a, b) => RANK_ORDER[a.kind as LeaderRank] - RANK_ORDER[b.kind as LeaderRank])
  const unitRows: BoardSubject[] = units
    .filter((unit) => unit.active && isPledgeUnitKind(unit.kind) && (root === null || unitPath(unit).includes(root)))
    .map((unit) => ({
      id: unit._id,
      name: unit.name,
      kind: unit.kind as BoardSubject['kind'],
      unitName: nameOf(unit.parentId),
    }))
    .sort(
      (a, b) =>
        PLEDGE_UNIT_KINDS.indexOf(a.kind as (typeof PLEDGE_UNIT_KINDS)[number]) -
        PLEDGE_UNIT_KINDS.indexOf(b.kind as (typeof PLEDGE_UNIT_KINDS)[number]),
    )
  const board = computeBoard({ month: bounds, leaders: leaderRows, units: unitRows, cases, quotas })
  return ok({
    month: chosen,
    monthLabel: monthLabel(chosen),
    unitId: root,
    unitName: nameOf(root),
    ...board,
    belowQuota: [...board.leaders, ...board.units].filter((row) => row.short > 0).length,
  })
}
