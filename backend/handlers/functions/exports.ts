import { EXPORTS_ACTIONS } from '@core/catalogue/exports'
import type { FunctionUnit } from '../context'
import { exportWorkbook } from '../exports'

/** 导出: each action of core/catalogue/exports.ts bound to its handler. */
export const EXPORTS: FunctionUnit<'exports'> = {
  name: 'exports',
  actions: EXPORTS_ACTIONS,
  handlers: { workbook: exportWorkbook },
}
