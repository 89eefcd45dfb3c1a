import { exportWorkbookInput, exportWorkbookSchema } from '../export/export.schemas'
import type { ActionSpec } from './action-spec'

/** A function of its own, so that the spreadsheet library stays out of every other function's bundle. */
export const EXPORTS_ACTIONS = {
  workbook: { permission: 'stats.view', input: exportWorkbookInput, output: exportWorkbookSchema },
} as const satisfies Record<string, ActionSpec>
