import { dashboardInput, dashboardSchema } from '../stats/dashboard.schemas'
import { figureRecordsSchema, recordsInput } from '../stats/records'
import { pledgeBoardInput } from '../pledge/pledge.schemas'
import { pledgeBoardSchema } from '../pledge/pledges'
import type { ActionSpec } from './action-spec'

/** 统计: the dashboard's figures, the records behind them, the 领办 board. */
export const STATS_ACTIONS = {
  dashboard: { permission: 'stats.view', input: dashboardInput, output: dashboardSchema },
  records: { permission: 'stats.view', input: recordsInput, output: figureRecordsSchema },
  pledgeBoard: { permission: 'pledge.board', input: pledgeBoardInput, output: pledgeBoardSchema },
} as const satisfies Record<string, ActionSpec>
