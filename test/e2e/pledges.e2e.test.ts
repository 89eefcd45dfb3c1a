import type { Browser, Page } from 'playwright-core'
import { H5_BUILD, checkedScreen, launchChromium, nutButton, openAsDemoUser, requireH5Build } from '../support/browser'
import { DEMO, demoApi } from '../support/demo-api'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(240_000)

const SUPERVISOR = '陈立新（督办领导 · 东湖办事处）'
const ADMIN = '系统管理员（管理员 · 示范管理区）'
/** A phone screen: what supervisors hold. */
const PHONE = { viewport: { width: 375, height: 812 } }

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

const { call, report } = demoApi(() => server.url, 'pledges')
/** The case the first test assigns as a 领办. */
let pledgedId = ''

/** One row of the board, by the leader's or unit's name. */
const boardRow = (page: Page, name: string) =>
  page.locator('.pledges__row', { has: page.locator('.pledges__name', { hasText: new RegExp(`^${name}$`) }) })

test('a supervisor makes a case his own and his office’s 领办 at 派单, then sees it counted on the board', async () => {
  const reported = await report('柳岸小区3栋与4栋之间的路面塌陷，下雨积水很深，老人孩子不敢走。')
  pledgedId = reported.id

  // 陈立新 (a leader: 其他领导) opens the case: he is the 领办领导 to start with.
  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  await supervisor.goto(`${server.url}/#/packages/staff/pages/case/index?id=${reported.id}`)
  await supervisor.locator('.staff__leader', { hasText: '陈立新（其他领导·东湖办事处）' }).waitFor()
  await supervisor.locator('.staff__handler').click()
  await supervisor.locator('.mq-picker__option', { hasText: '王强（党员干部 · 东湖办事处）' }).click()
  await supervisor.locator('.nut-overlay').first().waitFor({ state: 'hidden' })
  await supervisor.locator('.staff__standard textarea').fill('一周内修复塌陷路面，雨后无积水')
  await supervisor.getByText('列为这位领导的领办').click()
  await supervisor.getByText('列为东湖办事处的领办').click()
  await checkedScreen(supervisor, '80-supervisor-assign-pledge')
  await nutButton(supervisor, /^派单$/).click()
  await supervisor.locator('.mq-success', { hasText: '已派单' }).waitFor()
  await supervisor.getByText('领办：由陈立新、东湖办事处领办').waitFor()
  await supervisor.locator('.staff__pledge-now', { hasText: '现由陈立新、东湖办事处领办' }).waitFor()
  await supervisor.locator('.staff__event', { hasText: '由陈立新、东湖办事处领办' }).waitFor()

  // The reporter reads who takes it on.
  const mine = await call(DEMO.resident, 'cases', { action: 'get', id: reported.id })
  expect((mine.timeline as Array<{ note: string }>).at(-1)?.note).toBe(
    '解决标准：一周内修复塌陷路面，雨后无积水。由陈立新、东湖办事处领办',
  )

  // From his home, 领办情况: this month he has taken on 1 of 1; 东湖办事处 1 of 2, short by one.
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/home/index`)
  await nutButton(supervisor, /^领办情况$/).click()
  const chen = boardRow(supervisor, '陈立新')
  await chen.getByText('应领办 1').waitFor()
  await chen.getByText('已领办 1').waitFor()
  await chen.getByText('已办结 0').waitFor()
  await chen.getByText('已达到应领办数').waitFor()
  const office = boardRow(supervisor, '东湖办事处')
  await office.getByText('应领办 2').waitFor()
  await office.getByText('已领办 1').waitFor()
  await office.getByText('未达到：还差 1 件').waitFor()
  // 东湖社区 has taken on nothing: short by two; the summary counts who is short, in words.
  await boardRow(supervisor, '东湖社区').getByText('未达到：还差 2 件').waitFor()
  await supervisor.locator('.pledges__summary', { hasText: '有 2 位领导或单位未达到应领办数' }).waitFor()
  await supervisor.getByText(/已办结：其中现在已销号办结的件数/).waitFor()
  await checkedScreen(supervisor, '81-supervisor-pledge-board')

  // Last month: nothing taken on.
  await nutButton(supervisor, '上个月').click()
  await boardRow(supervisor, '陈立新').getByText('已领办 0').waitFor()
  await supervisor.context().close()
})

test('at twice the text size: the board and the case’s 领办 panel', async () => {
  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  const cdp = await supervisor.context().newCDPSession(supervisor)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
  await supervisor.goto(`${server.url}/?large=1#/packages/supervisor/pages/pledges/index`)
  await boardRow(supervisor, '陈立新')
    .getByText(/^应领办 1$/)
    .waitFor()
  await checkedScreen(supervisor, '82-supervisor-pledge-board-2x')
  await supervisor.goto(`${server.url}/?large=1#/packages/staff/pages/case/index?id=${pledgedId}`)
  await supervisor.locator('.staff__pledge-save').waitFor()
  await supervisor.locator('.staff__pledge').scrollIntoViewIfNeeded()
  await checkedScreen(supervisor, '83-supervisor-pledge-panel-2x')
  await supervisor.context().close()
})

test('an admin makes 王强 a 主要领导; he is then on the board with 2 a month, and offered as a leader', async () => {
  const admin = await openAsDemoUser(browser, server.url, ADMIN, PHONE)
  await admin.goto(`${server.url}/#/packages/admin/pages/users/index`)
  await admin.locator('.admin__row', { hasText: '王强' }).first().click()
  await admin.locator('.admin__rank').getByText('主要领导').click()
  await checkedScreen(admin, '84-admin-leader-rank')
  await nutButton(admin, /^保存$/).click()
  await admin.locator('.mq-success', { hasText: '已保存' }).waitFor()
  await admin.locator('.admin__row', { hasText: '王强 · 党员干部 · 主要领导' }).waitFor()

  const leaders = await call(DEMO.supervisor, 'users', { action: 'listLeaders' })
  expect(leaders).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: '王强', leaderRank: 'principal', unitName: '东湖办事处' }),
    ]),
  )

  await admin.goto(`${server.url}/#/packages/supervisor/pages/pledges/index`)
  const wang = boardRow(admin, '王强')
  await wang.getByText('主要领导').waitFor()
  await wang.getByText('应领办 2').waitFor()
  await wang.getByText('未达到：还差 2 件').waitFor()
  await checkedScreen(admin, '85-admin-pledge-board')
  await admin.context().close()
})
