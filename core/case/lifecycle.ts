import type { ErrorCode } from '../errors'
import { CASE_ACTIONS, type CaseAction } from './actions'
import { may, type PermissionAction } from '../permissions'
import { fail, ok, type Result } from '../result'
import type { Principal } from '../roles'
import {
  CASE_STATUS_LABELS,
  SATISFACTION_LABELS,
  SOLVED_LABELS,
  type Assignment,
  type Case,
  type CaseStatus,
  type Rating,
  type SendBackReason,
  type TimelineEvent,
} from './case'
import { eventActor } from './create'
import { planNotifications, type Notification } from './notifications'
import { acknowledgeDeadline, completionDeadline, type TimeLimits } from './time-limits'
import { dueAt } from './overdue'
import { caseScope } from './scope'

/** What a rating carries, from the reporter or a 回访 call. */
export interface RatingAnswer {
  solved: Rating['solved']
  satisfaction: Rating['satisfaction']
  comment: string
}

/** The parameters of each action, as validated by the schemas (ids already resolved by the server). */
export interface TransitionParams {
  assign: {
    leadOfficial: string
    responsibleUnit: { id: string; path: string[] }
    handler: { openid: string; name: string }
    standard: string
    deadline?: number
  }
  acknowledge: Record<string, never>
  sendBack: { reason: SendBackReason; note: string }
  addProgress: { note: string; photos: string[]; visibleToReporter: boolean }
  requestExtension: { deadline: number; reason: string }
  approveExtension: Record<string, never>
  rejectExtension: { reason: string }
  requestClosure: { note: string; evidence: string[]; standardMet: string }
  approveClosure: { note: string }
  rejectClosure: { reason: string }
  decline: { reason: string }
  merge: { target: { id: string; number: string } }
  rate: RatingAnswer
  rateByCall: RatingAnswer
  rateByDefault: Record<string, never>
}

/**
 * Where an action leads: a fixed state, the same state, back to work (to the handler, or to
 * 待派单 for a 立行立改 case nobody was assigned), or — for a rating — back to work when the answer
 * reopens the case, else closed.
 */
export type Destination = CaseStatus | 'same' | 'backToWork' | 'reopenOrClosed'

/** An action's own precondition on the case, beyond state and permission (none needs the parameters). */
type Guard = (doc: Case, now: number) => ErrorCode | null

const noPendingExtension: Guard = (doc, now) => {
  if (doc.pendingExtension) return 'CASE.EXTENSION_PENDING'
  return now >= (doc.assignment?.deadline ?? 0) ? 'CASE.EXTENSION_TOO_LATE' : null
}
const hasPendingExtension: Guard = (doc) => (doc.pendingExtension && doc.assignment ? null : 'CASE.NO_EXTENSION')
const notRated: Guard = (doc) => (isRated(doc) ? 'CASE.ALREADY_RATED' : null)
const defaultRatingDue: Guard = (doc, now) =>
  notRated(doc, now) ??
  (doc.closedAt !== null && now - doc.closedAt >= DEFAULT_RATING_AFTER_MS ? null : 'CASE.RATING_NOT_DUE')

export interface LifecycleRule {
  from: readonly CaseStatus[]
  to: Destination
  permission: PermissionAction
  /** Whether the reporter sees the event (addProgress: the handler chooses). */
  public: boolean
  guard?: Guard
}

/**
 * The lifecycle as data (DESIGN.md §3): from which states each action may be taken, where it
 * leads, which permission it asks, whether the reporter sees its event, and the action's own
 * precondition. `applyTransition` and `availableActions` both read it; nothing else decides.
 */
