import type { Browser } from 'playwright-core'
import type { Case } from '@core/case/case'
import {
  H5_BUILD,
  agreeToPrivacy,
  expectAccessible,
  expectNothingOffScreen,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { readCollection } from '../support/datafiles'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(240_000)

// 柳岸小区联系点 of the demo data is at 30.4285, 112.8912 (WGS-84), radius 300 m.
const NEAR = { latitude: 30.429, longitude: 112.8912, accuracy: 15 }
const CADRE = '王强（党员干部 · 东湖办事处）'
const SUPERVISOR = '陈立新（督办领导 · 东湖办事处）'
/** A phone screen: what cadres and supervisors hold. */
const PHONE = { viewport: { width: 375, height: 812 } }

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  requireH5Build()
  dataDir = tempDir()
  server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function post(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(200)
}

test('a cadre raises a case on a visit; his supervisor is told, assigns it to him; he opens it from the message and from 我的任务, 签收s and works it; 未签退 shows after the job', async () => {
  const cadre = await openAsDemoUser(browser, server.url, CADRE, {
    ...PHONE,
    geolocation: NEAR,
    permissions: ['geolocation'],
  })

  // He signs in at his contact point (and, as it turns out, forgets to sign out).
  await cadre.goto(`${server.url}/#/packages/cadre/pages/checkin/index`)
  await agreeToPrivacy(cadre)
  await nutButton(cadre, '在此签到').first().click()
  await cadre.locator('.mq-success', { hasText: '已在“柳岸小区联系点”签到' }).waitFor()

  // A visit on which a resident tells him of a problem: he raises it as a case.
  await cadre.goto(`${server.url}/#/packages/cadre/pages/visit/index`)
  await cadre.locator('.visit__area').click()
  await cadre.getByText('东湖办事处 · 柳岸小区').click()
  await cadre.locator('.mq-choice-sheet').waitFor({ state: 'hidden' })
  await cadre.locator('input[placeholder="户主姓名"]').fill('钱桂兰')
  await cadre.locator('input[placeholder="住址，例如 柳岸小区3栋101"]').fill('柳岸小区5栋201')
  await cadre.locator('.nut-radio', { hasText: /^安全隐患$/ }).click()
  await cadre.locator('.visit__case-description textarea').fill('5栋楼道堆满杂物，消防通道被堵')
  await cadre.locator('input[placeholder="反映人姓名"]').fill('钱桂兰')
  await cadre.locator('input[placeholder="反映人电话"]').fill('13812340000')
  await nutButton(cadre, '加入立案').click()
  await nutButton(cadre, '提交走访记录').click()
  await cadre.locator('.mq-success', { hasText: '走访已记录，立案 1 件' }).waitFor()
  const raised = readCollection<Case>(dataDir, 'cases').find((c) => c.description.includes('消防通道被堵')) as Case
  expect(raised).toMatchObject({ source: 'visit', status: 'submitted', followerOpenids: [] })

  // The supervisor of the area was told at once; the message opens the case on his workbench.
  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  const notice = supervisor.locator('.demo__message', { hasText: `有新的群众诉求待派单 · ${raised.number}` })
  await notice.waitFor()
  await screenshot(supervisor, '30-supervisor-new-case-message')
  await notice.click()
  await supervisor.getByText(/来源：干部走访/).waitFor()
  await supervisor.locator('.staff__handler').click()
  await supervisor.locator('.mq-picker__option', { hasText: CADRE }).waitFor()
  await screenshot(supervisor, '31a-supervisor-handler-picker')
  await expectNothingOffScreen(supervisor, 'handler picker')
  await supervisor.locator('.mq-picker__option', { hasText: CADRE }).click()
  await supervisor.locator('.mq-picker__option').first().waitFor({ state: 'hidden' })
  await supervisor.locator('.staff__standard textarea').fill('三天内清空5栋楼道杂物，消防通道畅通')
  await screenshot(supervisor, '31-supervisor-assigns-to-raiser')
  await expectNothingOffScreen(supervisor, 'staff case (dispatch)')
  await supervisor.locator('.staff__assign').click()
  await supervisor.locator('.mq-success', { hasText: '已派单' }).waitFor()

  // The cadre: the task message opens the staff page of the case he raised — not a blank page.
  await cadre.goto(`${server.url}/`)
  const task = cadre.locator('.demo__message', { hasText: `您有新的办理任务 · ${raised.number}` })
  await task.waitFor()
  await task.click()
  await cadre.locator('.staff__acknowledge').waitFor()
  await cadre.locator('.staff__description', { hasText: '5栋楼道堆满杂物，消防通道被堵' }).waitFor()
  await screenshot(cadre, '32-cadre-task-from-message')
  await expectAccessible(cadre, 'staff case (acknowledge)')
  await expectNothingOffScreen(cadre, 'staff case (acknowledge)')

  // …and from 我的任务.
  await cadre.goto(`${server.url}/#/packages/cadre/pages/tasks/index`)
  // Pages beneath stay in the document (hidden): the row on the page in view.
  await cadre.locator('.mq-case-row:visible', { hasText: raised.number }).click()
  await cadre.locator('.staff__acknowledge').click()
  await cadre.locator('.mq-success', { hasText: '已签收' }).waitFor()
  await cadre.locator('.staff__progress textarea').fill('已联系物业，明天上午清运')
  await cadre.locator('.staff__add-progress').click()
  await cadre.locator('.mq-success', { hasText: '已记录进展' }).waitFor()
  await screenshot(cadre, '33-cadre-works-raised-case')
  await expectNothingOffScreen(cadre, 'staff case (work)')
  const worked = readCollection<Case>(dataDir, 'cases').find((c) => c._id === raised._id) as Case
  expect(worked.timeline.map((event) => event.type)).toEqual(['submit', 'assign', 'acknowledge', 'addProgress'])
  // Typed in for someone else, the case is not in his own 我的诉求.
  await cadre.goto(`${server.url}/#/pages/mine/index`)
  await cadre.getByText('您还没有反映过问题').waitFor()

  // 13 hours on, the scheduled job closes the sign-in he left open: 我的工作 says 未签退.
  await post('/dev/clock', { offsetHours: 13 })
  await post('/dev/jobs/close-open-checkins')
  await cadre.goto(`${server.url}/#/packages/cadre/pages/work/index`)
  await cadre.locator('.work__checkins', { hasText: '未签退（按上限计时）' }).waitFor()
  await cadre.locator('.work__checkins', { hasText: '12 小时' }).waitFor()
  await screenshot(cadre, '34-cadre-work-unsigned-out')
  await expectAccessible(cadre, 'my work')
  await expectNothingOffScreen(cadre, 'my work')

  // The supervisor sees the same over his subtree.
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/checkins/index`)
  await supervisor.locator('.mq-checkin-row', { hasText: '王强 · 柳岸小区联系点' }).waitFor()
  await supervisor
    .getByText(/未签退（按上限计时）/)
    .first()
    .waitFor()
  await screenshot(supervisor, '35-supervisor-scope-checkins')
  await expectAccessible(supervisor, 'scope checkins')
  await expectNothingOffScreen(supervisor, 'scope checkins')
})
