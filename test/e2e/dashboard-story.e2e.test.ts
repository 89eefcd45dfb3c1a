import type { Browser } from 'playwright-core'
import {
  H5_BUILD,
  expectNothingOffScreen,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { ASSIGN_TO_WANG, DEMO, demoApi } from '../support/demo-api'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * Closing the loop on real records (no fixture): a case runs late, the supervisor sees it on his
 * dashboard, drills from 逾期 into it, chases it with a 督办 note, the handler answers, and the
 * supervisor hands it to someone else (改派).
 */
jest.setTimeout(300_000)

let server: RunningServer
let browser: Browser
const api = demoApi(() => server.url, 'dashboard-story')
const SUPERVISOR = '陈立新（督办领导 · 东湖办事处）'
const CADRE = '王强（党员干部 · 东湖办事处）'
/** A second cadre of 东湖办事处, made as an admin would. */
const LI = 'e2e-cadre-li'
const PHONE = { viewport: { width: 375, height: 812 } }

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  await api.call(LI, 'users', { action: 'updateMe', name: '李娜' })
  const found = (await api.call(DEMO.admin, 'users', { action: 'list', query: '李娜' })) as {
    items: Array<{ openid: string; version: number }>
  }
  const li = found.items.find((user) => user.openid === LI)
  await api.call(DEMO.admin, 'users', {
    action: 'update',
    openid: LI,
    expectedVersion: li?.version,
    role: 'cadre',
    unitId: 'unit-donghu-office',
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('dashboard → 逾期 → the case → 督办 note → the handler replies → 改派', async () => {
  const late = await api.report('柳岸小区3栋门口的路灯坏了半个月，晚上老人出门摔了一跤。')
  await api.act(DEMO.supervisor, late.id, 'assign', ASSIGN_TO_WANG)
  await api.act(DEMO.cadre, late.id, 'acknowledge')
  // Nine days on: past the 7-day limit of an ordinary case; the 督办 job chases it.
  await api.dev('/dev/clock', { offsetHours: 9 * 24 })
  await api.dev('/dev/jobs/supervise')

  // The dashboard counts it among 逾期 (this quarter: the case and the clock may straddle a month end).
  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  await supervisor.goto(`${server.url}/#/packages/dashboard/pages/index/index`)
  await supervisor.locator('.dashboard__heading:visible', { hasText: '东湖办事处' }).waitFor()
  await nutButton(supervisor, '本季度').click()
  const overdue = supervisor.locator('.dashboard__tile:visible', { hasText: '逾期' }).first()
  await overdue.locator('.dashboard__tile-value', { hasText: /^[1-9]\d*$/ }).waitFor()
  await supervisor.locator('canvas.mq-chart:visible, .mq-chart:visible canvas').first().waitFor()
  await screenshot(supervisor, '70-story-dashboard')
  await expectNothingOffScreen(supervisor, 'dashboard with real figures')

  // 逾期 opens the cases behind it, this one among them, saying how late it is.
  await overdue.click()
  const row = supervisor.locator('.mq-case-row:visible', { hasText: late.number })
  await row.getByText(/办结逾期 \d+ 天 \d+ 小时/).waitFor()
  await screenshot(supervisor, '71-story-overdue-records')
  await row.click()
  await supervisor.locator('.staff__supervision textarea').waitFor()

  // 督办: the note the handler must answer.
  await supervisor.locator('.staff__supervision textarea').fill('路灯今天必须修好，请说明进度')
  await nutButton(supervisor, '发出督办意见').click()
  await supervisor.locator('.mq-success', { hasText: '已发出督办意见' }).waitFor()
  await screenshot(supervisor, '72-story-supervision-note')

  // The handler answers it.
  const cadre = await openAsDemoUser(browser, server.url, CADRE, PHONE)
  await cadre.goto(`${server.url}/#/packages/staff/pages/case/index?id=${late.id}`)
  await cadre.getByText('督办意见（待回复）：路灯今天必须修好，请说明进度').waitFor()
  await cadre.locator('.staff__supervision textarea').fill('灯具已到货，今晚七点前装好')
  await nutButton(cadre, '回复督办').click()
  await cadre.locator('.mq-success', { hasText: '已回复督办' }).waitFor()

  // The supervisor reads the reply, and hands the case to 李娜.
  await supervisor.reload()
  await supervisor
    .locator('.staff__event', { hasText: '经办人回复督办' })
    .getByText('灯具已到货，今晚七点前装好')
    .waitFor()
  await nutButton(supervisor, '改派给其他人').click()
  await supervisor.locator('.staff__reassign-handler').click()
  await supervisor.locator('.mq-picker__option', { hasText: '李娜（党员干部 · 东湖办事处）' }).click()
  await supervisor.locator('.staff__reassign-reason textarea').fill('王强借调防汛，改由李娜办理')
  await nutButton(supervisor, '确认改派').click()
  await supervisor.locator('.mq-success', { hasText: '已改派，等待新的承办人签收' }).waitFor()
  await supervisor.getByText('现在的承办人：李娜。', { exact: false }).waitFor()
  await screenshot(supervisor, '73-story-reassigned')
})
