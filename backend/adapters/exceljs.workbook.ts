import ExcelJS from 'exceljs'
import type { Cell, SheetSpec } from '@core/export/workbook'
import type { WorkbookWriter } from '../ports/workbook'

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } }

/** A ratio as its number (formatted as a percentage below); an empty text as an empty cell. */
function value(cell: Cell): ExcelJS.CellValue {
  if (cell !== null && typeof cell === 'object') return cell.percent
  return cell === '' ? null : cell
}

/** exceljs: title row, bold header row (frozen), then the rows; ratios as percentages, long texts wrapped. */
export class ExceljsWorkbooks implements WorkbookWriter {
  async write(sheets: readonly SheetSpec[]): Promise<Buffer> {
    const book = new ExcelJS.Workbook()
    book.creator = '民情通'
    for (const spec of sheets) {
      const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2 }] })
      sheet.columns = spec.columns.map((column) => ({ width: column.width }))
      sheet.addRow([spec.title]).font = { bold: true, size: 14 }
      const header = sheet.addRow(spec.columns.map((column) => column.header))
      header.font = { bold: true }
      header.eachCell((cell) => (cell.fill = HEADER_FILL))
      for (const row of spec.rows) {
        const added = sheet.addRow(row.map(value))
        row.forEach((cell, index) => {
          const target = added.getCell(index + 1)
          if (cell !== null && typeof cell === 'object') target.numFmt = '0.0%'
          if (typeof cell === 'string' && cell.length > 20) target.alignment = { wrapText: true, vertical: 'top' }
        })
      }
    }
    return Buffer.from(await book.xlsx.writeBuffer())
  }
}
