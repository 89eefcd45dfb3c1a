import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 诉求: submit, listMine, get. */
export const main = cloudFunction('cases')
