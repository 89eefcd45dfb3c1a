import type { Browser, Page } from 'playwright-core'
import { dashboardSchema } from '@core/stats/dashboard.schemas'
import {
  H5_BUILD,
  expectAccessible,
  expectNothingOffScreen,
  expectReadableText,
  expectUsableControls,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { DASHBOARD_FIXTURE as FIXTURE } from '../support/dashboard-fixture'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * 统计看板 in the browser, its figures from a fixture: the `stats` call is answered by the test
 * (page.route), so this proves the page and its charts, not the figures (the stats function's own
 * tests do). The fixture is checked against the shared schema first, so the page is tested on an
 * answer the server could give.
 */

jest.setTimeout(300_000)

const DASHBOARD = '/packages/dashboard/pages/index/index'
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
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

test('the fixture is an answer the stats function could give (the shared schema accepts it)', () => {
  expect(dashboardSchema.safeParse(FIXTURE).error?.issues ?? []).toEqual([])
})

/** Answers every `stats` call with the fixture and keeps what the page asked for. */
async function answerStats(page: Page): Promise<Array<Record<string, unknown>>> {
  const asked: Array<Record<string, unknown>> = []
  await page.route('**/fn/stats', async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>
    asked.push(body)
    // The drill-down's list is the stats function's too: an empty page of it.
    const data = body.action === 'records' ? { items: [], total: 0, nextCursor: null, title: '当前逾期' } : FIXTURE
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, data }) })
  })
  return asked
}

/** Waits until `read` answers what `done` accepts (the page calls and moves on its own time). */
async function until<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000
  let value = read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = read()
  }
  return value
}

/** Opens the dashboard as a demo user, its text at `scale` times the standard size. */
async function openDashboard(label: string, scale = 1) {
  const page = await openAsDemoUser(browser, server.url, label, PHONE)
  const asked = await answerStats(page)
  if (scale !== 1) {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * scale, fixed: 13 * scale } })
  }
  await page.goto(`${server.url}/?scale=${scale}#${DASHBOARD}`)
  await page.locator('.dashboard__heading', { hasText: '东湖办事处 · 2026年3月' }).waitFor()
  return { page, asked }
}

/** How many pixels of each chart's canvas are painted (not white or transparent). */
async function paintedPixels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.mq-chart canvas')).map((element) => {
      const canvas = element as HTMLCanvasElement
      const context = canvas.getContext('2d')
      if (!context || canvas.width === 0) return 0
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let painted = 0
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0]
        if (a > 0 && (r < 200 || g < 200 || b < 200)) painted += 1
      }
      return painted
    }),
  )
}

test.each([1, 2])(
  'a supervisor’s dashboard at 375 px and %i× the text: charts drawn, every figure written out',
  async (scale) => {
    const { page, asked } = await openDashboard('陈立新（督办领导 · 东湖办事处）', scale)
    expect(asked[0]).toEqual({ action: 'dashboard', period: { kind: 'month' } })
    // Three charts (categories, weekly trend, ranking), each with something drawn on it.
    await page.locator('.mq-chart canvas').nth(2).waitFor()
    const painted = await paintedPixels(page)
    expect(painted).toHaveLength(3)
    for (const count of painted) expect(count).toBeGreaterThan(500)

    const text = await page.locator('.mq-page:visible').first().innerText()
    // The rates with their formulas and their parts, 默认满意 apart with the figures that count it.
    for (const shown of [
      '响应率 80%',
      '响应率 = 按时签收 ÷ 派单',
      '= 按时签收 12 ÷ 派单 15',
      '解决率 75%',
      '= 已解决 6 ÷ 评价 8',
      '满意率 87.5%',
      '满意率 = 满意 + 基本满意 ÷ 评价',
      '默认满意 2 件',
      '含默认满意的解决率 80%（已解决 8 ÷ 评价 10）',
      '含默认满意的满意率 90%（满意 + 基本满意 9 ÷ 评价 10）',
      // Buckets, fieldwork, the written-out chart figures, the ranking and the briefing.
      '其中立行立改 2 个',
      '131.5',
      '19 / 25',
      '梳理问题 8',
      '3月16日',
      '新增诉求 3',
      '下沉人次 9',
      '柳岸小区',
      '逾期 3 件',
      '东湖办事处 2026年3月 工作简报',
      FIXTURE.briefing.text,
    ]) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true })
    }
    const name = `dashboard supervisor ${scale}×`
    await expectNothingOffScreen(page, name)
    await expectUsableControls(page, name)
    await expectReadableText(page, name)
    if (scale === 1) await expectAccessible(page, name)
    await page.locator('.mq-bar-chart .mq-chart').first().scrollIntoViewIfNeeded()
    await screenshot(page, `dashboard-supervisor-${scale}x-charts`)
    await page.locator('.mq-line-chart .mq-chart').scrollIntoViewIfNeeded()
    await screenshot(page, `dashboard-supervisor-${scale}x-trend`)
    await page.locator('.mq-bar-chart .mq-chart').last().scrollIntoViewIfNeeded()
    await screenshot(page, `dashboard-supervisor-${scale}x-ranking`)
    await page.context().close()
  },
)

