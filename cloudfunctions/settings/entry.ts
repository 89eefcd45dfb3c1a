import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { SETTINGS } from '../../backend/handlers/functions/settings'

/** 设置: the time limits (read by staff, changed by admins). */
export const main = cloudFunction(SETTINGS)
