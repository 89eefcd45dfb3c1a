import type { ErrorCode } from '../errors'
import { CASE_ACTIONS, type CaseAction } from './actions'
import { may, type PermissionAction } from '../permissions'
import { fail, ok, type Result } from '../result'
import type { Principal } from '../roles'
import { CASE_STATUS_LABELS, type Case, type CaseStatus, type TimelineEvent } from './case'
import { eventActor } from './create'
import { planNotifications, type Notification } from './notifications'
import { dueAt } from './overdue'
import { nextSuperviseAt } from './supervision'
import { CHANGES } from './changes'
import { caseScope } from './scope'
import type { ChangeOf, TransitionContext, TransitionParams } from './transition'

export type { TransitionContext, TransitionParams } from './transition'

/**
 * Where an action leads: a fixed state, the same state, back to work (to the handler, or to
 * 待派单 for a 立行立改 case nobody was assigned), or — for a rating — back to work when the answer
 * reopens the case, else closed.
 */
type Destination = CaseStatus | 'same' | 'backToWork' | 'reopenOrClosed'

/** An action's own precondition on the case, beyond state and permission (none needs the parameters). */
type Guard = (doc: Case, now: number) => ErrorCode | null

const noPendingExtension: Guard = (doc, now) => {
  if (doc.pendingExtension) return 'CASE.EXTENSION_PENDING'
  return now >= (doc.assignment?.deadline ?? 0) ? 'CASE.EXTENSION_TOO_LATE' : null
}
const hasPendingExtension: Guard = (doc) => (doc.pendingExtension && doc.assignment ? null : 'CASE.NO_EXTENSION')
const notRated: Guard = (doc) => (isRated(doc) ? 'CASE.ALREADY_RATED' : null)
/** A 回访 call is recorded only for a reporter who could not be told of the closure. */
const waitingForCall: Guard = (doc, now) => notRated(doc, now) ?? (doc.needsCallback ? null : 'CASE.NO_CALLBACK')
const defaultRatingDue: Guard = (doc, now) =>
  notRated(doc, now) ??
  (doc.closedAt !== null && now - doc.closedAt >= DEFAULT_RATING_AFTER_MS ? null : 'CASE.RATING_NOT_DUE')

const hasHandler: Guard = (doc) => (doc.assignment ? null : 'CASE.NO_HANDLER')
const noteAwaitsReply: Guard = (doc) => (doc.supervisionNote ? null : 'CASE.NO_SUPERVISION_NOTE')

export interface LifecycleRule {
  from: readonly CaseStatus[]
  to: Destination
  permission: PermissionAction
  /** Whether the reporter sees the event (addProgress: the handler chooses). */
  public: boolean
  /** The reporter sees that it happened, not its note (an internal reason). */
  internalNote?: true
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
  // 改派: the new handler must 签收 afresh. The reporter is told someone new works on it; the
  // reason (often about the old handler) stays in the office.
  reassign: {
    from: ['assigned', 'in_progress'],
    to: 'assigned',
    permission: 'case.dispatch',
    public: true,
    internalNote: true,
  },
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
    permission: 'case.reviewExtension',
    public: false,
    guard: hasPendingExtension,
  },
  rejectExtension: {
    from: ['in_progress'],
    to: 'same',
    permission: 'case.reviewExtension',
    public: false,
    guard: hasPendingExtension,
  },
  requestClosure: { from: ['in_progress'], to: 'pending_closure', permission: 'case.handle', public: false },
  approveClosure: { from: ['pending_closure'], to: 'closed', permission: 'case.reviewClosure', public: true },
  rejectClosure: { from: ['pending_closure'], to: 'backToWork', permission: 'case.reviewClosure', public: false },
  decline: { from: ['submitted'], to: 'declined', permission: 'case.dispatch', public: true },
  merge: { from: ['submitted'], to: 'merged', permission: 'case.dispatch', public: true },
  rate: { from: ['closed'], to: 'reopenOrClosed', permission: 'case.rate', public: true, guard: notRated },
  rateByCall: {
    from: ['closed'],
    to: 'reopenOrClosed',
    permission: 'case.rateByCall',
    public: true,
    guard: waitingForCall,
  },
  rateByDefault: {
    from: ['closed'],
    to: 'closed',
    permission: 'case.rateByDefault',
    public: true,
    guard: defaultRatingDue,
  },
  // 督办意见 and the handler's reply: on a case that is being worked, the same state after.
  addSupervisionNote: {
    from: ['assigned', 'in_progress', 'pending_closure'],
    to: 'same',
    permission: 'case.supervise',
    public: false,
    guard: hasHandler,
  },
  replySupervisionNote: {
    from: ['assigned', 'in_progress', 'pending_closure'],
    to: 'same',
    permission: 'case.handle',
    public: false,
    guard: noteAwaitsReply,
  },
  // 领办: a supervisor of the area names the leader and/or unit that takes the case on, from 派单
  // on (a closed case too: the month's figures may be set right). The reporter sees who leads it.
  markPledge: {
    from: ['assigned', 'in_progress', 'pending_closure', 'closed'],
    to: 'same',
    permission: 'case.dispatch',
    public: true,
  },
}
export { CASE_ACTIONS, type CaseAction }

/** Whether the reporter reads the note of an event of this type (the event itself they see when it is public). */
export function reporterReadsNote(type: string): boolean {
  return !(LIFECYCLE as Partial<Record<string, LifecycleRule>>)[type]?.internalNote
}

/** Has the reporter (or a call, or the default) answered for the latest closure? */
function isRated(doc: Pick<Case, 'awaitingRating'>): boolean {
  return !doc.awaitingRating
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
  const changed = (CHANGES[action] as ChangeOf<A>)(doc, params, ctx)
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
  const next: Case = { ...changedDoc, dueAt: dueAt(changedDoc), superviseAt: nextSuperviseAt(changedDoc) }
  const planned = planNotifications(action, doc, next)
  return ok({
    next: { ...next, subscriptions: planned.subscriptions, needsCallback: planned.needsCallback },
    event,
    notifications: planned.notifications,
  })
}

/** 默认满意 after this long without an answer. */
export const DEFAULT_RATING_AFTER_MS = 7 * 24 * 60 * 60 * 1000
