import { sniffImage } from '../../backend/adapters/image-sniff'
import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { FIELDWORK } from '../../backend/handlers/functions/fieldwork'

/**
 * 下沉走访: contact points, 签到/签退, visits, the household ledger, 我的工作. It takes photos (of
 * visits), so it is given the image sniffer.
 */
export const main = cloudFunction(FIELDWORK, { sniffImage })
