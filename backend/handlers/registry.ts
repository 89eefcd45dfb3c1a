import type { FunctionHandlers } from './context'
import { getCase, listCasesInScope, listMyCases, submitCase } from './cases'
import {
  acknowledgeCase,
  addProgress,
  approveClosure,
  approveExtension,
  assignCase,
  declineCase,
  listCallbacks,
  listMyTasks,
  mergeCase,
  rateCase,
  rateCaseByCall,
  recordOnTheSpot,
  rejectClosure,
  rejectExtension,
  requestClosure,
  requestExtension,
  sendBackCase,
} from './lifecycle'
import {
  createContactPoint,
  currentCheckin,
  listContactPoints,
  listMyVisits,
  listNeglectedHouseholds,
  myMonth,
  recordVisit,
  signIn,
  signOut,
  updateContactPoint,
} from './fieldwork'
import { getTimeLimits, setTimeLimits } from './settings'
import { issueInvitation, listInvitations, revokeInvitation } from './invitations'
import { createUnit, deactivateUnit, listAreas, moveUnit, orgTree, renameUnit } from './orgs'
import { getMe, listUsers, redeemInvitation, updateMe, updateUser } from './users'

/** Binds each action of the core's catalogue to its handler. */
export const HANDLERS: FunctionHandlers = {
  cases: {
    submit: submitCase,
    listMine: listMyCases,
    get: getCase,
    listInScope: listCasesInScope,
    listMyTasks,
    listCallbacks,
    recordOnTheSpot,
    assign: assignCase,
    acknowledge: acknowledgeCase,
    sendBack: sendBackCase,
    addProgress,
    requestExtension,
    approveExtension,
    rejectExtension,
    requestClosure,
    approveClosure,
    rejectClosure,
    decline: declineCase,
    merge: mergeCase,
    rate: rateCase,
    rateByCall: rateCaseByCall,
  },
  fieldwork: {
    listContactPoints,
    createContactPoint,
    updateContactPoint,
    signIn,
    signOut,
    currentCheckin,
    recordVisit,
    listMyVisits,
    listNeglectedHouseholds,
    myMonth,
  },
  settings: { getTimeLimits, setTimeLimits },
  orgs: {
    listAreas,
    tree: orgTree,
    create: createUnit,
    rename: renameUnit,
    move: moveUnit,
    deactivate: deactivateUnit,
  },
  users: { me: getMe, updateMe, redeem: redeemInvitation, list: listUsers, update: updateUser },
  invitations: { issue: issueInvitation, list: listInvitations, revoke: revokeInvitation },
}
