import { fail, ok } from '../result'
import type { CaseAction } from './actions'
import { SATISFACTION_LABELS, SOLVED_LABELS, type Assignment, type Rating } from './case'
import { acknowledgeDeadline, assignedDeadline } from './time-limits'
import type { ChangeOf, RatingAnswer } from './transition'
import { nextPledge, pledgeChanges, pledgeNote } from '../pledge/pledges'

/**
 * What each action changes besides status and timeline, once the lifecycle table allowed it: one
 * function per action, each seeing only its own parameters.
 */

const assign: ChangeOf<'assign'> = (doc, p, { actor, now, limits }) => {
  const deadline = assignedDeadline(p.deadline, doc, limits, now)
  if (!deadline.ok) return deadline
  const assignment: Assignment = {
    leadOfficial: p.leadOfficial,
    leadOfficialId: p.leadOfficialId ?? null,
    responsibleUnitId: p.responsibleUnit.id,
    handlerOpenid: p.handler.openid,
    handlerName: p.handler.name,
    standard: p.standard,
    assignedBy: actor.openid,
    assignedAt: now,
    acknowledgeBy: acknowledgeDeadline(now, doc.urgency, limits),
    deadline: deadline.data,
  }
  // The area and the current responsible unit: a unit the case was taken back from keeps no rights.
  const scope = new Set([...doc.areaUnitPath, ...p.responsibleUnit.path])
  // 领办 named at 派单, or the one the case had (a case sent back and assigned again keeps it).
  const pledge = p.pledge ? nextPledge(doc.pledge ?? null, p.pledge, actor.openid, now) : (doc.pledge ?? null)
  return ok({
    fields: {
      assignment,
      pledge,
      scopeUnitIds: [...scope],
      responsibleUnitPath: p.responsibleUnit.path,
      handledBy: doc.handledBy.includes(p.handler.openid) ? doc.handledBy : [...doc.handledBy, p.handler.openid],
    },
    note: `解决标准：${p.standard}${p.pledge && pledge ? `。${pledgeNote(null, pledge)}` : ''}`,
    attachments: [],
    // The unit's path and the 签收 limit are kept with the event: the figures credit each assignment.
    data: {
      handler: p.handler.openid,
      responsibleUnitId: p.responsibleUnit.id,
      responsibleUnitPath: p.responsibleUnit.path,
      acknowledgeBy: assignment.acknowledgeBy,
      deadline: assignment.deadline,
      ...(p.pledge ? { pledge } : {}),
    },
  })
}

/** 领办: who takes the case on now; a choice that changes nothing is refused (nothing to record). */
const markPledge: ChangeOf<'markPledge'> = (doc, p, { actor, now }) => {
  const before = doc.pledge ?? null
  if (!pledgeChanges(before, p)) return fail('PLEDGE.UNCHANGED')
  const pledge = nextPledge(before, p, actor.openid, now)
  return ok({ fields: { pledge }, note: pledgeNote(before, pledge), attachments: [], data: { before, pledge } })
}

const sendBack: ChangeOf<'sendBack'> = (doc, p) =>
  ok({
    fields: { assignment: null, scopeUnitIds: doc.areaUnitPath, responsibleUnitPath: [] },
    note: p.note ? `${p.reason}：${p.note}` : p.reason,
    attachments: [],
    data: { reason: p.reason },
  })

/**
 * 改派: the same task (responsible unit, standard, 完成时限) to another official, who must 签收 it
 * afresh: a new 签收 limit from now. An extension the old handler asked for is withdrawn (it was his
 * plan; the new handler asks for his own). The supervisor who reassigns is now the one who
 * dispatched it: closure and extension requests go to him.
 */
const reassign: ChangeOf<'reassign'> = (doc, p, { actor, now, limits }) => {
  const current = doc.assignment
  if (!current) return fail('CASE.INVALID_TRANSITION')
  if (p.handler.openid === current.handlerOpenid) return fail('CASE.SAME_HANDLER', undefined, 'handlerOpenid')
  const withdrawn = doc.pendingExtension !== null
  const assignment: Assignment = {
    ...current,
    handlerOpenid: p.handler.openid,
    handlerName: p.handler.name,
    assignedBy: actor.openid,
    assignedAt: now,
    acknowledgeBy: acknowledgeDeadline(now, doc.urgency, limits),
  }
  return ok({
    fields: {
      assignment,
      pendingExtension: null,
      handledBy: doc.handledBy.includes(p.handler.openid) ? doc.handledBy : [...doc.handledBy, p.handler.openid],
    },
    note: `由${current.handlerName}改派给${p.handler.name}。理由：${p.reason}${withdrawn ? '（待审批的延期申请已撤回）' : ''}`,
    attachments: [],
    // As 派单's (the figures credit each assignment, to the new handler), with who had it before and why.
    data: {
      handler: p.handler.openid,
      previousHandler: current.handlerOpenid,
      responsibleUnitId: current.responsibleUnitId,
      responsibleUnitPath: doc.responsibleUnitPath,
      acknowledgeBy: assignment.acknowledgeBy,
      deadline: assignment.deadline,
      reason: p.reason,
      extensionWithdrawn: withdrawn,
    },
  })
}

