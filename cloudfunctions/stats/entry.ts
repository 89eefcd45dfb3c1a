import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { STATS } from '../../backend/handlers/functions/stats'

/** 统计: the dashboard's figures, read from the rollups the other functions keep. */
export const main = cloudFunction(STATS)
