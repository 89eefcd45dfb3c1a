import type { FunctionHandlers } from './context'
import { countQueues, getCase, listCasesInScope, listMyCases, submitCase } from './cases'
import {
  acknowledgeCase,
  addProgress,
  addSupervisionNote,
  approveClosure,
  approveExtension,
  assignCase,
  declineCase,
  listCallbacks,
  listMyTasks,
  mergeCase,
  rateCase,
  rateCaseByCall,
  markPledge,
  reassignCase,
  recordOnTheSpot,
  rejectClosure,
  rejectExtension,
  replySupervisionNote,
  requestClosure,
  requestExtension,
  sendBackCase,
} from './lifecycle'
import { listSupervision } from './supervision'
import {
  createContactPoint,
  listContactPoints,
  listManagedContactPoints,
  updateContactPoint,
} from './fieldwork/contact-points'
import { currentCheckin, listCheckinsInScope, listMyCheckins, signIn, signOut } from './fieldwork/checkins'
import { myMonth } from './fieldwork/figures'
import { listHouseholds, listHouseholdVisits, listNeglectedHouseholds } from './fieldwork/ledger'
import { listMyVisits, recordVisit } from './fieldwork/visits'
import { getTimeLimits, setTimeLimits } from './settings'
import { issueInvitation, listInvitations, revokeInvitation } from './invitations'
import { createUnit, deactivateUnit, listAreas, moveUnit, orgTree, reactivateUnit, renameUnit } from './orgs'
import { dashboard, records } from './stats'
import { exportWorkbook } from './exports'
import {
  editRow,
  getPublished,
  listPublished,
  listShowcases,
  markShowcase,
  omitRow,
  openDraft,
  publish,
  restoreRow,
} from './publications'
import { getMe, listLeaders, listUsers, redeemInvitation, subscribe, updateMe, updateUser } from './users'
import { getPledgeQuotas, pledgeBoard, setPledgeQuotas } from './pledges'

/** Binds each action of the core's catalogue to its handler. */
export const HANDLERS: FunctionHandlers = {
  cases: {
    submit: submitCase,
    listMine: listMyCases,
    get: getCase,
    listInScope: listCasesInScope,
    queueCounts: countQueues,
    listMyTasks,
    listCallbacks,
    recordOnTheSpot,
    assign: assignCase,
    acknowledge: acknowledgeCase,
    sendBack: sendBackCase,
    reassign: reassignCase,
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
    listSupervision,
    addSupervisionNote,
    replySupervisionNote,
    markPledge,
  },
  fieldwork: {
    listContactPoints,
    listManagedContactPoints,
    createContactPoint,
    updateContactPoint,
    signIn,
    signOut,
    currentCheckin,
    recordVisit,
    listMyVisits,
    listHouseholds,
    listHouseholdVisits,
    listNeglectedHouseholds,
    myMonth,
    listMyCheckins,
    listCheckinsInScope,
  },
  settings: { getTimeLimits, setTimeLimits, getPledgeQuotas, setPledgeQuotas },
  orgs: {
    listAreas,
    tree: orgTree,
    create: createUnit,
    rename: renameUnit,
    move: moveUnit,
    deactivate: deactivateUnit,
    reactivate: reactivateUnit,
  },
  users: { me: getMe, updateMe, redeem: redeemInvitation, list: listUsers, update: updateUser, subscribe, listLeaders },
  stats: { dashboard, records, pledgeBoard },
  exports: { workbook: exportWorkbook },
  invitations: { issue: issueInvitation, list: listInvitations, revoke: revokeInvitation },
  publications: {
    openDraft,
    editRow,
    omitRow,
    restoreRow,
    publish,
    markShowcase,
    listPublished,
    getPublished,
    listShowcases,
  },
}