test('the ranking sorts by 逾期 and by each rate; the period and the unit are asked for as chosen', async () => {
  const { page, asked } = await openDashboard('陈立新（督办领导 · 东湖办事处）')
  const firstRow = () => page.locator('.dashboard__rank-name').first().innerText()
  expect(await firstRow()).toBe('1. 柳岸小区') // 3 overdue
  await nutButton(page, '按响应率').click()
  expect(await firstRow()).toBe('1. 东湖社区') // 90 % against 60 %
  await nutButton(page, '按解决率').click()
  expect(await firstRow()).toBe('1. 柳岸小区') // 100 % against 66.7 %
  // A unit with nothing to divide comes last, its rate a dash, never 0 %.
  expect(await page.locator('.dashboard__rank-name').last().innerText()).toBe('3. 新建小区')
  await page.locator('.dashboard__rank-row', { hasText: '新建小区' }).getByText('解决率 —').waitFor()

  await nutButton(page, '本周').click()
  expect(
    await until(
      () => asked.length,
      (n) => n >= 2,
    ),
  ).toBe(2)
  expect(asked[1]).toEqual({ action: 'dashboard', period: { kind: 'week' } })
  // 自选时段 asks for nothing until both days are chosen.
  await nutButton(page, '自选时段').click()
  await page.getByText('请选择开始日期和结束日期。').waitFor()
  await page.waitForTimeout(500)
  expect(asked).toHaveLength(2)

  await nutButton(page, '本季度').click()
  expect(
    await until(
      () => asked.length,
      (n) => n >= 3,
    ),
  ).toBe(3)
  await page.locator('.mq-choice', { hasText: '本单位（东湖办事处）' }).click()
  await page.locator('.mq-choice-sheet__option', { hasText: '柳岸小区' }).click()
  expect(
    await until(
      () => asked.length,
      (n) => n >= 4,
    ),
  ).toBe(4)
  expect(asked[3]).toEqual({ action: 'dashboard', period: { kind: 'quarter' }, unitId: 'unit-liuan-estate' })
  await page.context().close()
})

test('every figure opens the records behind it: 逾期 names the figure, the unit and the period', async () => {
  const { page } = await openDashboard('陈立新（督办领导 · 东湖办事处）')
  await page.locator('.dashboard__tile', { hasText: '逾期' }).click()
  expect(
    await until(
      () => decodeURIComponent(page.url()),
      (url) => url.includes('records'),
    ),
  ).toContain('/packages/dashboard/pages/records/index?figure=cases.overdue&unitId=unit-donghu-office&period=month')
  // Back as a person goes back, once the list has come: the title bar's arrow.
  await page.locator('.mq-hint:visible', { hasText: '共 0 条记录' }).waitFor()
  await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
  await page.locator('.dashboard__heading', { hasText: '东湖办事处 · 2026年3月' }).waitFor()
  await page
    .locator('.dashboard__rank-row', { hasText: '柳岸小区' })
    .locator('[role=link]', { hasText: '逾期' })
    .click()
  expect(
    await until(
      () => decodeURIComponent(page.url()),
      (url) => url.includes('records'),
    ),
  ).toContain('records/index?figure=cases.overdue&unitId=unit-liuan-estate&period=month')
  await page.context().close()
})

test('工作简报 is copied whole, its title first', async () => {
  const { page } = await openDashboard('陈立新（督办领导 · 东湖办事处）')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  await nutButton(page, '复制').click()
  await page.getByText('已复制，可粘贴到工作群或材料中。').waitFor()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`${FIXTURE.briefing.title}\n${FIXTURE.briefing.text}`)
  await page.context().close()
})

test('a cadre sees his own figures, with no unit to choose', async () => {
  const { page, asked } = await openDashboard('王强（党员干部 · 东湖办事处）')
  await page.getByText('您本人的工作数据').first().waitFor()
  expect(await page.locator('.mq-choice', { hasText: '本单位' }).count()).toBe(0)
  expect(asked[0]).toEqual({ action: 'dashboard', period: { kind: 'month' } })
  await screenshot(page, 'dashboard-cadre-1x')
  await page.context().close()
})
