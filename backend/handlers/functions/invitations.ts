import { INVITATIONS_ACTIONS } from '@core/catalogue/invitations'
import type { FunctionUnit } from '../context'
import { issueInvitation, listInvitations, revokeInvitation } from '../invitations'

/** 邀请码: each action of core/catalogue/invitations.ts bound to its handler. */
export const INVITATIONS: FunctionUnit<'invitations'> = {
  name: 'invitations',
  actions: INVITATIONS_ACTIONS,
  handlers: { issue: issueInvitation, list: listInvitations, revoke: revokeInvitation },
}
