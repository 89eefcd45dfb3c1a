import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 组织: the area picker (admin actions arrive with the identity issue). */
export const main = cloudFunction('orgs')
