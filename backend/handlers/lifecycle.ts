import type { Case } from '@core/case/case'
import { OPEN_STATUSES } from '@core/case/case'
import { newOnTheSpotCase } from '@core/case/create'
import { applyTransition, checkAction, type TransitionParams, type CaseAction } from '@core/case/lifecycle'
import { callbacksQuery, myTasksQuery } from '@core/case/queues'
import { caseScope } from '@core/case/scope'
import {
  caseAccess,
  handedOver,
  toCallbackItem,
  toStaffListItem,
  type CallbackItem,
  type CaseView,
  type HandedOverView,
  type StaffCaseListItem,
} from '@core/case/views'
import { unitPath, type OrgUnit } from '@core/org/org'
import { listScope, may } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { isActiveOfficial, type User } from '@core/user/user'
import type { Filter, Store } from '../ports/store'
import { createCaseOnce } from './cases'
import type { Handler, HandlerContext } from './context'
import { deliver } from './notify'
import { cursorPage } from './paging'
import { checkImages } from './photo-check'
import { presentCase } from './photos'
import { loadTimeLimits } from './settings'
import { leaderById, resolvePledge } from './pledges'

type LifecycleInput = { id: string; expectedVersion: number }

/** Turns an action's validated input into the lifecycle's parameters, resolving ids on the server. */
type Resolver<A extends CaseAction> = (
  input: never,
  doc: Case,
  ctx: HandlerContext,
) => Promise<Result<TransitionParams[A]>>

function inSubtreeOf(actor: Actor, path: readonly string[]): boolean {
  return actor.unitId !== null && path.includes(actor.unitId)
}

interface TransitionHooks {
  /** Runs after the core allowed the action, before the case is written (a merge claims its target). */
  beforeWrite?: (doc: Case, next: Case, ctx: HandlerContext) => Promise<Result<void>>
  /** Runs once the case is written; whatever it does, the action has happened. */
  afterWrite?: (next: Case, ctx: HandlerContext) => Promise<void>
}

/**
 * One handler shape for every lifecycle action: load the case, refuse a stale version, let the
 * core decide, write the next document with one conditional update (state and event together),
 * then send the planned messages. A caller who may not see the case is told it was not found.
 */
// Making a handler does nothing else: a bundle that uses some of them (the jobs function) leaves out the rest.
/* @__NO_SIDE_EFFECTS__ */
function transition<A extends CaseAction>(action: A, resolve: Resolver<A>, hooks: TransitionHooks = {}) {
  return async (input: LifecycleInput, ctx: HandlerContext): Promise<Result<CaseView | HandedOverView>> => {
    const { store, clock, actor } = ctx
    const doc = await store.get<Case>('cases', input.id)
    if (!doc || !caseAccess(actor, doc)) return fail('CASE.NOT_FOUND')
    if (doc.version !== input.expectedVersion) return fail('CASE.CONFLICT')
    const now = clock.now()
    // Permission, state and the action's own precondition first: nothing is read or written for a refused action.
    const allowed = checkAction(actor, doc, action, now)
    if (!allowed.ok) return allowed
    const params = await resolve(input as never, doc, ctx)
    if (!params.ok) return params
    const { limits } = await loadTimeLimits(store)
    const applied = applyTransition(doc, action, params.data, { actor, now, limits })
    if (!applied.ok) return applied
    if (hooks.beforeWrite) {
      const ready = await hooks.beforeWrite(doc, applied.data.next, ctx)
      if (!ready.ok) return ready
    }
    const { _id, version: _version, ...fields } = applied.data.next
    if (!(await store.updateIfVersion('cases', _id, input.expectedVersion, fields))) return fail('CASE.CONFLICT')
    await hooks.afterWrite?.(applied.data.next, ctx)
    await deliver(ctx, applied.data.notifications)
    return ok((await presentCase(ctx, applied.data.next, now)) ?? handedOver(applied.data.next))
  }
}

const noParams = async () => ok({}) as Result<Record<string, never>>
const asIs = <A extends CaseAction>() => (async (input: TransitionParams[A]) => ok(input)) as unknown as Resolver<A>

/** The most hops a merge chain is followed (A into B, B into C…) before giving up. */
const MERGE_CHAIN_LIMIT = 10

/** Adds followers to a case, or to the case it was itself merged into since (and so on). */
async function addFollowers(store: Store, firstTargetId: string, openids: readonly string[]): Promise<void> {
  let targetId = firstTargetId
  for (let attempt = 0, hops = 0; attempt < 5; attempt++) {
    const target = await store.get<Case>('cases', targetId)
    if (!target) return
    if (target.mergedInto && hops < MERGE_CHAIN_LIMIT) {
      targetId = target.mergedInto.id
      hops += 1
      attempt -= 1
      continue
    }
    const followers = [...new Set([...target.followerOpenids, ...openids])]
    if (followers.length === target.followerOpenids.length) return
    if (await store.updateIfVersion('cases', targetId, target.version, { followerOpenids: followers })) return
  }
  throw new Error(`could not add followers to ${targetId}`)
}

