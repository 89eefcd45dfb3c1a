import {
  CASE_STATUS_LABELS,
  SATISFACTION_LABELS,
  SOLVED_LABELS,
  URGENCY_LABELS,
  type Case,
  type Rating,
} from '../case/case'
import { isOverdue } from '../case/overdue'
import { namesKnownTo } from '../case/scope'
import type { Checkin } from '../fieldwork/fieldwork'
import type { Visit } from '../fieldwork/visit'
import { viewRule } from '../privacy/view-rule'
import type { Dashboard, Rate } from '../stats/dashboard.schemas'
import { formatRate } from '../stats/figures'
import { CASE_FIGURE_LABELS, FIELDWORK_FIGURE_LABELS, RATE_FORMULAS } from '../stats/labels'
import { formatChinaTime } from '../time'

/** A cell: text, a number, a ratio shown as a percentage, or empty. */
export type Cell = string | number | { percent: number } | null

/** One sheet: a title row, a header row, then the rows. */
export interface SheetSpec {
  name: string
  title: string
  columns: ReadonlyArray<{ header: string; width: number }>
  rows: Cell[][]
}

/**
 * Rows per record sheet. A CloudBase function has 15 s and 256 MB; 5,000 rows a sheet is a few
 * seconds of reads and well under a megabyte of workbook. Past it the sheet says so in its title.
 */
export const EXPORT_ROW_LIMIT = 5000

/**
 * Every text of a record leaves in the file at the `public` level of the one view rule, whoever
 * asked: a workbook is forwarded and printed beyond the people who work the case, so phones, ID
 * numbers, door numbers and the names known to the record are masked for everyone.
 */
const EXPORT_LEVEL = 'public'

const time = (at: number | null | undefined): string => (at === null || at === undefined ? '' : formatChinaTime(at))

function ratingLabel(rating: Rating | undefined): string {
  if (!rating) return ''
  if (rating.byDefault) return '默认满意'
  const answer = `${SOLVED_LABELS[rating.solved]}，${SATISFACTION_LABELS[rating.satisfaction]}`
  return rating.byCall ? `${answer}（回访）` : answer
}

/** The sheet's title: what it holds, how many, and whether the limit cut it. */
function sheetTitle(what: string, total: number, shown: number): string {
  const cut =
    shown < total ? `；超过 ${EXPORT_ROW_LIMIT} 条，只导出了前 ${shown} 条，请缩短时段或按下级单位分别导出` : ''
  return `${what}（共 ${total} 条${cut}）`
}

const CASE_COLUMNS = [
  { header: '编号', width: 14 },
  { header: '类别', width: 10 },
  { header: '紧急程度', width: 8 },
  { header: '状态', width: 10 },
  { header: '社区/小区', width: 14 },
  { header: '提交时间', width: 17 },
  { header: '派单时间', width: 17 },
  { header: '责任单位', width: 14 },
  { header: '承办人', width: 10 },
  { header: '完成时限', width: 17 },
  { header: '办结时间', width: 17 },
  { header: '是否逾期', width: 8 },
  { header: '评价', width: 16 },
  { header: '诉求内容', width: 60 },
] as const

/** One case as a row: its description under the export's view rule, 是否逾期 by the one overdue rule. */
function caseRow(doc: Case, unitName: (id: string) => string, now: number): Cell[] {
  const rule = viewRule(EXPORT_LEVEL, namesKnownTo(doc))
  const assignment = doc.assignment
  return [
    doc.number,
    doc.category,
    URGENCY_LABELS[doc.urgency],
    CASE_STATUS_LABELS[doc.status],
    unitName(doc.areaUnitId),
    time(doc.createdAt),
    time(assignment?.assignedAt),
    assignment ? unitName(assignment.responsibleUnitId) : '',
    assignment?.handlerName ?? '',
    time(assignment?.deadline),
    time(doc.closedAt),
    isOverdue(doc, now) ? '是' : '否',
    ratingLabel(doc.ratings.at(-1)),
    rule.text(doc.description),
  ]
}

const VISIT_COLUMNS = [
  { header: '时间', width: 17 },
  { header: '干部', width: 10 },
  { header: '类型', width: 10 },
  { header: '户/单位', width: 30 },
  { header: '人次', width: 6 },
  { header: '意见条数', width: 8 },
] as const

/** One visit: the household's name and address, or the enterprise, masked. */
function visitRow(visit: Visit): Cell[] {
  const rule = viewRule(EXPORT_LEVEL, visit.household ? [visit.household.name] : [])
  const whom = visit.household
    ? `${rule.name(visit.household.name)} ${rule.address(visit.household.address)}`.trim()
    : rule.text(visit.enterpriseName ?? '')
  return [time(visit.at), visit.visitorName, visit.kind, whom, visit.headcount, visit.opinions.length]
}

