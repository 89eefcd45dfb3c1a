import type { FunctionHandlers } from './context'
import { getCase, listCasesInScope, listMyCases, submitCase } from './cases'
import { issueInvitation, listInvitations, revokeInvitation } from './invitations'
import { createUnit, deactivateUnit, listAreas, moveUnit, orgTree, renameUnit } from './orgs'
import { getMe, listUsers, redeemInvitation, updateMe, updateUser } from './users'

/** Binds each action of the core's catalogue to its handler. */
export const HANDLERS: FunctionHandlers = {
  cases: { submit: submitCase, listMine: listMyCases, get: getCase, listInScope: listCasesInScope },
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
