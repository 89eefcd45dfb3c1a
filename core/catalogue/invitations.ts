import { invitationViewSchema } from '../invitation/invitation'
import { issueInvitationInput, listInvitationsInput, revokeInvitationInput } from '../invitation/invitation.schemas'
import { pageOf } from '../validation/page'
import type { ActionSpec } from './action-spec'

/** 邀请码: issue, list, revoke (admins). */
export const INVITATIONS_ACTIONS = {
  issue: { permission: 'invitation.manage', input: issueInvitationInput, output: invitationViewSchema },
  list: { permission: 'invitation.manage', input: listInvitationsInput, output: pageOf(invitationViewSchema) },
  revoke: { permission: 'invitation.manage', input: revokeInvitationInput, output: invitationViewSchema },
} as const satisfies Record<string, ActionSpec>