/** The 承办人 a supervisor chose (派单 and 改派 alike): an active official of the supervisor's subtree. */
async function chosenHandler(
  store: Store,
  actor: Actor,
  openid: string,
): Promise<Result<TransitionParams['assign']['handler']>> {
  const handler = await store.get<User>('users', openid)
  if (!handler || !isActiveOfficial(handler) || !inSubtreeOf(actor, handler.unitPath)) {
    return fail('CASE.BAD_HANDLER', undefined, 'handlerOpenid')
  }
  return ok({ openid: handler._id, name: handler.name })
}

/** 领办领导 as chosen at 派单: a leader's record (the name is the record's), else the name typed. */
async function chosenLeadOfficial(
  store: Store,
  input: { leadOfficial?: string; leadOfficialId?: string },
): Promise<Result<{ name: string; id: string | null }>> {
  if (input.leadOfficialId === undefined) return ok({ name: input.leadOfficial ?? '', id: null })
  const leader = await leaderById(store, input.leadOfficialId)
  return leader
    ? ok({ name: leader.name, id: leader._id })
    : fail('CASE.BAD_LEAD_OFFICIAL', undefined, 'leadOfficialId')
}

export const assignCase = transition(
  'assign',
  async (
    input: {
      responsibleUnitId: string
      handlerOpenid: string
      leadOfficial?: string
      leadOfficialId?: string
      pledgeLeaderId?: string
      pledgeUnitId?: string
      standard: string
      deadline?: number
    },
    doc,
    { store, actor },
  ) => {
    const unit = await store.get<OrgUnit>('orgUnits', input.responsibleUnitId)
    if (!unit || !unit.active || !inSubtreeOf(actor, unitPath(unit)))
      return fail('CASE.BAD_UNIT', undefined, 'responsibleUnitId')
    const handler = await chosenHandler(store, actor, input.handlerOpenid)
    if (!handler.ok) return handler
    const lead = await chosenLeadOfficial(store, input)
    if (!lead.ok) return lead
    const pledging = input.pledgeLeaderId !== undefined || input.pledgeUnitId !== undefined
    const pledge = pledging
      ? await resolvePledge(
          store,
          actor,
          doc.pledge,
          { leaderId: input.pledgeLeaderId ?? null, unitId: input.pledgeUnitId ?? null },
          { leader: 'pledgeLeaderId', unit: 'pledgeUnitId' },
        )
      : null
    if (pledge && !pledge.ok) return pledge
    return ok({
      leadOfficial: lead.data.name,
      leadOfficialId: lead.data.id,
      pledge: pledge ? pledge.data : null,
      responsibleUnit: { id: unit._id, path: unitPath(unit) },
      handler: handler.data,
      standard: input.standard,
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    })
  },
)
export const acknowledgeCase = transition('acknowledge', noParams)
export const sendBackCase = transition('sendBack', asIs<'sendBack'>())
/** 改派: the new handler is chosen and checked exactly as at 派单; the rest is the core's. */
export const reassignCase = transition(
  'reassign',
  async (input: { handlerOpenid: string; reason: string }, _doc, { store, actor }) => {
    const handler = await chosenHandler(store, actor, input.handlerOpenid)
    return handler.ok ? ok({ handler: handler.data, reason: input.reason }) : handler
  },
)
export const addProgress = transition(
  'addProgress',
  async (input: TransitionParams['addProgress'], _doc, { files }) =>
    (await checkImages(files, input.photos, 'photos')) ?? ok(input),
)
export const requestExtension = transition('requestExtension', asIs<'requestExtension'>())
export const approveExtension = transition('approveExtension', noParams)
export const rejectExtension = transition('rejectExtension', asIs<'rejectExtension'>())
export const requestClosure = transition(
  'requestClosure',
  async (input: TransitionParams['requestClosure'], _doc, { files }) =>
    (await checkImages(files, input.evidence, 'evidence')) ?? ok(input),
)
export const approveClosure = transition('approveClosure', asIs<'approveClosure'>())
export const rejectClosure = transition('rejectClosure', asIs<'rejectClosure'>())
export const declineCase = transition('decline', asIs<'decline'>())
export const rateCase = transition('rate', asIs<'rate'>())
export const rateCaseByCall = transition('rateByCall', asIs<'rateByCall'>())
export const addSupervisionNote = transition('addSupervisionNote', asIs<'addSupervisionNote'>())
export const replySupervisionNote = transition('replySupervisionNote', asIs<'replySupervisionNote'>())
/** 领办: the leader and unit are resolved on the server (as at 派单); the rest is the core's. */
export const markPledge = transition(
  'markPledge',
  async (input: { leaderId: string | null; unitId: string | null }, doc, { store, actor }) =>
    resolvePledge(store, actor, doc.pledge, input, { leader: 'leaderId', unit: 'unitId' }),
)

