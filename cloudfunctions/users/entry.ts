import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { USERS } from '../../backend/handlers/functions/users'

/** 用户: 我的, profile, message grants, redeeming invitations, and user management. */
export const main = cloudFunction(USERS)