const requestExtension: ChangeOf<'requestExtension'> = (doc, p, { now }) =>
  p.deadline <= (doc.assignment?.deadline ?? 0)
    ? fail('CASE.BAD_DEADLINE', '延期后的时限须晚于原时限', 'deadline')
    : ok({
        fields: { pendingExtension: { deadline: p.deadline, reason: p.reason, requestedAt: now } },
        note: p.reason,
        attachments: [],
        data: { deadline: p.deadline },
      })

/** 同意 or 不同意 the extension waiting (the guard saw that one waits). */
function decideExtension(approved: boolean): ChangeOf<'approveExtension' | 'rejectExtension'> {
  return (doc, params) => {
    if (!doc.pendingExtension || !doc.assignment) return fail('CASE.NO_EXTENSION')
    return ok({
      fields: {
        pendingExtension: null,
        ...(approved ? { assignment: { ...doc.assignment, deadline: doc.pendingExtension.deadline } } : {}),
      },
      note: approved || !('reason' in params) ? '' : params.reason,
      attachments: [],
      data: { deadline: approved ? doc.pendingExtension.deadline : doc.assignment.deadline },
    })
  }
}

const requestClosure: ChangeOf<'requestClosure'> = (_doc, p, { actor, now }) =>
  ok({
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

function dissatisfied(answer: RatingAnswer): boolean {
  return answer.solved === 'unsolved' || answer.satisfaction === 'dissatisfied'
}

function ratingNote(answer: RatingAnswer): string {
  const base = `${SOLVED_LABELS[answer.solved]}，${SATISFACTION_LABELS[answer.satisfaction]}`
  return answer.comment ? `${base}。${answer.comment}` : base
}

/** 问效于民, from the reporter or a 回访 call: 未解决 or 不满意 reopens the case once. */
function rateBy(byCall: boolean): ChangeOf<'rate' | 'rateByCall'> {
  return (doc, answer, { actor, now }) => {
    const rating: Rating = {
      ...answer,
      at: now,
      byCall,
      byDefault: false,
      recordedBy: byCall ? actor.openid : null,
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
}

const rateByDefault: ChangeOf<'rateByDefault'> = (doc, _params, { now }) => {
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

/**
 * 退回销号: the handler's clock stood still while the closure waited for review, so the completion
 * deadline moves later by the time the review took.
 */
const rejectClosure: ChangeOf<'rejectClosure'> = (doc, p, { now }) => {
  const waited = doc.closureRequest ? Math.max(0, now - doc.closureRequest.requestedAt) : 0
  const assignment = doc.assignment && { ...doc.assignment, deadline: doc.assignment.deadline + waited }
  return ok({
    fields: { closureRequest: null, assignment },
    note: p.reason,
    attachments: [],
    ...(assignment ? { data: { deadline: assignment.deadline } } : {}),
  })
}

export const CHANGES: { [A in CaseAction]: ChangeOf<A> } = {
  assign,
  acknowledge: () => ok({ fields: {}, note: '', attachments: [] }),
  sendBack,
  reassign,
  addProgress: (_doc, p) =>
    ok({ fields: {}, note: p.note, attachments: p.photos, data: { visibleToReporter: p.visibleToReporter } }),
  requestExtension,
  approveExtension: decideExtension(true),
  rejectExtension: decideExtension(false),
  requestClosure,
  approveClosure: (doc, p, { now }) =>
    ok({
      fields: { closedAt: now },
      note: p.note || doc.closureRequest?.note || '',
      attachments: doc.closureRequest?.evidence ?? [],
    }),
  rejectClosure,
  decline: (_doc, p) => ok({ fields: {}, note: p.reason, attachments: [] }),
  merge: (doc, p) =>
    p.target.id === doc._id
      ? fail('CASE.BAD_MERGE', '不能合并到自己')
      : ok({
          fields: { mergedInto: p.target, mergeFollowersPending: true },
          note: `已并入诉求 ${p.target.number} 一并办理`,
          attachments: [],
          data: { target: p.target.id },
        }),
  rate: rateBy(false),
  rateByCall: rateBy(true),
  rateByDefault,
  addSupervisionNote: (doc, p, { actor, now }) =>
    ok({
      fields: {
        // A second note before the reply keeps the time the first has waited since.
        supervisionNote: { note: p.note, by: actor.openid, byName: actor.name, at: doc.supervisionNote?.at ?? now },
      },
      note: p.note,
      attachments: [],
    }),
  replySupervisionNote: (doc, p) =>
    ok({
      fields: { supervisionNote: null },
      note: p.note,
      attachments: [],
      data: { noteAt: doc.supervisionNote?.at ?? null },
    }),
  markPledge,
}
