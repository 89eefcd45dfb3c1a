import type { Case } from '@core/case/case'
import { OPEN_STATUSES } from '@core/case/case'
import { newOnTheSpotCase } from '@core/case/create'
import { applyTransition, type ActionParams, type CaseAction } from '@core/case/lifecycle'
import { caseScope, toStaffListItem, viewCaseFor } from '@core/case/views'
import { unitPath, type OrgUnit } from '@core/org/org'
import { may } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import type { User } from '@core/user/user'
import type { Store } from '../ports/store'
import { createCaseOnce } from './cases'
import type { Handler, HandlerContext } from './context'
import { loadTimeLimits } from './settings'

type LifecycleInput = { id: string; expectedVersion: number }

/** Turns an action's validated input into the lifecycle's parameters, resolving ids on the server. */
type Resolver<A extends CaseAction> = (input: never, doc: Case, ctx: HandlerContext) => Promise<Result<ActionParams[A]>>

function inSubtreeOf(actor: Actor, path: readonly string[]): boolean {
  return actor.unitId !== null && path.includes(actor.unitId)
}

/**
 * One handler shape for every lifecycle action: load the case, refuse a stale version, let the
 * core decide, write the next document with one conditional update (state and event together),
 * then send the planned messages.
 */
function transition<A extends CaseAction>(action: A, resolve: Resolver<A>) {
  return async (input: LifecycleInput, ctx: HandlerContext): Promise<Result<unknown>> => {
    const { store, clock, actor, notifier } = ctx
    const doc = await store.get<Case>('cases', input.id)
    if (!doc) return fail('CASE.NOT_FOUND')
    if (!may(actor, 'case.view', caseScope(doc)) && !may(actor, 'case.rateByCall', caseScope(doc))) {
      return fail('AUTH.FORBIDDEN', '您无权处理这条诉求')
    }
    if (doc.version !== input.expectedVersion) return fail('CASE.CONFLICT')
    const params = await resolve(input as never, doc, ctx)
    if (!params.ok) return params
    const { limits } = await loadTimeLimits(store)
    const applied = applyTransition(doc, action, params.data, { actor, now: clock.now(), limits })
    if (!applied.ok) return applied
    const { _id, version: _version, ...fields } = applied.data.next
    if (!(await store.updateIfVersion('cases', _id, input.expectedVersion, fields))) return fail('CASE.CONFLICT')
    for (const notification of applied.data.notifications) {
      // A message that cannot be sent does not undo the action; it is logged.
      await notifier.send(notification).catch((error: unknown) => console.error('[notifier]', error))
    }
    return ok(viewCaseFor(actor, applied.data.next))
  }
}

const noParams = async () => ok({}) as Result<Record<string, never>>
const asIs = <A extends CaseAction>() => (async (input: ActionParams[A]) => ok(input)) as unknown as Resolver<A>

async function addFollowers(store: Store, targetId: string, openids: readonly string[]): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const target = await store.get<Case>('cases', targetId)
    if (!target) return
    const followers = [...new Set([...target.followerOpenids, ...openids])]
    if (followers.length === target.followerOpenids.length) return
    if (await store.updateIfVersion('cases', targetId, target.version, { followerOpenids: followers })) return
  }
  throw new Error(`could not add followers to ${targetId}`)
}

export const assignCase = transition(
  'assign',
  async (
    input: {
      responsibleUnitId: string
      handlerOpenid: string
      leadOfficial: string
      standard: string
      deadline?: number
    },
    _doc,
    { store, actor },
  ) => {
    const unit = await store.get<OrgUnit>('orgUnits', input.responsibleUnitId)
    if (!unit || !unit.active || !inSubtreeOf(actor, unitPath(unit)))
      return fail('CASE.BAD_UNIT', undefined, 'responsibleUnitId')
    const handler = await store.get<User>('users', input.handlerOpenid)
    if (
      !handler ||
      !handler.active ||
      (handler.role !== 'cadre' && handler.role !== 'supervisor') ||
      !inSubtreeOf(actor, handler.unitPath)
    ) {
      return fail('CASE.BAD_HANDLER', undefined, 'handlerOpenid')
    }
    return ok({
      leadOfficial: input.leadOfficial,
      responsibleUnit: { id: unit._id, path: unitPath(unit) },
      handler: { openid: handler._id, name: handler.name },
      standard: input.standard,
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    })
  },
)
export const acknowledgeCase = transition('acknowledge', noParams)
export const sendBackCase = transition('sendBack', asIs<'sendBack'>())
export const addProgress = transition('addProgress', async (input: ActionParams['addProgress'], _doc, { files }) => {
  for (const photo of input.photos)
    if (!(await files.exists(photo))) return fail('CASE.PHOTO_NOT_FOUND', undefined, 'photos')
  return ok(input)
})
export const requestExtension = transition('requestExtension', asIs<'requestExtension'>())
export const approveExtension = transition('approveExtension', noParams)
export const rejectExtension = transition('rejectExtension', asIs<'rejectExtension'>())
export const requestClosure = transition(
  'requestClosure',
  async (input: ActionParams['requestClosure'], _doc, { files }) => {
    for (const photo of input.evidence)
      if (!(await files.exists(photo))) return fail('CASE.PHOTO_NOT_FOUND', undefined, 'evidence')
    return ok(input)
  },
)
export const approveClosure = transition('approveClosure', asIs<'approveClosure'>())
export const rejectClosure = transition('rejectClosure', asIs<'rejectClosure'>())
export const declineCase = transition('decline', asIs<'decline'>())
export const rateCase = transition('rate', asIs<'rate'>())
export const rateCaseByCall = transition('rateByCall', asIs<'rateByCall'>())

