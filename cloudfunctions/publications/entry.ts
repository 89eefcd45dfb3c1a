import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { PUBLICATIONS } from '../../backend/handlers/functions/publications'

/** 三个清单 and 典型案例: drafted, checked (WeChat's content security) and published; read by anyone. */
export const main = cloudFunction(PUBLICATIONS)