export const LIFECYCLE: Record<CaseAction, LifecycleRule> = {
  assign: { from: ['submitted'], to: 'assigned', permission: 'case.dispatch', public: true },
  acknowledge: { from: ['assigned'], to: 'in_progress', permission: 'case.handle', public: true },
  sendBack: { from: ['assigned'], to: 'submitted', permission: 'case.handle', public: false },
  addProgress: { from: ['in_progress'], to: 'same', permission: 'case.handle', public: true },
  requestExtension: {
    from: ['in_progress'],
    to: 'same',
    permission: 'case.handle',
    public: false,
    guard: noPendingExtension,
  },
  approveExtension: {
    from: ['in_progress'],
    to: 'same',
    permission: 'case.dispatch',
    public: false,
    guard: hasPendingExtension,
  },
  rejectExtension: {
    from: ['in_progress'],
    to: 'same',
    permission: 'case.dispatch',
    public: false,
    guard: hasPendingExtension,
  },
  requestClosure: { from: ['in_progress'], to: 'pending_closure', permission: 'case.handle', public: false },
  approveClosure: { from: ['pending_closure'], to: 'closed', permission: 'case.reviewClosure', public: true },
  rejectClosure: { from: ['pending_closure'], to: 'backToWork', permission: 'case.reviewClosure', public: false },
  decline: { from: ['submitted'], to: 'declined', permission: 'case.dispatch', public: true },
  merge: { from: ['submitted'], to: 'merged', permission: 'case.dispatch', public: true },
  rate: { from: ['closed'], to: 'reopenOrClosed', permission: 'case.rate', public: true, guard: notRated },
  rateByCall: { from: ['closed'], to: 'reopenOrClosed', permission: 'case.rateByCall', public: true, guard: notRated },
  rateByDefault: {
    from: ['closed'],
    to: 'closed',
    permission: 'case.rateByDefault',
    public: true,
    guard: defaultRatingDue,
  },
}
export { CASE_ACTIONS, type CaseAction }

export interface TransitionContext {
  actor: Principal
  now: number
  limits: TimeLimits
}

/** Has the reporter (or a call, or the default) answered for the latest closure? */
export function isRated(doc: Pick<Case, 'awaitingRating'>): boolean {
  return !doc.awaitingRating
}

function dissatisfied(answer: RatingAnswer): boolean {
  return answer.solved === 'unsolved' || answer.satisfaction === 'dissatisfied'
}

function ratingNote(answer: RatingAnswer): string {
  const base = `${SOLVED_LABELS[answer.solved]}，${SATISFACTION_LABELS[answer.satisfaction]}`
  return answer.comment ? `${base}。${answer.comment}` : base
}

/** The state a destination names for this case. */
function resolveDestination(to: Destination, doc: Case, reopen: boolean): CaseStatus {
  const backToWork: CaseStatus = doc.assignment ? 'in_progress' : 'submitted'
  switch (to) {
    case 'same':
      return doc.status
    case 'backToWork':
      return backToWork
    case 'reopenOrClosed':
      return reopen ? backToWork : 'closed'
    default:
      return to
  }
}

/**
 * May this actor take this action on this case now? Permission first (so a caller who may not act
 * learns nothing of the case's state), then state, then the action's own precondition.
 */
export function checkAction(actor: Principal, doc: Case, action: CaseAction, now: number): Result<LifecycleRule> {
  const rule = LIFECYCLE[action]
  if (!rule) return fail('INPUT.UNKNOWN_ACTION')
  if (!may(actor, rule.permission, caseScope(doc))) return fail('AUTH.FORBIDDEN')
  if (!rule.from.includes(doc.status)) {
    return fail('CASE.INVALID_TRANSITION', `这条诉求现在“${CASE_STATUS_LABELS[doc.status]}”，不能进行这项操作`)
  }
  const refusal = rule.guard?.(doc, now)
  return refusal ? fail(refusal) : ok(rule)
}

/** What this actor may do on this case now: sent with every staff view; pages build their buttons from it. */
export function availableActions(actor: Principal, doc: Case, now: number): CaseAction[] {
  return CASE_ACTIONS.filter((action) => checkAction(actor, doc, action, now).ok)
}

type Change = {
  fields: Partial<Case>
  note: string
  attachments: string[]
  data?: Record<string, unknown>
  /** A rating that sends the case back to work. */
  reopen?: boolean
}