const mergeTransition = transition('merge', async (input: { targetNumber: string }, doc, { store, clock, actor }) => {
  const [target] = await store.query<Case>('cases', { filter: { number: input.targetNumber }, offset: 0, limit: 1 })
  if (!target || target._id === doc._id) return fail('CASE.BAD_MERGE', '没有找到要合并到的诉求', 'targetNumber')
  if (!OPEN_STATUSES.includes(target.status) || !may(actor, 'case.dispatch', caseScope(target))) {
    return fail('CASE.BAD_MERGE', '只能合并到本辖区内正在办理的诉求', 'targetNumber')
  }
  // Touch the surviving case with a conditional update: of two opposite merges racing (A into B,
  // B into A), each bumps the other's version, so at most one of them can then write its own case.
  if (!(await store.updateIfVersion('cases', target._id, target.version, { updatedAt: clock.now() }))) {
    return fail('CASE.CONFLICT', '要合并到的诉求刚被处理过，请重试')
  }
  return ok({ target: { id: target._id, number: target.number } })
})

/** 合并: the merged case's followers then follow the surviving case. */
export const mergeCase: Handler<'cases', 'merge'> = async (input, ctx) => {
  const result = await mergeTransition(input, ctx)
  if (result.ok) {
    const merged = await ctx.store.get<Case>('cases', input.id)
    if (merged?.mergedInto) await addFollowers(ctx.store, merged.mergedInto.id, merged.followerOpenids)
  }
  return result
}

/** 立行立改: recorded by the official who solved it, waiting for someone else's 销号. */
export const recordOnTheSpot: Handler<'cases', 'recordOnTheSpot'> = async (input, ctx) => {
  const created = await createCaseOnce(ctx, {
    clientRequestId: input.clientRequestId,
    areaUnitId: input.areaUnitId,
    files: [...input.photos, ...input.evidence],
    mayUseArea: (area) =>
      may(ctx.actor, 'case.recordOnTheSpot', { ownerOpenids: [], unitIds: unitPath(area) })
        ? ok(undefined)
        : fail('AUTH.FORBIDDEN', '只能记录本辖区内的立行立改', 'areaUnitId'),
    build: ({ id, number, areaUnitPath, now }) =>
      newOnTheSpotCase({ id, areaUnitPath, number, input, actor: ctx.actor, now }),
  })
  return created.ok ? ok(viewCaseFor(ctx.actor, created.data)) : created
}

/** 我的任务: open cases the caller handles, due soonest first. */
export const listMyTasks: Handler<'cases', 'listMyTasks'> = async ({ page, pageSize }, { store, actor }) => {
  const filter = { 'assignment.handlerOpenid': actor.openid, status: { $in: [...OPEN_STATUSES] } }
  const [docs, total] = await Promise.all([
    store.query<Case>('cases', {
      filter,
      sort: [['assignment.deadline', 1]],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    store.count('cases', filter),
  ])
  return ok({
    items: docs.map((doc) => toStaffListItem(doc, doc.reporter.anonymous)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  })
}

/** 回访: closed cases in the caller's area whose reporter has not rated and cannot be notified. */
export const listCallbacks: Handler<'cases', 'listCallbacks'> = async ({ page, pageSize }, { store, actor }) => {
  if (!actor.unitId) return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  const filter = { scopeUnitIds: actor.unitId, status: 'closed', needsCallback: true }
  const [docs, total] = await Promise.all([
    store.query<Case>('cases', { filter, sort: [['closedAt', 1]], offset: (page - 1) * pageSize, limit: pageSize }),
    store.count('cases', filter),
  ])
  // The caller will phone the reporter: the list shows the number in full.
  return ok({
    items: docs.map((doc) => ({
      ...toStaffListItem(doc),
      reporterName: doc.reporter.name,
      reporterPhone: doc.reporter.phone,
    })),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  })
}
