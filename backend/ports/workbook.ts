import type { SheetSpec } from '@core/export/workbook'

/**
 * Writes sheets as an .xlsx file. Only the exports function is given one, so the spreadsheet
 * library is bundled into that function alone.
 */
export interface WorkbookWriter {
  write(sheets: readonly SheetSpec[]): Promise<Buffer>
}
