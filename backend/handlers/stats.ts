import { computeDashboard } from '../stats/dashboard'
import type { Handler } from './context'

/** 统计看板 for the caller: his own figures (cadre), his subtree's (supervisor), any unit's (admin). */
export const dashboard: Handler<'stats', 'dashboard'> = (input, ctx) => computeDashboard(input, ctx)