/** What each action changes besides status and timeline, once it is known to be allowed. */
function change<A extends CaseAction>(
  action: A,
  doc: Case,
  params: TransitionParams[A],
  ctx: TransitionContext,
): Result<Change> {
  const { actor, now, limits } = ctx
  switch (action) {
    case 'assign': {
      const p = params as TransitionParams['assign']
      const assignment: Assignment = {
        leadOfficial: p.leadOfficial,
        responsibleUnitId: p.responsibleUnit.id,
        handlerOpenid: p.handler.openid,
        handlerName: p.handler.name,
        standard: p.standard,
        assignedBy: actor.openid,
        assignedAt: now,
        acknowledgeBy: acknowledgeDeadline(now, doc.urgency, limits),
        deadline: p.deadline ?? completionDeadline(doc.createdAt, doc.urgency, limits),
      }
      if (assignment.deadline <= now) return fail('CASE.BAD_DEADLINE', '完成时限须晚于现在', 'deadline')
      // The area and the current responsible unit: a unit the case was taken back from keeps no rights.
      const scope = new Set([...doc.areaUnitPath, ...p.responsibleUnit.path])
      return ok({
        fields: {
          assignment,
          scopeUnitIds: [...scope],
          handledBy: doc.handledBy.includes(p.handler.openid) ? doc.handledBy : [...doc.handledBy, p.handler.openid],
        },
        note: `解决标准：${p.standard}`,
        attachments: [],
        data: { handler: p.handler.openid, responsibleUnitId: p.responsibleUnit.id, deadline: assignment.deadline },
      })
    }
    case 'acknowledge':
      return ok({ fields: {}, note: '', attachments: [] })
    case 'sendBack': {
      const p = params as TransitionParams['sendBack']
      return ok({
        fields: { assignment: null, scopeUnitIds: doc.areaUnitPath },
        note: p.note ? `${p.reason}：${p.note}` : p.reason,
        attachments: [],
        data: { reason: p.reason },
      })
    }
    case 'addProgress': {
      const p = params as TransitionParams['addProgress']
      return ok({ fields: {}, note: p.note, attachments: p.photos, data: { visibleToReporter: p.visibleToReporter } })
    }
    case 'requestExtension': {
      const p = params as TransitionParams['requestExtension']
      if (p.deadline <= (doc.assignment?.deadline ?? 0)) {
        return fail('CASE.BAD_DEADLINE', '延期后的时限须晚于原时限', 'deadline')
      }
      return ok({
        fields: { pendingExtension: { deadline: p.deadline, reason: p.reason, requestedAt: now } },
        note: p.reason,
        attachments: [],
        data: { deadline: p.deadline },
      })
    }
    case 'approveExtension':
    case 'rejectExtension': {
      // The guard saw both; the narrowing is for the compiler.
      if (!doc.pendingExtension || !doc.assignment) return fail('CASE.NO_EXTENSION')
      const approved = action === 'approveExtension'
      return ok({
        fields: {
          pendingExtension: null,
          ...(approved ? { assignment: { ...doc.assignment, deadline: doc.pendingExtension.deadline } } : {}),
        },
        note: approved ? '' : (params as TransitionParams['rejectExtension']).reason,
        attachments: [],
        data: { deadline: approved ? doc.pendingExtension.deadline : doc.assignment.deadline },
      })
    }
    case 'requestClosure': {
      const p = params as TransitionParams['requestClosure']
      return ok({
        fields: {
          closureRequest: {
            note: p.note,
            evidence: p.evidence,
            standardMet: p.standardMet,
            requestedBy: actor.openid,
            requestedAt: now,
          },
          // Asking to close withdraws any extension still waiting: it cannot be applied later.
          pendingExtension: null,
        },
        note: p.note,
        attachments: p.evidence,
        data: { standardMet: p.standardMet },
      })
    }
    case 'approveClosure': {
      const p = params as TransitionParams['approveClosure']
      return ok({
        fields: { closedAt: now },
        note: p.note || doc.closureRequest?.note || '',
        attachments: doc.closureRequest?.evidence ?? [],
      })
    }
    case 'rejectClosure': {
      const p = params as TransitionParams['rejectClosure']
      return ok({ fields: { closureRequest: null }, note: p.reason, attachments: [] })
    }
    case 'decline': {
      const p = params as TransitionParams['decline']
      return ok({ fields: {}, note: p.reason, attachments: [] })
    }
    case 'merge': {
      const p = params as TransitionParams['merge']
      if (p.target.id === doc._id) return fail('CASE.BAD_MERGE', '不能合并到自己')
      return ok({
        fields: { mergedInto: p.target, mergeFollowersPending: true },
        note: `已并入诉求 ${p.target.number} 一并办理`,
        attachments: [],
        data: { target: p.target.id },
      })
    }
    case 'rate':
    case 'rateByCall': {
      const answer = params as RatingAnswer
      const rating: Rating = {
        ...answer,
        at: now,
        byCall: action === 'rateByCall',
        byDefault: false,
        recordedBy: action === 'rateByCall' ? actor.openid : null,
      }
      const reopen = dissatisfied(answer) && !doc.reopened
      return ok({
        fields: {
          ratings: [...doc.ratings, rating],
          needsCallback: false,
          ...(reopen ? { reopened: true, closureRequest: null } : {}),
        },
        note: reopen ? `${ratingNote(answer)}（重新办理）` : ratingNote(answer),
        attachments: [],
        data: { rating },
        reopen,
      })
    }
    case 'rateByDefault': {
      const rating: Rating = {
        solved: 'solved',
        satisfaction: 'satisfied',
        comment: '',
        at: now,
        byCall: false,
        byDefault: true,
        recordedBy: null,
      }
      return ok({
        fields: { ratings: [...doc.ratings, rating], needsCallback: false },
        note: '超过 7 天未评价，默认满意',
        attachments: [],
        data: { rating },
      })
    }
  }
  return fail('INPUT.UNKNOWN_ACTION')
}

