import ExcelJS from 'exceljs'
import type { Case } from '@core/case/case'
import type { ContactPoint } from '@core/fieldwork/fieldwork'
import type { ExportWorkbook } from '@core/export/export.schemas'
import type { Dashboard } from '@core/stats/dashboard.schemas'
import { HOUR_MS } from '@core/time'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

/** 2026-03-10 09:00 at UTC+8. */
const START = Date.UTC(2026, 2, 10, 1, 0, 0)
const CENTRE = { lat: 30.4321, lng: 112.8876 }

/** What was seeded that must never appear in a cell unmasked. */
const SECRETS = [
  '13812345678',
  '138 1234 5678',
  '0728-6231234',
  '13912345678',
  '420102199001011234',
  '501室',
  '302室',
  '8号',
  '张秀兰',
  '李建国',
  '孙桂芳',
]

let deps: Deps
let numbers: string[]

async function act(openid: string, id: string, action: string, params: Record<string, unknown> = {}) {
  const doc = (await deps.store.get<Case>('cases', id)) as Case
  return data(await call(deps, openid, { action, id, expectedVersion: doc.version, ...params }))
}

const later = (hours: number) => (deps.clock.current += hours * HOUR_MS)

/**
 * The fixed data set: in A办事处's area two cases (one worked to the end and rated, one assigned
 * and never 签收'd), one in B办事处's; a door-knock on a tagged household and an enterprise visit;
 * one sign-in of 2.5 hours. Then the clock moves on to 2026-03-12 09:00, past case 2's 签收 limit.
 */
async function seed(): Promise<void> {
  deps = await makeDeps(START)
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
  await addUser(deps, 'res-1', 'resident', { name: '居民甲' })
  const first = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-1',
      submitEvent({
        areaUnitId: 'estate-a',
        description: '我是张秀兰，住柳岸小区3栋2单元501室，电话138 1234 5678，身份证420102199001011234，楼道灯坏了。',
        reporter: { name: '张秀兰', phone: '13812345678' },
      }),
    ),
  )
  later(1) // 10:00
  const assign = { leadOfficial: '陈书记', responsibleUnitId: 'office-a', handlerOpenid: 'cadre-a', standard: '灯修好' }
  await act('sup-a', first.id, 'assign', assign)
  later(1) // 11:00
  await act('cadre-a', first.id, 'acknowledge')
  later(3) // 14:00
  await act('cadre-a', first.id, 'requestClosure', { note: '已更换灯泡', standardMet: '灯已亮' })
  later(1) // 15:00
  await act('sup-a', first.id, 'approveClosure')
  later(1) // 16:00
  await act('res-1', first.id, 'rate', { solved: 'solved', satisfaction: 'satisfied', comment: '' })
  const second = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-1',
      submitEvent({
        areaUnitId: 'estate-a',
        category: '养老',
        description: '李建国家门口（8号）路面塌陷，请联系0728-6231234。',
        reporter: { name: '李建国', phone: '0728-6231234' },
      }),
    ),
  )
  later(1) // 17:00
  await act('sup-a', second.id, 'assign', { ...assign, standard: '路面修复' })
  const third = data<{ number: string }>(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-b' })))
  numbers = [first.number, second.number, third.number]
  await fieldwork()
  deps.clock.current = Date.UTC(2026, 2, 12, 1, 0, 0) // 2026-03-12 09:00
}

async function fieldwork(): Promise<void> {
  const point = data<ContactPoint>(
    await call(
      deps,
      'sup-a',
      {
        action: 'createContactPoint',
        type: '联系生产队/小区',
        name: 'A小区联系点',
        unitId: 'estate-a',
        position: { ...CENTRE, system: 'wgs84' },
        cadreOpenids: ['cadre-a'],
      },
      'fieldwork',
    ),
  )
  deps.clock.current = Date.UTC(2026, 2, 11, 0, 0, 0) // 2026-03-11 08:00
  const position = { ...CENTRE, system: 'wgs84', accuracy: 10 }
  data(await call(deps, 'cadre-a', { action: 'signIn', contactPointId: point._id, position }, 'fieldwork'))
  const visit = { action: 'recordVisit', durationMinutes: 30, areaUnitId: 'estate-a' }
  later(0.5) // 08:30
  data(
    await call(
      deps,
      'cadre-a',
      {
        ...visit,
        clientRequestId: 'visit-door-0001',
        kind: '敲门入户',
        household: { name: '孙桂芳', address: '柳岸小区5栋1单元302室', tags: ['独居老人'] },
        headcount: 2,
        opinions: ['希望楼道加装扶手，孙桂芳电话13912345678', '垃圾清运不及时'],
      },
      'fieldwork',
    ),
  )
  later(1) // 09:30
  data(
    await call(
      deps,
      'cadre-a',
      {
        ...visit,
        clientRequestId: 'visit-firm-0001',
        kind: '走访企业',
        enterpriseName: '鑫达机械厂',
        headcount: 5,
        opinions: ['用工难'],
      },
      'fieldwork',
    ),
  )
  later(1) // 10:30
  data(await call(deps, 'cadre-a', { action: 'signOut', position }, 'fieldwork'))
}

