import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { FIELDWORK } from '../../backend/handlers/functions/fieldwork'

/** 下沉走访: contact points, 签到/签退, visits, the household ledger, 我的工作. */
export const main = cloudFunction(FIELDWORK)
