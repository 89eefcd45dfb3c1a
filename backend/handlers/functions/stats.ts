import { STATS_ACTIONS } from '@core/catalogue/stats'
import type { FunctionUnit } from '../context'
import { pledgeBoard } from '../pledges'
import { dashboard, records } from '../stats'

/** 统计: each action of core/catalogue/stats.ts bound to its handler. */
export const STATS: FunctionUnit<'stats'> = {
  name: 'stats',
  actions: STATS_ACTIONS,
  handlers: { dashboard, records, pledgeBoard },
}
