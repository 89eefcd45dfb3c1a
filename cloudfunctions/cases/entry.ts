import { sniffImage } from '../../backend/adapters/image-sniff'
import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { CASES } from '../../backend/handlers/functions/cases'

/**
 * 诉求: reporting, the lists, and every step of the lifecycle (the `cases` actions of
 * core/functions.ts). It takes photos, so it is given the image sniffer.
 */
export const main = cloudFunction(CASES, { sniffImage })
