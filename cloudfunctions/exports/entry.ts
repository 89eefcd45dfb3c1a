import { ExceljsWorkbooks } from '../../backend/adapters/exceljs.workbook'
import { cloudFunction } from '../../backend/cloudbase/function-entry'

/** 导出 Excel: the only function that carries the spreadsheet library. */
export const main = cloudFunction('exports', { workbooks: new ExceljsWorkbooks() })
