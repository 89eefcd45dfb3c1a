import { computeDashboard } from '../stats/dashboard'
import { figureRecords } from '../stats/records'
import type { Handler } from './context'

/** 统计看板 for the caller: his own figures (cadre), his subtree's (supervisor), any unit's (admin). */
export const dashboard: Handler<'stats', 'dashboard'> = (input, ctx) => computeDashboard(input, ctx)

/** The records behind one figure (the drill-down), for the same subject the dashboard shows. */
export const records: Handler<'stats', 'records'> = (input, ctx) => figureRecords(input, ctx)
