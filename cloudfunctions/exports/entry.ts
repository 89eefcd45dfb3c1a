import { ExceljsWorkbooks } from '../../backend/adapters/exceljs.workbook'
import { cloudFunction } from '../../backend/cloudbase/function-entry'
import { EXPORTS } from '../../backend/handlers/functions/exports'

/** 导出 Excel: the only function that carries the spreadsheet library. */
export const main = cloudFunction(EXPORTS, { workbooks: new ExceljsWorkbooks() })
