import * as z from 'zod/mini'
import {
  afterActionSchema,
  callbackItemSchema,
  caseListItemSchema,
  caseViewSchema,
  queueCountsSchema,
  staffCaseListItemSchema,
  supervisionItemSchema,
} from './case/view-schemas'
import {
  checkinSchema,
  contactPointSchema,
  listedContactPointSchema,
  managedContactPointSchema,
} from './fieldwork/fieldwork'
import { householdVisitSchema, ledgerRowSchema, monthFiguresSchema, visitSchema } from './fieldwork/visit'
import { invitationViewSchema } from './invitation/invitation'
import { areaChoiceSchema, orgUnitSchema } from './org/org'
import { dashboardInput, dashboardSchema } from './stats/dashboard.schemas'
import { figureRecordsSchema, recordsInput } from './stats/records'
import { exportWorkbookInput, exportWorkbookSchema } from './export/export.schemas'
import {
  draftViewSchema,
  editRowInput,
  getPublishedInput,
  listPublishedInput,
  listShowcasesInput,
  markShowcaseInput,
  omitRowInput,
  openDraftInput,
  publishInput,
  publishedCatalogueSchema,
  publishedViewSchema,
  restoreRowInput,
  showcaseSchema,
} from './publication/publication.schemas'
import { leaderSchema, userViewSchema } from './user/user'
import { pledgeBoardSchema } from './pledge/pledges'
import {
  getPledgeQuotasInput,
  pledgeBoardInput,
  pledgeQuotasViewSchema,
  setPledgeQuotasInput,
} from './pledge/pledge.schemas'
import { pageOf } from './validation/page'
import {
  getCaseInput,
  listCasesInScopeInput,
  listMyCasesInput,
  queueCountsInput,
  submitCaseInput,
} from './case/case.schemas'
import { LIFECYCLE } from './case/lifecycle'
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
} from './case/lifecycle.schemas'
import {
  createContactPointInput,
  currentCheckinInput,
  listCheckinsInScopeInput,
  listContactPointsInput,
  listHouseholdsInput,
  listHouseholdVisitsInput,
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
import { getTimeLimitsInput, setTimeLimitsInput, timeLimitsViewSchema } from './settings.schemas'
import { issueInvitationInput, listInvitationsInput, revokeInvitationInput } from './invitation/invitation.schemas'
import {
  createUnitInput,
  deactivateUnitInput,
  listAreasInput,
  moveUnitInput,
  orgTreeInput,
  reactivateUnitInput,
  renameUnitInput,
} from './org/org.schemas'
import { isPublicAction, rolesAllowed, type PermissionAction } from './permissions'
import type { Caller } from './roles'
import {
  getMeInput,
  listLeadersInput,
  listUsersInput,
  redeemInvitationInput,
  subscribeInput,
  updateMeInput,
  updateUserInput,
} from './user/user.schemas'

export interface ActionSpec {
  /** The question asked of permissions.ts before the handler runs. */
  permission: PermissionAction
  input: z.ZodMiniType<{ action: string }>
  /** The shape of `data` in the answer: handlers are typed to it, pages read it, tests check it. */
  output: z.ZodMiniType
}

const caseView = caseViewSchema
const afterAction = afterActionSchema

/**
 * The catalogue of cloud functions and their actions: the contract between the app and the
 * backend. `GET /fn` is generated from it; the handlers are bound to it by type.
 */
export const FUNCTIONS = {
  cases: {
    submit: { permission: 'case.submit', input: submitCaseInput, output: caseView },
    listMine: { permission: 'case.listMine', input: listMyCasesInput, output: pageOf(caseListItemSchema) },
    get: { permission: 'case.view', input: getCaseInput, output: caseView },
    listInScope: {
      permission: 'case.listInScope',
      input: listCasesInScopeInput,
      output: pageOf(staffCaseListItemSchema),
    },
    queueCounts: { permission: 'case.listInScope', input: queueCountsInput, output: queueCountsSchema },
    listMyTasks: { permission: 'case.listMyTasks', input: listMyTasksInput, output: pageOf(staffCaseListItemSchema) },
    listCallbacks: { permission: 'case.listCallbacks', input: listCallbacksInput, output: pageOf(callbackItemSchema) },
    recordOnTheSpot: { permission: 'case.recordOnTheSpot', input: recordOnTheSpotInput, output: caseView },
    // Lifecycle actions: their permission is the lifecycle table's, so the two never disagree.
    assign: { permission: LIFECYCLE.assign.permission, input: assignInput, output: afterAction },
    acknowledge: { permission: LIFECYCLE.acknowledge.permission, input: acknowledgeInput, output: afterAction },
    sendBack: { permission: LIFECYCLE.sendBack.permission, input: sendBackInput, output: afterAction },
    reassign: { permission: LIFECYCLE.reassign.permission, input: reassignInput, output: afterAction },
    addProgress: { permission: LIFECYCLE.addProgress.permission, input: addProgressInput, output: afterAction },
    requestExtension: {
      permission: LIFECYCLE.requestExtension.permission,
      input: requestExtensionInput,
      output: afterAction,
    },
    approveExtension: {
      permission: LIFECYCLE.approveExtension.permission,
      input: approveExtensionInput,
      output: afterAction,
    },
    rejectExtension: {
      permission: LIFECYCLE.rejectExtension.permission,
      input: rejectExtensionInput,
      output: afterAction,
    },
    requestClosure: {
      permission: LIFECYCLE.requestClosure.permission,
      input: requestClosureInput,
      output: afterAction,
    },
    approveClosure: {
      permission: LIFECYCLE.approveClosure.permission,
      input: approveClosureInput,
      output: afterAction,
    },
    rejectClosure: { permission: LIFECYCLE.rejectClosure.permission, input: rejectClosureInput, output: afterAction },
    decline: { permission: LIFECYCLE.decline.permission, input: declineInput, output: afterAction },
    merge: { permission: LIFECYCLE.merge.permission, input: mergeInput, output: afterAction },
    rate: { permission: LIFECYCLE.rate.permission, input: rateInput, output: afterAction },
    rateByCall: { permission: LIFECYCLE.rateByCall.permission, input: rateByCallInput, output: afterAction },
    // 督办: the list of what is late in scope, a supervisor's note and the handler's reply.
    listSupervision: {
      permission: 'case.listInScope',
      input: listSupervisionInput,
      output: pageOf(supervisionItemSchema),
    },
    addSupervisionNote: {
      permission: LIFECYCLE.addSupervisionNote.permission,
      input: addSupervisionNoteInput,
      output: afterAction,
    },
    replySupervisionNote: {
      permission: LIFECYCLE.replySupervisionNote.permission,
      input: replySupervisionNoteInput,
      output: afterAction,
    },
    // 领办: who takes the case on (a leader, a unit), after 派单.
    markPledge: { permission: LIFECYCLE.markPledge.permission, input: markPledgeInput, output: afterAction },
  },
  orgs: {
    listAreas: { permission: 'org.listAreas', input: listAreasInput, output: z.array(areaChoiceSchema) },
    tree: { permission: 'org.view', input: orgTreeInput, output: z.array(orgUnitSchema) },
    create: { permission: 'org.manage', input: createUnitInput, output: orgUnitSchema },
    rename: { permission: 'org.manage', input: renameUnitInput, output: orgUnitSchema },
    move: { permission: 'org.manage', input: moveUnitInput, output: orgUnitSchema },
    deactivate: { permission: 'org.manage', input: deactivateUnitInput, output: orgUnitSchema },
    reactivate: { permission: 'org.manage', input: reactivateUnitInput, output: orgUnitSchema },
  },
  users: {
    me: { permission: 'user.viewSelf', input: getMeInput, output: userViewSchema },
    updateMe: { permission: 'user.editSelf', input: updateMeInput, output: userViewSchema },
    redeem: { permission: 'user.redeemInvitation', input: redeemInvitationInput, output: userViewSchema },
    list: { permission: 'user.list', input: listUsersInput, output: pageOf(userViewSchema) },
    update: { permission: 'user.manage', input: updateUserInput, output: userViewSchema },
    subscribe: { permission: 'user.editSelf', input: subscribeInput, output: userViewSchema },
    listLeaders: { permission: 'leader.list', input: listLeadersInput, output: z.array(leaderSchema) },
  },
  fieldwork: {
    listContactPoints: {
      permission: 'contactPoint.listMine',
      input: listContactPointsInput,
      output: z.array(listedContactPointSchema),
    },
    listManagedContactPoints: {
      permission: 'contactPoint.manage',
      input: listManagedContactPointsInput,
      output: z.array(managedContactPointSchema),
    },
    createContactPoint: {
      permission: 'contactPoint.manage',
      input: createContactPointInput,
      output: contactPointSchema,
    },
    updateContactPoint: {
      permission: 'contactPoint.manage',
      input: updateContactPointInput,
      output: contactPointSchema,
    },
    signIn: { permission: 'checkin.own', input: signInInput, output: checkinSchema },
    signOut: { permission: 'checkin.own', input: signOutInput, output: checkinSchema },
    currentCheckin: { permission: 'checkin.own', input: currentCheckinInput, output: z.nullable(checkinSchema) },
    recordVisit: { permission: 'visit.record', input: recordVisitInput, output: visitSchema },
    listMyVisits: { permission: 'checkin.own', input: listMyVisitsInput, output: pageOf(visitSchema) },
    listHouseholds: { permission: 'household.list', input: listHouseholdsInput, output: pageOf(ledgerRowSchema) },
    listHouseholdVisits: {
      permission: 'household.list',
      input: listHouseholdVisitsInput,
      output: pageOf(householdVisitSchema),
    },
    listNeglectedHouseholds: {
      permission: 'household.list',
      input: listNeglectedHouseholdsInput,
      output: z.strictObject({ ...pageOf(ledgerRowSchema).shape, neglectDays: z.number() }),
    },
    myMonth: {
      permission: 'checkin.own',
      input: myMonthInput,
      output: z.strictObject({ month: z.string(), figures: monthFiguresSchema }),
    },
    listMyCheckins: { permission: 'checkin.own', input: listMyCheckinsInput, output: pageOf(checkinSchema) },
    listCheckinsInScope: {
      permission: 'checkin.viewInScope',
      input: listCheckinsInScopeInput,
      output: pageOf(checkinSchema),
    },
  },
  settings: {
    getTimeLimits: { permission: 'settings.viewTimeLimits', input: getTimeLimitsInput, output: timeLimitsViewSchema },
    setTimeLimits: { permission: 'settings.timeLimits', input: setTimeLimitsInput, output: timeLimitsViewSchema },
    getPledgeQuotas: {
      permission: 'settings.pledgeQuotas',
      input: getPledgeQuotasInput,
      output: pledgeQuotasViewSchema,
    },
    setPledgeQuotas: {
      permission: 'settings.pledgeQuotas',
      input: setPledgeQuotasInput,
      output: pledgeQuotasViewSchema,
    },
  },
  invitations: {
    issue: { permission: 'invitation.manage', input: issueInvitationInput, output: invitationViewSchema },
    list: { permission: 'invitation.manage', input: listInvitationsInput, output: pageOf(invitationViewSchema) },
    revoke: { permission: 'invitation.manage', input: revokeInvitationInput, output: invitationViewSchema },
  },
  stats: {
    dashboard: { permission: 'stats.view', input: dashboardInput, output: dashboardSchema },
    records: { permission: 'stats.view', input: recordsInput, output: figureRecordsSchema },
    pledgeBoard: { permission: 'pledge.board', input: pledgeBoardInput, output: pledgeBoardSchema },
  },
  // A function of its own, so that the spreadsheet library stays out of every other function's bundle.
  exports: {
    workbook: { permission: 'stats.view', input: exportWorkbookInput, output: exportWorkbookSchema },
  },
  // 三个清单 and 典型案例: drafted, checked and published by supervisors, read by anyone.
  publications: {
    openDraft: { permission: 'publication.manage', input: openDraftInput, output: draftViewSchema },
    editRow: { permission: 'publication.manage', input: editRowInput, output: draftViewSchema },
    omitRow: { permission: 'publication.manage', input: omitRowInput, output: draftViewSchema },
    restoreRow: { permission: 'publication.manage', input: restoreRowInput, output: draftViewSchema },
    publish: { permission: 'publication.manage', input: publishInput, output: publishedViewSchema },
    markShowcase: { permission: 'publication.manage', input: markShowcaseInput, output: showcaseSchema },
    listPublished: { permission: 'publication.read', input: listPublishedInput, output: publishedCatalogueSchema },
    getPublished: { permission: 'publication.read', input: getPublishedInput, output: publishedViewSchema },
    listShowcases: { permission: 'publication.read', input: listShowcasesInput, output: z.array(showcaseSchema) },
  },
} as const satisfies Record<string, Record<string, ActionSpec>>

/** Every role that may call an action at all (for `GET /fn` and the first gate in dispatch). */
export function callersOf(spec: ActionSpec): Caller[] {
  return isPublicAction(spec.permission) ? ['anyone'] : rolesAllowed(spec.permission)
}

export type FunctionName = keyof typeof FUNCTIONS
export type ActionName<F extends FunctionName> = keyof (typeof FUNCTIONS)[F] & string
/** What the handler receives: the input after the schema parsed it (defaults applied, unknown fields dropped). */
export type InputFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodMiniType
}
  ? z.output<S>
  : never
/** What the action answers in `data`. */
export type OutputFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  output: infer S extends z.ZodMiniType
}
  ? z.output<S>
  : never
/** What a page passes: the action's input before defaults are applied, without `action`. */
export type ParamsFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodMiniType
}
  ? Omit<z.input<S>, 'action'>
  : never
