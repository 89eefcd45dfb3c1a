import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 邀请码: issue, list, revoke (admins). */
export const main = cloudFunction('invitations')