beforeAll(seed)
afterAll(() => deps.store.close())

const exportAs = (openid: string | null, params: Record<string, unknown> = {}) =>
  call(deps, openid, { action: 'workbook', ...params }, 'exports')

async function workbookOf(answer: ExportWorkbook): Promise<ExcelJS.Workbook> {
  const file = await deps.files.read(answer.fileId)
  if (!file) throw new Error(`no file ${answer.fileId}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(file.bytes as unknown as ArrayBuffer)
  return book
}

/** A sheet's rows below its title and header, as plain values (empty cells as null). */
function rowsOf(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, index) => {
    if (index <= 2) return
    rows.push(Array.from({ length: sheet.columnCount }, (_, column) => row.getCell(column + 1).value ?? null))
  })
  return rows
}

function headerOf(book: ExcelJS.Workbook, name: string): unknown[] {
  const sheet = book.getWorksheet(name) as ExcelJS.Worksheet
  return [sheet.getRow(1).getCell(1).value, (sheet.getRow(2).values as unknown[]).slice(1)]
}

describe('the supervisor’s export of his unit for the month', () => {
  let answer: ExportWorkbook
  let book: ExcelJS.Workbook
  beforeAll(async () => {
    answer = data<ExportWorkbook>(await exportAs('sup-a'))
    book = await workbookOf(answer)
  })

  test('is named for the unit and the period, with a download URL and the row counts', () => {
    expect(answer.fileName).toBe('A办事处-2026年3月-民情通统计.xlsx')
    expect(answer.url).toBe(`/files/${answer.fileId}`)
    expect(answer.rows).toEqual({
      cases: { rows: 2, total: 2 },
      visits: { rows: 2, total: 2 },
      checkins: { rows: 1, total: 1 },
    })
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['统计', '诉求', '走访', '签到'])
  })

  test('诉求: one row per case submitted in the area, written out by hand', () => {
    expect(headerOf(book, '诉求')).toEqual([
      '本期提交的诉求（共 2 条）',
      [
        '编号',
        '类别',
        '紧急程度',
        '状态',
        '社区/小区',
        '提交时间',
        '派单时间',
        '责任单位',
        '承办人',
        '完成时限',
        '办结时间',
        '是否逾期',
        '评价',
        '诉求内容',
      ],
    ])
    expect(rowsOf(book, '诉求')).toEqual([
      [
        numbers[0],
        '人居环境',
        '一般',
        '已办结',
        'A小区',
        '2026-03-10 09:00',
        '2026-03-10 10:00',
        'A办事处',
        '王强',
        '2026-03-17 23:59',
        '2026-03-10 15:00',
        '否',
        '已解决，满意',
        '我是张*兰，住柳岸小区3栋2单元***室，电话138****5678，身份证4201**********1234，楼道灯坏了。',
      ],
      [
        numbers[1],
        '养老',
        '一般',
        '已派单',
        'A小区',
        '2026-03-10 16:00',
        '2026-03-10 17:00',
        'A办事处',
        '王强',
        '2026-03-17 23:59',
        null,
        '是',
        null,
        '李*国家门口（***号）路面塌陷，请联系0728-***1234。',
      ],
    ])
  })

  test('走访 and 签到: the visits and sign-ins of the area, the household masked', () => {
    expect(headerOf(book, '走访')).toEqual([
      '本期走访（共 2 条）',
      ['时间', '干部', '类型', '户/单位', '人次', '意见条数'],
    ])
    expect(rowsOf(book, '走访')).toEqual([
      ['2026-03-11 08:30', '王强', '敲门入户', '孙*芳 柳岸小区5栋1单元***室', 2, 2],
      ['2026-03-11 09:30', '王强', '走访企业', '鑫达机械厂', 5, 1],
    ])
    expect(headerOf(book, '签到')).toEqual([
      '本期签到（共 1 条）',
      ['干部', '联系点', '签到', '签退', '时长（小时）', '备注'],
    ])
    expect(rowsOf(book, '签到')).toEqual([['王强', 'A小区联系点', '2026-03-11 08:00', '2026-03-11 10:30', 2.5, null]])
  })

  test('no cell anywhere holds a seeded phone, ID number, door number or name', () => {
    const found: string[] = []
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const text = String(cell.value)
          for (const secret of SECRETS)
            if (text.includes(secret)) found.push(`${sheet.name}!${cell.address}: ${secret}`)
        }),
      )
    }
    expect(found).toEqual([])
  })
})

/**
 * One fixed data set, three outputs, each against figures written out here by hand (never against
 * one another): A办事处, 2026年3月 — 2 cases (1 closed and rated 已解决/满意, 1 assigned, never
 * 签收'd, overdue), 2 派单 of which 1 签收'd in time, 1 sign-in of 2.5 h, a door-knock (2 人次,
 * 2 opinions, a 独居老人 household) and an enterprise visit (5 人次, 1 opinion).
 */
describe('the dashboard, the figures sheet and the 工作简报 of the fixed data set', () => {
  const briefingTitle = 'A办事处2026年3月工作简报'
  const briefingText =
    '本月累计下沉党员干部1人次、2.5小时，走访群众1户、单位1个次，见到群众7人次，收集意见建议3条；' +
    '梳理问题2个，其中立行立改0个、已销号办结1个、正在推进整改1个；响应率50%、解决率100%、满意率100%。'

  test('the dashboard', async () => {
    const shown = data<Dashboard>(await call(deps, 'sup-a', { action: 'dashboard' }, 'stats'))
    expect(shown.cases).toEqual({
      total: 2,
      pending: 0,
      working: 1,
      closed: 1,
      onTheSpot: 0,
      declined: 0,
      merged: 0,
      raisedOnVisit: 0,
      overdue: 1,
    })
    expect([shown.rates.response, shown.rates.solved, shown.rates.satisfied, shown.rates.closures]).toEqual([
      { numerator: 1, denominator: 2, value: 0.5 },
      { numerator: 1, denominator: 1, value: 1 },
      { numerator: 1, denominator: 1, value: 1 },
      1,
    ])
    expect(shown.fieldwork).toEqual({
      signIns: 1,
      hours: 2.5,
      visits: 2,
      doorsKnocked: 1,
      unitVisits: 1,
      peopleMet: 7,
      opinions: 3,
      casesRaised: 0,
      vulnerableOnLedger: 1,
      vulnerableVisited: 1,
    })
    expect(shown.briefing).toEqual({ title: briefingTitle, text: briefingText })
  })

  test('the exported figures sheet', async () => {
    const book = await workbookOf(data<ExportWorkbook>(await exportAs('sup-a')))
    expect(headerOf(book, '统计')).toEqual(['A办事处 2026年3月 统计', ['指标', '数值', '说明']])
    const rows = rowsOf(book, '统计')
    const upTo = rows.findIndex((row) => row[0] === '按类别（梳理问题）')
    expect(rows.slice(0, upTo)).toEqual([
      ['诉求办理', null, null],
      ['梳理问题', 2, null],
      ['待受理', 0, null],
      ['推进整改中', 1, null],
      ['已销号办结', 1, null],
      ['立行立改', 0, null],
      ['逾期', 1, null],
      ['走访中发现', 0, null],
      ['不予受理', 0, null],
      ['已合并', 0, null],
      ['三率', null, null],
      ['响应率', 0.5, '按时签收 ÷ 派单 = 1 ÷ 2'],
      ['解决率', 1, '已解决 ÷ 评价 = 1 ÷ 1'],
      ['满意率', 1, '满意 + 基本满意 ÷ 评价 = 1 ÷ 1'],
      ['默认满意（件）', 0, '超期未评价，另列，不计入上面的解决率和满意率'],
      ['含默认满意的解决率', 1, '已解决 ÷ 评价 = 1 ÷ 1'],
      ['含默认满意的满意率', 1, '满意 + 基本满意 ÷ 评价 = 1 ÷ 1'],
      ['本期销号（次）', 1, '重办后再次销号的计两次'],
      ['下沉走访', null, null],
      ['下沉人次', 1, null],
      ['下沉时长（小时）', 2.5, null],
      ['走访记录（次）', 2, null],
      ['敲门入户（户次）', 1, null],
      ['走访单位（个次）', 1, null],
      ['见到群众（人次）', 7, null],
      ['收集意见建议（条）', 3, null],
      ['走访立案（件）', 0, null],
      ['重点户已走访', 1, null],
      ['重点户在册', 1, null],
    ])
    expect(rows.slice(upTo, upTo + 3)).toEqual([
      ['按类别（梳理问题）', null, null],
      // in the catalogue's order of categories
      ['养老', 1, '已销号办结 0，推进整改中 1'],
      ['人居环境', 1, '已销号办结 1，推进整改中 0'],
    ])
    expect(rows.slice(-2)).toEqual([
      ['工作简报标题', null, briefingTitle],
      ['工作简报', null, briefingText],
    ])
    // Rates are numbers shown as percentages, so that a spreadsheet can compute with them.
    const formats: string[] = []
    ;(book.getWorksheet('统计') as ExcelJS.Worksheet).eachRow((row) => {
      const rate = String(row.getCell(1).value).endsWith('率') && row.getCell(2).value !== null
      if (rate) formats.push(`${row.getCell(1).value} ${row.getCell(2).numFmt}`)
    })
    expect(formats).toEqual([
      '响应率 0.0%',
      '解决率 0.0%',
      '满意率 0.0%',
      '含默认满意的解决率 0.0%',
      '含默认满意的满意率 0.0%',
    ])
  })
})

test('a cadre exports his own records only: the cases he raised, his visits and his sign-ins', async () => {
  const answer = data<ExportWorkbook>(await exportAs('cadre-a'))
  expect([answer.fileName, answer.rows]).toEqual([
    '王强-2026年3月-民情通统计.xlsx',
    { cases: { rows: 0, total: 0 }, visits: { rows: 2, total: 2 }, checkins: { rows: 1, total: 1 } },
  ])
})

test('the admin exports any unit; B办事处 holds the third case only', async () => {
  const answer = data<ExportWorkbook>(await exportAs('admin', { unitId: 'office-b' }))
  const book = await workbookOf(answer)
  expect([answer.fileName, rowsOf(book, '诉求').map((row) => row[0])]).toEqual([
    'B办事处-2026年3月-民情通统计.xlsx',
    [numbers[2]],
  ])
})

test('refusals carry their codes', async () => {
  const refusals = [
    await exportAs('res-1'),
    await exportAs('sup-a', { unitId: 'office-b' }),
    await exportAs('sup-a', { unitId: 'district' }),
    await exportAs('cadre-a', { unitId: 'office-a' }),
    await exportAs('sup-a', { period: { kind: 'range', from: '2026-03-10', to: '2026-03-01' } }),
    await exportAs('sup-a', { period: { kind: 'range', from: '2026-02-30', to: '2026-03-01' } }),
    await exportAs('sup-a', { period: { kind: 'year' } }),
    await exportAs(null),
  ].map((answer) => (answer.ok ? 'ok' : answer.code))
  expect(refusals).toEqual([
    'AUTH.FORBIDDEN',
    'STATS.BAD_UNIT',
    'STATS.BAD_UNIT',
    'STATS.BAD_UNIT',
    'STATS.BAD_PERIOD',
    'STATS.BAD_PERIOD',
    'INPUT.INVALID',
    'AUTH.LOGIN_REQUIRED',
  ])
})

test('without a workbook writer (any other function’s deployment) the action says it is unavailable', async () => {
  const { workbooks, ...rest } = deps
  expect(workbooks).toBeDefined()
  const answer = await call({ ...rest, files: deps.files }, 'sup-a', { action: 'workbook' }, 'exports')
  expect(answer.ok ? 'ok' : answer.code).toBe('EXPORT.UNAVAILABLE')
})
