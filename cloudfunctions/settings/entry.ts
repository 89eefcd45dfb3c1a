import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 设置: the time limits (read by staff, changed by admins). */
export const main = cloudFunction('settings')
