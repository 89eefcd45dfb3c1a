import type { Case } from '@core/case/case'
import { EXPORT_ROW_LIMIT, exportFileName, figuresSheet, recordSheets } from '@core/export/workbook'
import type { Checkin } from '@core/fieldwork/fieldwork'
import type { Visit } from '@core/fieldwork/visit'
import { fail, ok } from '@core/result'
import { computeDashboard, recordFilters } from '../stats/dashboard'
import type { Handler } from './context'
import { unitNames } from './orgs'
import { readUpTo } from './paging'

/**
 * 导出 Excel: the dashboard's figures (computed once, by the dashboard's own code) and the records of
 * the same period and unit, each sheet read by indexed, keyset-paged queries up to the stated limit;
 * the file goes to the file store and the caller gets a short-lived URL.
 */
export const exportWorkbook: Handler<'exports', 'workbook'> = async (input, ctx) => {
  const { store, clock, actor, files, workbooks } = ctx
  if (!workbooks) return fail('EXPORT.UNAVAILABLE')
  const dashboard = await computeDashboard(input, ctx)
  if (!dashboard.ok) return dashboard
  const filters = await recordFilters(store, actor, input.unitId)
  if (!filters.ok) return filters
  const { start, end } = dashboard.data.period
  const range = { $gte: start, $lt: end }
  const limit = EXPORT_ROW_LIMIT
  const [cases, visits, checkins] = await Promise.all([
    readUpTo<Case>(store, 'cases', {
      filter: { ...filters.data.cases, createdAt: range },
      sort: [['createdAt', 1]],
      limit,
    }),
    readUpTo<Visit>(store, 'visits', { filter: { ...filters.data.visits, at: range }, sort: [['at', 1]], limit }),
    readUpTo<Checkin>(store, 'checkins', {
      filter: { ...filters.data.checkins, signedInAt: range },
      sort: [['signedInAt', 1]],
      limit,
    }),
  ])
  const names = await unitNames(store, [
    ...cases.rows.flatMap((doc) => [doc.areaUnitId, doc.assignment?.responsibleUnitId ?? null]),
  ])
  const sheets = [
    figuresSheet(dashboard.data),
    ...recordSheets({ cases, visits, checkins }, (id) => names.get(id) ?? '', clock.now()),
  ]
  const fileName = exportFileName(dashboard.data)
  const saved = await files.saveExport(await workbooks.write(sheets), fileName)
  const count = (sheet: { rows: unknown[]; total: number }) => ({ rows: sheet.rows.length, total: sheet.total })
  return ok({
    ...saved,
    fileName,
    rows: { cases: count(cases), visits: count(visits), checkins: count(checkins) },
  })
}
