import { LIFECYCLE } from '../case/lifecycle'
import {
  acknowledgeInput,
  addProgressInput,
  addSupervisionNoteInput,
  approveClosureInput,
  approveExtensionInput,
  assignInput,
  declineInput,
  listCallbacksInput,
  listMyTasksInput,
  listSupervisionInput,
  markPledgeInput,
  mergeInput,
  rateByCallInput,
  rateInput,
  reassignInput,
  recordOnTheSpotInput,
  rejectClosureInput,
  rejectExtensionInput,
  replySupervisionNoteInput,
  requestClosureInput,
  requestExtensionInput,
  sendBackInput,
} from '../case/lifecycle.schemas'
import {
  afterActionSchema,
  callbackItemSchema,
  caseListItemSchema,
  caseViewSchema,
  queueCountsSchema,
  staffCaseListItemSchema,
  supervisionItemSchema,
} from '../case/view-schemas'
import {
  getCaseInput,
  listCasesInScopeInput,
  listMyCasesInput,
  queueCountsInput,
  submitCaseInput,
} from '../case/case.schemas'
import { pageOf } from '../validation/page'
import type { ActionSpec } from './action-spec'

/** 诉求: reporting, the lists, and every step of the lifecycle. */
export const CASES_ACTIONS = {
  submit: { permission: 'case.submit', input: submitCaseInput, output: caseViewSchema },
  listMine: { permission: 'case.listMine', input: listMyCasesInput, output: pageOf(caseListItemSchema) },
  get: { permission: 'case.view', input: getCaseInput, output: caseViewSchema },
  listInScope: {
    permission: 'case.listInScope',
    input: listCasesInScopeInput,
    output: pageOf(staffCaseListItemSchema),
  },
  queueCounts: { permission: 'case.listInScope', input: queueCountsInput, output: queueCountsSchema },
  listMyTasks: { permission: 'case.listMyTasks', input: listMyTasksInput, output: pageOf(staffCaseListItemSchema) },
  listCallbacks: { permission: 'case.listCallbacks', input: listCallbacksInput, output: pageOf(callbackItemSchema) },
  recordOnTheSpot: { permission: 'case.recordOnTheSpot', input: recordOnTheSpotInput, output: caseViewSchema },
  // Lifecycle actions: their permission is the lifecycle table's, so the two never disagree.
  assign: { permission: LIFECYCLE.assign.permission, input: assignInput, output: afterActionSchema },
  acknowledge: { permission: LIFECYCLE.acknowledge.permission, input: acknowledgeInput, output: afterActionSchema },
  sendBack: { permission: LIFECYCLE.sendBack.permission, input: sendBackInput, output: afterActionSchema },
  reassign: { permission: LIFECYCLE.reassign.permission, input: reassignInput, output: afterActionSchema },
  addProgress: { permission: LIFECYCLE.addProgress.permission, input: addProgressInput, output: afterActionSchema },
  requestExtension: {
    permission: LIFECYCLE.requestExtension.permission,
    input: requestExtensionInput,
    output: afterActionSchema,
  },
  approveExtension: {
    permission: LIFECYCLE.approveExtension.permission,
    input: approveExtensionInput,
    output: afterActionSchema,
  },
  rejectExtension: {
    permission: LIFECYCLE.rejectExtension.permission,
    input: rejectExtensionInput,
    output: afterActionSchema,
  },
  requestClosure: {
    permission: LIFECYCLE.requestClosure.permission,
    input: requestClosureInput,
    output: afterActionSchema,
  },
  approveClosure: {
    permission: LIFECYCLE.approveClosure.permission,
    input: approveClosureInput,
    output: afterActionSchema,
  },
  rejectClosure: {
    permission: LIFECYCLE.rejectClosure.permission,
    input: rejectClosureInput,
    output: afterActionSchema,
  },
  decline: { permission: LIFECYCLE.decline.permission, input: declineInput, output: afterActionSchema },
  merge: { permission: LIFECYCLE.merge.permission, input: mergeInput, output: afterActionSchema },
  rate: { permission: LIFECYCLE.rate.permission, input: rateInput, output: afterActionSchema },
  rateByCall: { permission: LIFECYCLE.rateByCall.permission, input: rateByCallInput, output: afterActionSchema },
  // 督办: the list of what is late in scope, a supervisor's note and the handler's reply.
  listSupervision: {
    permission: 'case.listInScope',
    input: listSupervisionInput,
    output: pageOf(supervisionItemSchema),
  },
  addSupervisionNote: {
    permission: LIFECYCLE.addSupervisionNote.permission,
    input: addSupervisionNoteInput,
    output: afterActionSchema,
  },
  replySupervisionNote: {
    permission: LIFECYCLE.replySupervisionNote.permission,
    input: replySupervisionNoteInput,
    output: afterActionSchema,
  },
  // 领办: who takes the case on (a leader, a unit), after 派单.
  markPledge: { permission: LIFECYCLE.markPledge.permission, input: markPledgeInput, output: afterActionSchema },
} as const satisfies Record<string, ActionSpec>
