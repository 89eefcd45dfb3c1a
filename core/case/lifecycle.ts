import { may, type PermissionAction } from '../permissions'
import { fail, ok, type Result } from '../result'
import type { Actor } from '../roles'
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
import { caseScope } from './views'

/** What a rating carries, from the reporter or a 回访 call. */
export interface RatingAnswer {
  solved: Rating['solved']
  satisfaction: Rating['satisfaction']
  comment: string
}

/** The parameters of each action, as validated by the schemas (ids already resolved by the server). */
export interface ActionParams {
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
}
export type CaseAction = keyof ActionParams

/**
 * The lifecycle as data (DESIGN.md §3): from which states each action may be taken, where it
 * leads, which permission it asks, and whether the reporter sees its event. `rate` leads back to
 * in_progress when the answer is 未解决 or 不满意 and the case was not reopened before.
 */
export const LIFECYCLE: Record<
  CaseAction,
  { from: readonly CaseStatus[]; to: CaseStatus | 'same' | 'byRating'; permission: PermissionAction; public: boolean }
> = {
  assign: { from: ['submitted'], to: 'assigned', permission: 'case.dispatch', public: true },
  acknowledge: { from: ['assigned'], to: 'in_progress', permission: 'case.handle', public: true },
  sendBack: { from: ['assigned'], to: 'submitted', permission: 'case.handle', public: false },
  addProgress: { from: ['in_progress'], to: 'same', permission: 'case.handle', public: true },
  requestExtension: { from: ['in_progress'], to: 'same', permission: 'case.handle', public: false },
  approveExtension: { from: ['in_progress'], to: 'same', permission: 'case.dispatch', public: false },
  rejectExtension: { from: ['in_progress'], to: 'same', permission: 'case.dispatch', public: false },
  requestClosure: { from: ['in_progress'], to: 'pending_closure', permission: 'case.handle', public: false },
  approveClosure: { from: ['pending_closure'], to: 'closed', permission: 'case.reviewClosure', public: true },
  // Back to in_progress (or to submitted for a 立行立改 case nobody was assigned).
  rejectClosure: { from: ['pending_closure'], to: 'in_progress', permission: 'case.reviewClosure', public: false },
  decline: { from: ['submitted'], to: 'declined', permission: 'case.dispatch', public: true },
  merge: { from: ['submitted'], to: 'merged', permission: 'case.dispatch', public: true },
  rate: { from: ['closed'], to: 'byRating', permission: 'case.rate', public: true },
  rateByCall: { from: ['closed'], to: 'byRating', permission: 'case.rateByCall', public: true },
}
export const CASE_ACTIONS = Object.keys(LIFECYCLE) as CaseAction[]