/**
 * Checks and applies one action to a case: the permission table must allow this actor on this
 * case, the state must allow the action, and the action's own rules must hold. Answers the next
 * document (one event longer, its next state from the table) or a refusal; never changes `doc`.
 */
export function applyTransition<A extends CaseAction>(
  doc: Case,
  action: A,
  params: TransitionParams[A],
  ctx: TransitionContext,
): Result<{ next: Case; event: TimelineEvent; notifications: Notification[] }> {
  const checked = checkAction(ctx.actor, doc, action, ctx.now)
  if (!checked.ok) return checked
  const rule = checked.data
  const changed = change(action, doc, params, ctx)
  if (!changed.ok) return changed
  const { fields, note, attachments, data, reopen = false } = changed.data
  const to = resolveDestination(rule.to, doc, reopen)
  const visibleToReporter =
    action === 'addProgress' ? (params as TransitionParams['addProgress']).visibleToReporter : rule.public
  const event: TimelineEvent = {
    type: action,
    at: ctx.now,
    by: eventActor(ctx.actor),
    from: doc.status,
    to,
    note,
    attachments,
    visibleToReporter,
    ...(data ? { data } : {}),
  }
  const changedDoc: Case = {
    ...doc,
    ...fields,
    status: to,
    updatedAt: ctx.now,
    version: doc.version + 1,
    timeline: [...doc.timeline, event],
    awaitingRating: to === 'closed' && action === 'approveClosure',
  }
  const next: Case = { ...changedDoc, dueAt: dueAt(changedDoc) }
  const planned = planNotifications(action, doc, next)
  return ok({
    next: { ...next, subscriptions: planned.subscriptions, needsCallback: planned.needsCallback },
    event,
    notifications: planned.notifications,
  })
}

/** 默认满意 after this long without an answer. */
export const DEFAULT_RATING_AFTER_MS = 7 * 24 * 60 * 60 * 1000