const CHECKIN_COLUMNS = [
  { header: '干部', width: 10 },
  { header: '联系点', width: 20 },
  { header: '签到', width: 17 },
  { header: '签退', width: 17 },
  { header: '时长（小时）', width: 10 },
  { header: '备注', width: 16 },
] as const

function checkinRow(checkin: Checkin): Cell[] {
  return [
    checkin.personName,
    checkin.contactPointName,
    time(checkin.signedInAt),
    time(checkin.signedOutAt),
    checkin.hours,
    checkin.autoClosed ? '未签退，系统关闭' : checkin.signedOutAt === null ? '尚未签退' : '',
  ]
}

export interface RecordSheet<T> {
  rows: readonly T[]
  /** How many records there are in all (the rows may stop at the limit). */
  total: number
}

/** The three record sheets, titled with their counts. */
export function recordSheets(
  records: { cases: RecordSheet<Case>; visits: RecordSheet<Visit>; checkins: RecordSheet<Checkin> },
  unitName: (id: string) => string,
  now: number,
): SheetSpec[] {
  const { cases, visits, checkins } = records
  return [
    {
      name: '诉求',
      title: sheetTitle('本期提交的诉求', cases.total, cases.rows.length),
      columns: CASE_COLUMNS,
      rows: cases.rows.map((doc) => caseRow(doc, unitName, now)),
    },
    {
      name: '走访',
      title: sheetTitle('本期走访', visits.total, visits.rows.length),
      columns: VISIT_COLUMNS,
      rows: visits.rows.map(visitRow),
    },
    {
      name: '签到',
      title: sheetTitle('本期签到', checkins.total, checkins.rows.length),
      columns: CHECKIN_COLUMNS,
      rows: checkins.rows.map(checkinRow),
    },
  ]
}

const rateCell = (rate: Rate): Cell => (rate.value === null ? '—' : { percent: rate.value })

function rateRows(rates: Dashboard['rates']): Cell[][] {
  const formula = (top: string, bottom: string, rate: Rate) =>
    `${top} ÷ ${bottom} = ${rate.numerator} ÷ ${rate.denominator}`
  return [
    ...RATE_FORMULAS.map(({ key, name, top, bottom }) => [
      name,
      rateCell(rates[key]),
      formula(top, bottom, rates[key]),
    ]),
    ['默认满意（件）', rates.defaultRated, '超期未评价，另列，不计入上面的解决率和满意率'],
    ['含默认满意的解决率', rateCell(rates.solvedWithDefault), formula('已解决', '评价', rates.solvedWithDefault)],
    [
      '含默认满意的满意率',
      rateCell(rates.satisfiedWithDefault),
      formula('满意 + 基本满意', '评价', rates.satisfiedWithDefault),
    ],
    ['本期销号（次）', rates.closures, '重办后再次销号的计两次'],
  ]
}

function breakdownRows(data: Dashboard): Cell[][] {
  return [
    ['按类别（梳理问题）', null, null],
    ...data.byCategory.map((row) => [row.category, row.total, `已销号办结 ${row.closed}，推进整改中 ${row.working}`]),
    ...(data.ranking.length > 0 ? [['下级单位（梳理问题）', null, null] as Cell[]] : []),
    ...data.ranking.map((row) => [
      row.unit.name,
      row.total,
      `办结 ${row.closed}，逾期 ${row.overdue}，响应率 ${formatRate(row.rates.response.value)}，` +
        `解决率 ${formatRate(row.rates.solved.value)}，满意率 ${formatRate(row.rates.satisfied.value)}`,
    ]),
    ['每周走势（新增诉求）', null, null],
    ...data.trend.map((week) => [
      `${week.label} 起一周`,
      week.submitted,
      `销号 ${week.closures}，下沉 ${week.signIns} 人次`,
    ]),
  ]
}

/** 统计: the dashboard's figures with the dashboard's labels and formulas, and the 工作简报. */
export function figuresSheet(data: Dashboard): SheetSpec {
  const { cases, fieldwork } = data
  return {
    name: '统计',
    title: `${data.unit.name} ${data.period.label} 统计`,
    columns: [
      { header: '指标', width: 22 },
      { header: '数值', width: 12 },
      { header: '说明', width: 60 },
    ],
    rows: [
      ['诉求办理', null, null],
      ...CASE_FIGURE_LABELS.map(({ key, label }) => [label, cases[key], null]),
      ['三率', null, null],
      ...rateRows(data.rates),
      ['下沉走访', null, null],
      ...FIELDWORK_FIGURE_LABELS.map(({ key, label }) => [label, fieldwork[key], null]),
      ...breakdownRows(data),
      ['工作简报标题', null, data.briefing.title],
      ['工作简报', null, data.briefing.text],
    ],
  }
}

/** `东湖办事处-2026年11月-民情通统计.xlsx`: unit and period, nothing a file system refuses. */
export function exportFileName(data: Pick<Dashboard, 'unit' | 'period'>): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '')
  return `${safe(data.unit.name)}-${safe(data.period.label)}-民情通统计.xlsx`
}