export interface TransitionContext {
  actor: Actor
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

/**
 * Where a case goes when its closure is refused or it is reopened: back to its handler, or — for a
 * 立行立改 case, which nobody was assigned — to 待派单, so that a supervisor assigns it.
 */
function backToWork(doc: Case): CaseStatus {
  return doc.assignment ? 'in_progress' : 'submitted'
}

type Change = {
  to: CaseStatus
  fields: Partial<Case>
  note: string
  attachments: string[]
  data?: Record<string, unknown>
}

/** What each action changes besides status and timeline, once it is known to be allowed. */
function change<A extends CaseAction>(
  action: A,
  doc: Case,
  params: ActionParams[A],
  ctx: TransitionContext,
): Result<Change> {
  const { actor, now, limits } = ctx
  const same = doc.status
  switch (action) {
    case 'assign': {
      const p = params as ActionParams['assign']
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
        to: 'assigned',
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
      return ok({ to: 'in_progress', fields: {}, note: '', attachments: [] })
    case 'sendBack': {
      const p = params as ActionParams['sendBack']
      return ok({
        to: 'submitted',
        fields: { assignment: null, scopeUnitIds: doc.areaUnitPath },
        note: p.note ? `${p.reason}：${p.note}` : p.reason,
        attachments: [],
        data: { reason: p.reason },
      })
    }
    case 'addProgress': {
      const p = params as ActionParams['addProgress']
      return ok({
        to: same,
        fields: {},
        note: p.note,
        attachments: p.photos,
        data: { visibleToReporter: p.visibleToReporter },
      })
    }
    case 'requestExtension': {
      const p = params as ActionParams['requestExtension']
      const deadline = doc.assignment?.deadline ?? 0
      if (doc.pendingExtension) return fail('CASE.EXTENSION_PENDING')
      if (now >= deadline) return fail('CASE.EXTENSION_TOO_LATE')
      if (p.deadline <= deadline) return fail('CASE.BAD_DEADLINE', '延期后的时限须晚于原时限', 'deadline')
      return ok({
        to: same,
        fields: { pendingExtension: { deadline: p.deadline, reason: p.reason, requestedAt: now } },
        note: p.reason,
        attachments: [],
        data: { deadline: p.deadline },
      })
    }
    case 'approveExtension':
    case 'rejectExtension': {
      if (!doc.pendingExtension || !doc.assignment) return fail('CASE.NO_EXTENSION')
      const approved = action === 'approveExtension'
      return ok({
        to: same,
        fields: {
          pendingExtension: null,
          ...(approved ? { assignment: { ...doc.assignment, deadline: doc.pendingExtension.deadline } } : {}),
        },
        note: approved ? '' : (params as ActionParams['rejectExtension']).reason,
        attachments: [],
        data: { deadline: approved ? doc.pendingExtension.deadline : doc.assignment.deadline },
      })
    }
    case 'requestClosure': {
      const p = params as ActionParams['requestClosure']
      return ok({
        to: 'pending_closure',
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
      const p = params as ActionParams['approveClosure']
      return ok({
        to: 'closed',
        fields: { closedAt: now },
        note: p.note || doc.closureRequest?.note || '',
        attachments: doc.closureRequest?.evidence ?? [],
      })
    }
    case 'rejectClosure': {
      const p = params as ActionParams['rejectClosure']
      return ok({ to: backToWork(doc), fields: { closureRequest: null }, note: p.reason, attachments: [] })
    }
    case 'decline': {
      const p = params as ActionParams['decline']
      return ok({ to: 'declined', fields: {}, note: p.reason, attachments: [] })
    }
    case 'merge': {
      const p = params as ActionParams['merge']
      if (p.target.id === doc._id) return fail('CASE.BAD_MERGE', '不能合并到自己')
      return ok({
        to: 'merged',
        fields: { mergedInto: p.target },
        note: `已并入诉求 ${p.target.number} 一并办理`,
        attachments: [],
        data: { target: p.target.id },
      })
    }
    case 'rate':
    case 'rateByCall': {
      const answer = params as RatingAnswer
      if (isRated(doc)) return fail('CASE.ALREADY_RATED')
      const rating: Rating = {
        ...answer,
        at: now,
        byCall: action === 'rateByCall',
        byDefault: false,
        recordedBy: action === 'rateByCall' ? actor.openid : null,
      }
      const reopen = dissatisfied(answer) && !doc.reopened
      return ok({
        to: reopen ? backToWork(doc) : 'closed',
        fields: {
          ratings: [...doc.ratings, rating],
          needsCallback: false,
          ...(reopen ? { reopened: true, closureRequest: null, closedAt: doc.closedAt } : {}),
        },
        note: reopen ? `${ratingNote(answer)}（重新办理）` : ratingNote(answer),
        attachments: [],
        data: { rating },
      })
    }
  }
  return fail('INPUT.UNKNOWN_ACTION')
}

/**
 * Checks and applies one action to a case: the state must allow it, the permission table must
 * allow this actor on this case, and the action's own rules must hold. Answers the next document
 * (one event longer) or a refusal; never changes `doc`.
 */
export function applyTransition<A extends CaseAction>(
  doc: Case,
  action: A,
  params: ActionParams[A],
  ctx: TransitionContext,
): Result<{ next: Case; event: TimelineEvent; notifications: Notification[] }> {
  const rule = LIFECYCLE[action]
  if (!rule) return fail('INPUT.UNKNOWN_ACTION')
  if (!rule.from.includes(doc.status)) {
    return fail('CASE.INVALID_TRANSITION', `这条诉求现在“${CASE_STATUS_LABELS[doc.status]}”，不能进行这项操作`)
  }
  if (!may(ctx.actor, rule.permission, caseScope(doc))) return fail('AUTH.FORBIDDEN')
  const changed = change(action, doc, params, ctx)
  if (!changed.ok) return changed
  const { to, fields, note, attachments, data } = changed.data
  const visibleToReporter =
    action === 'addProgress' ? (params as ActionParams['addProgress']).visibleToReporter : rule.public
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
  const closedNow = action === 'approveClosure'
  const next: Case = {
    ...doc,
    ...fields,
    status: to,
    updatedAt: ctx.now,
    version: doc.version + 1,
    timeline: [...doc.timeline, event],
    awaitingRating: to === 'closed' && closedNow,
  }
  const planned = planNotifications(action, doc, next)
  return ok({
    next: { ...next, subscriptions: planned.subscriptions, needsCallback: planned.needsCallback },
    event,
    notifications: planned.notifications,
  })
}

/** 默认满意 after this long without an answer. */
export const DEFAULT_RATING_AFTER_MS = 7 * 24 * 60 * 60 * 1000

/**
 * 默认满意: a closed case nobody rated within 7 days gets a default answer, flagged as such so
 * that it is counted apart from real ones. Not an action anyone takes: the scheduled job does.
 */
export function applyDefaultRating(doc: Case, now: number): Case | null {
  if (doc.status !== 'closed' || !doc.awaitingRating || doc.closedAt === null || isRated(doc)) return null
  if (now - doc.closedAt < DEFAULT_RATING_AFTER_MS) return null
  const rating: Rating = {
    solved: 'solved',
    satisfaction: 'satisfied',
    comment: '',
    at: now,
    byCall: false,
    byDefault: true,
    recordedBy: null,
  }
  const event: TimelineEvent = {
    type: 'defaultSatisfied',
    at: now,
    by: { openid: 'system', role: 'admin', name: '系统' },
    from: 'closed',
    to: 'closed',
    note: '超过 7 天未评价，默认满意',
    attachments: [],
    visibleToReporter: true,
    data: { rating },
  }
  return {
    ...doc,
    ratings: [...doc.ratings, rating],
    awaitingRating: false,
    needsCallback: false,
    updatedAt: now,
    version: doc.version + 1,
    timeline: [...doc.timeline, event],
  }
}
