import * as z from 'zod/mini'
import { expectedVersionField } from '../user/user.schemas'
import { cursorFields, fieldError, photosField, textField } from '../validation/fields'
import { SATISFACTIONS, SEND_BACK_REASONS, SOLVED_ANSWERS } from './case'
import { MAX_CASE_PHOTOS, submitCaseInput } from './case.schemas'
import { CASE_NUMBER_PATTERN } from './number'

/** Every change to a case names it and carries the version the user saw. */
const onCase = {
  id: z.string({ error: fieldError('诉求', '选择') }).check(z.minLength(1), z.maxLength(64)),
  expectedVersion: expectedVersionField,
}
const epochMs = (label: string) => z.number({ error: fieldError(label) }).check(z.int(`${label}不正确`), z.gte(0))

const idField = (label: string) =>
  z.string({ error: fieldError(label, '选择') }).check(z.minLength(1, `请选择${label}`), z.maxLength(64))

export const assignInput = z
  .object({
    action: z.literal('assign'),
    ...onCase,
    /** 领办领导 typed by hand, when no leader's record fits (ignored when `leadOfficialId` is given). */
    leadOfficial: z.optional(textField('领办领导', 1, 20)),
    /** 领办领导 chosen from the leaders: the name is the record's. */
    leadOfficialId: z.optional(idField('领办领导')),
    /** 领办: make the case this leader's (and/or this unit's) own, counted on the board. */
    pledgeLeaderId: z.optional(idField('领办的领导')),
    pledgeUnitId: z.optional(idField('领办的单位')),
    responsibleUnitId: z
      .string({ error: fieldError('责任单位', '选择') })
      .check(z.minLength(1, '请选择责任单位'), z.maxLength(64)),
    handlerOpenid: z
      .string({ error: fieldError('承办人', '选择') })
      .check(z.minLength(1, '请选择承办人'), z.maxLength(64)),
    standard: textField('解决标准', 2, 300),
    deadline: z.optional(epochMs('完成时限')),
  })
  .check(
    z.refine((input) => input.leadOfficial !== undefined || input.leadOfficialId !== undefined, {
      error: '请选择或填写领办领导',
      path: ['leadOfficial'],
    }),
  )
export const acknowledgeInput = z.object({ action: z.literal('acknowledge'), ...onCase })
export const sendBackInput = z.object({
  action: z.literal('sendBack'),
  ...onCase,
  reason: z.enum(SEND_BACK_REASONS, { error: '请选择退单理由' }),
  note: z._default(
    z.string({ error: fieldError('说明') }).check(z.trim(), z.maxLength(200, '说明不能超过 200 个字')),
    '',
  ),
})
/** 改派: the supervisor names the new handler (resolved on the server as at 派单) and says why. */
export const reassignInput = z.object({
  action: z.literal('reassign'),
  ...onCase,
  handlerOpenid: z
    .string({ error: fieldError('新的承办人', '选择') })
    .check(z.minLength(1, '请选择新的承办人'), z.maxLength(64)),
  reason: textField('改派理由', 2, 200),
})
export const addProgressInput = z.object({
  action: z.literal('addProgress'),
  ...onCase,
  note: textField('进展情况', 2, 500),
  photos: z._default(photosField(MAX_CASE_PHOTOS), []),
  visibleToReporter: z._default(z.boolean({ error: '“群众可见”须为是或否' }), true),
})
export const requestExtensionInput = z.object({
  action: z.literal('requestExtension'),
  ...onCase,
  deadline: epochMs('延期后的时限'),
  reason: textField('延期理由', 2, 200),
})
export const approveExtensionInput = z.object({ action: z.literal('approveExtension'), ...onCase })
export const rejectExtensionInput = z.object({
  action: z.literal('rejectExtension'),
  ...onCase,
  reason: textField('理由', 2, 200),
})
export const requestClosureInput = z.object({
  action: z.literal('requestClosure'),
  ...onCase,
  note: textField('办理结果', 2, 500),
  evidence: z._default(photosField(MAX_CASE_PHOTOS), []),
  standardMet: textField('如何达到解决标准', 2, 300),
})
export const approveClosureInput = z.object({
  action: z.literal('approveClosure'),
  ...onCase,
  note: z._default(
    z.string({ error: fieldError('意见') }).check(z.trim(), z.maxLength(200, '意见不能超过 200 个字')),
    '',
  ),
})
export const rejectClosureInput = z.object({
  action: z.literal('rejectClosure'),
  ...onCase,
  reason: textField('退回理由', 2, 200),
})
export const declineInput = z.object({
  action: z.literal('decline'),
  ...onCase,
  reason: textField('不予受理的理由', 2, 200),
})
export const mergeInput = z.object({
  action: z.literal('merge'),
  ...onCase,
  targetNumber: z
    .string({ error: fieldError('合并到的诉求编号') })
    .check(z.trim(), z.regex(CASE_NUMBER_PATTERN, '诉求编号格式应为 2026-000123')),
})
const ratingFields = {
  solved: z.enum(SOLVED_ANSWERS, { error: '请选择问题是否解决' }),
  satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意程度' }),
  comment: z._default(
    z.string({ error: fieldError('意见') }).check(z.trim(), z.maxLength(300, '意见不能超过 300 个字')),
    '',
  ),
}
export const rateInput = z.object({ action: z.literal('rate'), ...onCase, ...ratingFields })
export const rateByCallInput = z.object({ action: z.literal('rateByCall'), ...onCase, ...ratingFields })

/** 立行立改: a cadre records a need already solved on the spot, with evidence. */
export const recordOnTheSpotInput = z.extend(z.omit(submitCaseInput, { action: true, subscriptions: true }), {
  action: z.literal('recordOnTheSpot'),
  resolution: textField('现场解决情况', 2, 500),
  evidence: photosField(MAX_CASE_PHOTOS).check(z.minLength(1, '请至少拍一张现场解决的照片')),
  standardMet: textField('解决标准及达到情况', 2, 300),
})

export const listMyTasksInput = z.object({ action: z.literal('listMyTasks'), ...cursorFields })
export const listCallbacksInput = z.object({ action: z.literal('listCallbacks'), ...cursorFields })

export const addSupervisionNoteInput = z.object({
  action: z.literal('addSupervisionNote'),
  ...onCase,
  note: textField('督办意见', 2, 300),
})
export const replySupervisionNoteInput = z.object({
  action: z.literal('replySupervisionNote'),
  ...onCase,
  note: textField('回复', 2, 300),
})
export const listSupervisionInput = z.object({ action: z.literal('listSupervision'), ...cursorFields })

/** 领办: the leader and/or the unit that takes the case on (null for either: none; both null: no longer 领办). */
export const markPledgeInput = z.object({
  action: z.literal('markPledge'),
  ...onCase,
  leaderId: z.nullable(idField('领办的领导')),
  unitId: z.nullable(idField('领办的单位')),
})
