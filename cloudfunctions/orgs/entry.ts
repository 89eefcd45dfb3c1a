import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 组织: the area picker, the org tree and its management. */
export const main = cloudFunction('orgs')
