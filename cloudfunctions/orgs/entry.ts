import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { ORGS } from '../../backend/handlers/functions/orgs'

/** 组织: the area picker, the org tree and its management. */
export const main = cloudFunction(ORGS)
