import type { Browser, Page } from 'playwright-core'
import type { Case } from '@core/case/case'
import {
  H5_BUILD,
  expectNothingOffScreen,
  launchChromium,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { readCollection } from '../support/datafiles'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * Every page as every kind of person on a 375 px phone with the text at twice its size (the
 * browser's text size, which the app follows as it follows WeChat's font setting): something on
 * screen, nothing past the right edge. Screenshots: test-results/screenshots/walk-*.png.
 */

jest.setTimeout(600_000)

const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
/** The people of the demo data, by the label of the demo switcher (null: a first-time visitor). */
const PERSONS: Array<[string, string | null]> = [
  ['visitor', null],
  ['resident', '张秀兰（群众 · 柳岸小区）'],
  ['cadre', '王强（党员干部 · 东湖办事处）'],
  ['supervisor', '陈立新（督办领导 · 东湖办事处）'],
  ['admin', '系统管理员（管理员 · 示范管理区）'],
]
/** Every page of the app (the weapp test checks this list against app.json). */
const ROUTES = [
  'pages/index/index',
  'pages/submit/index',
  'pages/mine/index',
  'pages/case/index',
  'pages/rate/index',
  'pages/me/index',
  'packages/staff/pages/case/index',
  'packages/cadre/pages/checkin/index',
  'packages/cadre/pages/visit/index',
  'packages/cadre/pages/ledger/index',
  'packages/cadre/pages/work/index',
  'packages/cadre/pages/tasks/index',
  'packages/cadre/pages/callbacks/index',
  'packages/cadre/pages/onthespot/index',
  'packages/supervisor/pages/cases/index',
  'packages/supervisor/pages/points/index',
  'packages/supervisor/pages/checkins/index',
  'packages/admin/pages/org/index',
  'packages/admin/pages/users/index',
  'packages/admin/pages/invitations/index',
  'packages/admin/pages/settings/index',
]

let server: RunningServer
let browser: Browser
let caseId: string

beforeAll(async () => {
  requireH5Build()
  const dataDir = tempDir()
  server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  // 张秀兰's case (the one she did not report anonymously), assigned to 王强 and taken on by him:
  // each person sees it as they stand to it.
  const cases = readCollection<Case>(dataDir, 'cases')
  caseId = (cases.find((c) => c.reporter.name === '张秀兰' && !c.reporter.anonymous) as Case)._id
  await act('demo-supervisor-chen', 'assign', {
    leadOfficial: '陈立新',
    responsibleUnitId: 'unit-donghu-office',
    handlerOpenid: 'demo-cadre-wang',
    standard: '一周内修好楼道灯',
  })
  await act('demo-cadre-wang', 'acknowledge', {})
})

/** An action on the walked case, over the local server as the demo user. */
async function act(openid: string, action: string, params: Record<string, unknown>): Promise<void> {
  const current = await fetch(`${server.url}/fn/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': openid },
    body: JSON.stringify({ action: 'get', id: caseId }),
  })
  const { data } = (await current.json()) as { data: { version: number } }
  const response = await fetch(`${server.url}/fn/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': openid },
    body: JSON.stringify({ action, id: caseId, expectedVersion: data.version, ...params }),
  })
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
}

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A phone whose browser text size is 32 px instead of 16 (Chromium's setting, through CDP). */
async function phoneWithLargeText(label: string | null): Promise<Page> {
  const page = label
    ? await openAsDemoUser(browser, server.url, label, PHONE)
    : await (await browser.newContext(PHONE)).newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
  return page
}

/** Loads a page afresh (so the text size is read at start) and waits until its calls are answered. */
async function openAfresh(page: Page, route: string, visit: number): Promise<void> {
  let pending = 0
  let lastChange = Date.now()
  const change = (delta: number) => () => {
    pending += delta
    lastChange = Date.now()
  }
  const started = change(1)
  const finished = change(-1)
  page.on('request', started)
  page.on('requestfinished', finished)
  page.on('requestfailed', finished)
  await page.goto(`${server.url}/?visit=${visit}#/${route}?id=${caseId}`)
  await page.locator('.mq-page:visible').first().waitFor()
  while (pending > 0 || Date.now() - lastChange < 400) await page.waitForTimeout(50)
  page.off('request', started)
  page.off('requestfinished', finished)
  page.off('requestfailed', finished)
}

test.each(PERSONS)('every page as the %s, at 375 px and twice the text size', async (person, label) => {
  const page = await phoneWithLargeText(label)
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  for (const [index, route] of ROUTES.entries()) {
    await openAfresh(page, route, index)
    const shown = await page.locator('.mq-page:visible').first().innerText()
    expect({ route, shown: shown.trim().length > 0 }).toEqual({ route, shown: true })
    await expectNothingOffScreen(page, `${person} ${route}`)
    await screenshot(page, `walk-${person}-${route.replace(/\/index$/, '').replace(/\//g, '-')}`)
  }
  expect(failures).toEqual([])
  await page.context().close()
})
