import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 用户: 我的, profile, message grants, redeeming invitations, and user management. */
export const main = cloudFunction('users')
