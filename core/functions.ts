import type { z } from 'zod'
import { getCaseInput, listCasesInScopeInput, listMyCasesInput, submitCaseInput } from './case/case.schemas'
import { LIFECYCLE } from './case/lifecycle'
import {
  acknowledgeInput,
  addProgressInput,
  approveClosureInput,
  approveExtensionInput,
  assignInput,
  declineInput,
  listCallbacksInput,
  listMyTasksInput,
  mergeInput,
  rateByCallInput,
  rateInput,
  recordOnTheSpotInput,
  rejectClosureInput,
  rejectExtensionInput,
  requestClosureInput,
  requestExtensionInput,
  sendBackInput,
} from './case/lifecycle.schemas'
import {
  createContactPointInput,
  currentCheckinInput,
  listCheckinsInScopeInput,
  listContactPointsInput,
  listHouseholdsInput,
  listManagedContactPointsInput,
  listMyCheckinsInput,
  listMyVisitsInput,
  listNeglectedHouseholdsInput,
  myMonthInput,
  recordVisitInput,
  signInInput,
  signOutInput,
  updateContactPointInput,
} from './fieldwork/fieldwork.schemas'
import { getTimeLimitsInput, setTimeLimitsInput } from './settings.schemas'
import { issueInvitationInput, listInvitationsInput, revokeInvitationInput } from './invitation/invitation.schemas'
import {
  createUnitInput,
  deactivateUnitInput,
  listAreasInput,
  moveUnitInput,
  orgTreeInput,
  renameUnitInput,
} from './org/org.schemas'
import { rolesAllowed, type PermissionAction } from './permissions'
import type { Caller } from './roles'
import {
  getMeInput,
  listUsersInput,
  redeemInvitationInput,
  subscribeInput,
  updateMeInput,
  updateUserInput,
} from './user/user.schemas'

export interface ActionSpec {
  /** The question asked of permissions.ts before the handler runs. */
  permission: PermissionAction
  input: z.ZodType<{ action: string }>
}

/**
 * The catalogue of cloud functions and their actions: the contract between the app and the
 * backend. `GET /fn` is generated from it; the handlers are bound to it by type.
 */
export const FUNCTIONS = {
  cases: {
    submit: { permission: 'case.submit', input: submitCaseInput },
    listMine: { permission: 'case.listMine', input: listMyCasesInput },
    get: { permission: 'case.view', input: getCaseInput },
    listInScope: { permission: 'case.listInScope', input: listCasesInScopeInput },
    listMyTasks: { permission: 'case.listMyTasks', input: listMyTasksInput },
    listCallbacks: { permission: 'case.listCallbacks', input: listCallbacksInput },
    recordOnTheSpot: { permission: 'case.recordOnTheSpot', input: recordOnTheSpotInput },
    // Lifecycle actions: their permission is the lifecycle table's, so the two never disagree.
    assign: { permission: LIFECYCLE.assign.permission, input: assignInput },
    acknowledge: { permission: LIFECYCLE.acknowledge.permission, input: acknowledgeInput },
    sendBack: { permission: LIFECYCLE.sendBack.permission, input: sendBackInput },
    addProgress: { permission: LIFECYCLE.addProgress.permission, input: addProgressInput },
    requestExtension: { permission: LIFECYCLE.requestExtension.permission, input: requestExtensionInput },
    approveExtension: { permission: LIFECYCLE.approveExtension.permission, input: approveExtensionInput },
    rejectExtension: { permission: LIFECYCLE.rejectExtension.permission, input: rejectExtensionInput },
    requestClosure: { permission: LIFECYCLE.requestClosure.permission, input: requestClosureInput },
    approveClosure: { permission: LIFECYCLE.approveClosure.permission, input: approveClosureInput },
    rejectClosure: { permission: LIFECYCLE.rejectClosure.permission, input: rejectClosureInput },
    decline: { permission: LIFECYCLE.decline.permission, input: declineInput },
    merge: { permission: LIFECYCLE.merge.permission, input: mergeInput },
    rate: { permission: LIFECYCLE.rate.permission, input: rateInput },
    rateByCall: { permission: LIFECYCLE.rateByCall.permission, input: rateByCallInput },
  },
  orgs: {
    listAreas: { permission: 'org.listAreas', input: listAreasInput },
    tree: { permission: 'org.view', input: orgTreeInput },
    create: { permission: 'org.manage', input: createUnitInput },
    rename: { permission: 'org.manage', input: renameUnitInput },
    move: { permission: 'org.manage', input: moveUnitInput },
    deactivate: { permission: 'org.manage', input: deactivateUnitInput },
  },
  users: {
    me: { permission: 'user.viewSelf', input: getMeInput },
    updateMe: { permission: 'user.editSelf', input: updateMeInput },
    redeem: { permission: 'user.redeemInvitation', input: redeemInvitationInput },
    list: { permission: 'user.list', input: listUsersInput },
    update: { permission: 'user.manage', input: updateUserInput },
    subscribe: { permission: 'user.editSelf', input: subscribeInput },
  },
  fieldwork: {
    listContactPoints: { permission: 'contactPoint.listMine', input: listContactPointsInput },
    listManagedContactPoints: { permission: 'contactPoint.manage', input: listManagedContactPointsInput },
    createContactPoint: { permission: 'contactPoint.manage', input: createContactPointInput },
    updateContactPoint: { permission: 'contactPoint.manage', input: updateContactPointInput },
    signIn: { permission: 'checkin.own', input: signInInput },
    signOut: { permission: 'checkin.own', input: signOutInput },
    currentCheckin: { permission: 'checkin.own', input: currentCheckinInput },
    recordVisit: { permission: 'visit.record', input: recordVisitInput },
    listMyVisits: { permission: 'checkin.own', input: listMyVisitsInput },
    listHouseholds: { permission: 'household.list', input: listHouseholdsInput },
    listNeglectedHouseholds: { permission: 'household.list', input: listNeglectedHouseholdsInput },
    myMonth: { permission: 'checkin.own', input: myMonthInput },
    listMyCheckins: { permission: 'checkin.own', input: listMyCheckinsInput },
    listCheckinsInScope: { permission: 'checkin.viewInScope', input: listCheckinsInScopeInput },
  },
  settings: {
    getTimeLimits: { permission: 'settings.viewTimeLimits', input: getTimeLimitsInput },
    setTimeLimits: { permission: 'settings.timeLimits', input: setTimeLimitsInput },
  },
  invitations: {
    issue: { permission: 'invitation.manage', input: issueInvitationInput },
    list: { permission: 'invitation.manage', input: listInvitationsInput },
    revoke: { permission: 'invitation.manage', input: revokeInvitationInput },
  },
} as const satisfies Record<string, Record<string, ActionSpec>>

/** Every role that may call an action at all (for `GET /fn` and the first gate in dispatch). */
export function callersOf(spec: ActionSpec): Caller[] {
  return rolesAllowed(spec.permission)
}

export type FunctionName = keyof typeof FUNCTIONS
export type ActionName<F extends FunctionName> = keyof (typeof FUNCTIONS)[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodType
}
  ? z.output<S>
  : never
/** What a page passes: the action's input before defaults are applied, without `action`. */
export type ActionParams<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodType
}
  ? Omit<z.input<S>, 'action'>
  : never