/** The surviving case of a merge: open, in the caller's subtree, not the case itself. */
async function mergeTarget(store: Store, doc: Case, actor: Actor, targetNumber: string): Promise<Result<Case>> {
  // The case's own number: said plainly (the caller knows it; nothing is probed).
  if (targetNumber === doc.number) {
    return fail('CASE.BAD_MERGE', '不能合并到这条诉求自己，请填写另一条诉求的编号', 'targetNumber')
  }
  const [target] = await store.query<Case>('cases', { filter: { number: targetNumber }, offset: 0, limit: 1 })
  // Missing, outside the subtree or no longer open: one answer, so no case number can be probed.
  if (
    !target ||
    target._id === doc._id ||
    !OPEN_STATUSES.includes(target.status) ||
    !may(actor, 'case.dispatch', caseScope(target))
  ) {
    return fail('CASE.BAD_MERGE', '只能合并到本辖区内正在办理的其他诉求，请核对编号', 'targetNumber')
  }
  return ok(target)
}

/**
 * 合并: the merged case's followers then follow the surviving case. The surviving case is touched
 * with a conditional update only once everything was checked: of two opposite merges racing (A into
 * B, B into A), each bumps the other's version, so at most one of them can then write its own case.
 * The followers are copied after the merge is written; if that keeps failing, the merged case says
 * so (`mergeFollowersPending`) and the finish-merges job completes it. The merge stands either way.
 */
export const mergeCase = transition(
  'merge',
  async (input: { targetNumber: string }, doc, { store, actor }) => {
    const target = await mergeTarget(store, doc, actor, input.targetNumber)
    return target.ok ? ok({ target: { id: target.data._id, number: target.data.number } }) : target
  },
  {
    beforeWrite: async (doc, next, { store, clock, actor }) => {
      const target = await mergeTarget(store, doc, actor, next.mergedInto?.number ?? '')
      if (!target.ok) return target
      const claimed = await store.updateIfVersion('cases', target.data._id, target.data.version, {
        updatedAt: clock.now(),
      })
      return claimed ? ok(undefined) : fail('CASE.CONFLICT', '要合并到的诉求刚被处理过，请重试')
    },
    afterWrite: async (next, { store }) => {
      await finishMerge(store, next)
    },
  },
)

/**
 * Copies a merged case's followers to the surviving case, then clears the merged case's flag. The
 * merge is written already: whatever fails here (the store throwing too) leaves the flag for the
 * finish-merges job, and never fails the merge.
 */
export async function finishMerge(store: Store, merged: Case): Promise<boolean> {
  if (!merged.mergedInto) return true
  try {
    await addFollowers(store, merged.mergedInto.id, merged.followerOpenids)
    const current = await store.get<Case>('cases', merged._id)
    if (current?.mergeFollowersPending) {
      await store.updateIfVersion('cases', current._id, current.version, { mergeFollowersPending: false })
    }
    return true
  } catch (error) {
    console.error('[merge] not finished yet; the finish-merges job will retry', error)
    return false
  }
}

/** 立行立改: recorded by the official who solved it, waiting for someone else's 销号. */
export const recordOnTheSpot: Handler<'cases', 'recordOnTheSpot'> = async (input, ctx) => {
  const created = await createCaseOnce(ctx, {
    clientRequestId: input.clientRequestId,
    areaUnitId: input.areaUnitId,
    files: [...input.photos, ...input.evidence],
    charge: { fn: 'cases', action: 'recordOnTheSpot', input },
    mayUseArea: (area) =>
      may(ctx.actor, 'case.recordOnTheSpot', { ownerOpenids: [], unitIds: unitPath(area) })
        ? ok(undefined)
        : fail('AUTH.FORBIDDEN', '只能记录本辖区内的立行立改', 'areaUnitId'),
    build: ({ id, number, areaUnitPath, now }) =>
      newOnTheSpotCase({ id, areaUnitPath, number, input, actor: ctx.actor, now }),
  })
  if (!created.ok) return created
  const view = await presentCase(ctx, created.data, ctx.clock.now())
  return view ? ok(view) : fail('CASE.NOT_FOUND')
}

/** 我的任务: open cases the caller handles, due soonest first. */
export const listMyTasks: Handler<'cases', 'listMyTasks'> = async ({ cursor, pageSize }, { store, clock, actor }) => {
  const now = clock.now()
  const { filter, sort } = myTasksQuery(actor.openid)
  return cursorPage<Case, StaffCaseListItem>(
    store,
    'cases',
    { filter: filter as Filter, sort, cursor, pageSize },
    (doc) => toStaffListItem(actor, doc, now),
  )
}

/** 回访: closed cases in the caller's area whose reporter has not rated and could not be told. */
export const listCallbacks: Handler<'cases', 'listCallbacks'> = async (
  { cursor, pageSize },
  { store, clock, actor },
) => {
  const scope = listScope(actor, 'case.listCallbacks')
  if (scope.kind !== 'subtree') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  const now = clock.now()
  const { filter, sort } = callbacksQuery(scope.unitId)
  return cursorPage<Case, CallbackItem>(store, 'cases', { filter: filter as Filter, sort, cursor, pageSize }, (doc) =>
    toCallbackItem(actor, doc, now),
  )
}
