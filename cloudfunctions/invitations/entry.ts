import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { INVITATIONS } from '../../backend/handlers/functions/invitations'

/** 邀请码: issue, list, revoke (admins). */
export const main = cloudFunction(INVITATIONS)
