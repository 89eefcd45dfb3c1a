import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import {
  H5_BUILD,
  expectNothingOffScreen,
  expectUsableControls,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * 导出 Excel in the browser against the real server and its demo data: the supervisor taps the
 * button on the dashboard and the browser downloads the workbook under its name.
 */

jest.setTimeout(300_000)

const DASHBOARD = '/packages/dashboard/pages/index/index'
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN', acceptDownloads: true }
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** This month as the server names it (UTC+8), written out here rather than asked of the code. */
function thisMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000)
  return `${now.getUTCFullYear()}年${now.getUTCMonth() + 1}月`
}

test('the supervisor taps 导出 Excel on the dashboard and the workbook downloads under its name', async () => {
  const page = await openAsDemoUser(browser, server.url, '陈立新（督办领导 · 东湖办事处）', PHONE)
  await page.goto(`${server.url}/#${DASHBOARD}`)
  await page.locator('.dashboard__heading', { hasText: '东湖办事处' }).waitFor()
  const button = nutButton(page, '导出 Excel')
  await button.scrollIntoViewIfNeeded()
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  const fileName = `东湖办事处-${thisMonth()}-民情通统计.xlsx`
  expect(download.suggestedFilename()).toBe(fileName)
  const notice = page.getByText(`已导出 ${fileName}`)
  await notice.waitFor()
  await notice.scrollIntoViewIfNeeded()
  await expectNothingOffScreen(page, 'dashboard-export')
  await expectUsableControls(page, 'dashboard-export')
  await screenshot(page, 'dashboard-export-375')

  // The file is the workbook: its sheets, and none of the demo reporters' phones or names.
  const saved = path.join(tempDir(), fileName)
  await download.saveAs(saved)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer)
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['统计', '诉求', '走访', '签到'])
  const cells: string[] = []
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))))
  const secrets = ['13800000001', '0728-6231234', '13800000003', '张秀兰', '李建国', '李德明']
  expect(cells.filter((cell) => secrets.some((secret) => cell.includes(secret)))).toEqual([])
  await page.context().close()
})
