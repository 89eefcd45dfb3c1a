import * as z from 'zod/mini'
import { dashboardInput } from '../stats/dashboard.schemas'

/** 导出 Excel: the same period and unit as the dashboard (and the same checks of them). */
export const exportWorkbookInput = z.object({
  action: z.literal('workbook'),
  period: dashboardInput.shape.period,
  unitId: dashboardInput.shape.unitId,
})

const sheetCount = z.strictObject({
  /** Rows written. */
  rows: z.number(),
  /** Records in the period (more than `rows` when the limit cut the sheet). */
  total: z.number(),
})

export const exportWorkbookSchema = z.strictObject({
  fileId: z.string(),
  /** A short-lived download address (cloud storage's temporary URL; `/files/<fileId>` locally). */
  url: z.string(),
  fileName: z.string(),
  rows: z.strictObject({ cases: sheetCount, visits: sheetCount, checkins: sheetCount }),
})
export type ExportWorkbook = z.infer<typeof exportWorkbookSchema>
