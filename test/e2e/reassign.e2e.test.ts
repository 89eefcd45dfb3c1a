import type { Browser, Page } from 'playwright-core'
import {
  H5_BUILD,
  expectAccessible,
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

jest.setTimeout(240_000)

let server: RunningServer
let browser: Browser
const api = demoApi(() => server.url, 'reassign-e2e')

/** A second cadre of 东湖办事处, made as an admin would: she first opens the app, then gets the role. */
const SUN = 'e2e-cadre-sun'

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  await api.call(SUN, 'users', { action: 'updateMe', name: '孙丽' })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** At 375 px, the narrowest phone the campaign's officials use. */
const as = (label: string) => openAsDemoUser(browser, server.url, label, { viewport: { width: 375, height: 812 } })

async function myTasks(page: Page): Promise<void> {
  await page.goto(`${server.url}/#/packages/cadre/pages/tasks/index`)
  await page.getByText('我的任务').first().waitFor()
}

/** The messages about one case, oldest first, with their titles. */
async function outbox(caseNumber: string): Promise<string[]> {
  const response = await fetch(`${server.url}/dev/outbox`)
  const { data } = (await response.json()) as {
    data: Array<{ template: string; recipient: string; caseNumber: string; title: string }>
  }
  return data
    .filter((m) => m.caseNumber === caseNumber && m.template.startsWith('task'))
    .reverse()
    .map((m) => `${m.recipient}: ${m.title}`)
}

test('陈立新 reassigns 王强’s case to 孙丽 at 375 px; she signs it in 我的任务, he no longer has it; 停用 of 孙丽 is then refused, naming it', async () => {
  // 孙丽 becomes a cadre of 东湖办事处.
  const found = (await api.call(DEMO.admin, 'users', { action: 'list', query: '孙丽' })) as {
    items: Array<{ openid: string; version: number }>
  }
  const sun = found.items.find((user) => user.openid === SUN)
  await api.call(DEMO.admin, 'users', {
    action: 'update',
    openid: SUN,
    expectedVersion: sun?.version,
    role: 'cadre',
    unitId: 'unit-donghu-office',
  })

  // She accepts the task messages in WeChat (消息提醒).
  await api.call(SUN, 'users', { action: 'subscribe', templates: ['taskAssigned'] })

  // A case 王强 has signed and works on.
  const { id, number } = await api.report('柳岸小区5栋门口下水道堵了，污水漫到路上。')
  await api.act(DEMO.supervisor, id, 'assign', ASSIGN_TO_WANG)
  await api.act(DEMO.cadre, id, 'acknowledge')

  // The supervisor reassigns it, with a reason.
  const supervisor = await as('陈立新（督办领导 · 东湖办事处）')
  await supervisor.goto(`${server.url}/#/packages/staff/pages/case/index?id=${id}`)
  await supervisor.locator('.staff__reassign').waitFor()
  await supervisor.getByText('现在的承办人：王强。', { exact: false }).waitFor()
  await nutButton(supervisor, '改派给其他人').click()
  await supervisor.locator('.staff__reassign-handler').click()
  await supervisor.locator('.mq-picker__option', { hasText: '孙丽（党员干部 · 东湖办事处）' }).click()
  await supervisor.locator('.staff__reassign-handler', { hasText: '孙丽' }).waitFor()
  await supervisor.locator('.staff__reassign-reason textarea').fill('王强本周借调到区里防汛，改由孙丽办理')
  await screenshot(supervisor, '40-supervisor-reassign-sheet')
  await expectNothingOffScreen(supervisor, 'reassign sheet')
  await nutButton(supervisor, '确认改派').click()
  await supervisor.locator('.mq-success', { hasText: '已改派，等待新的承办人签收' }).waitFor()
  await supervisor.getByText('现在的承办人：孙丽。', { exact: false }).waitFor()
  await supervisor.getByText('由王强改派给孙丽。理由：王强本周借调到区里防汛，改由孙丽办理').waitFor()
  await screenshot(supervisor, '41-supervisor-reassigned')
  await expectAccessible(supervisor, 'reassigned case')

  // 孙丽 finds it in 我的任务 and signs it.
  const newHandler = await as('孙丽（党员干部 · 东湖办事处）')
  await myTasks(newHandler)
  await newHandler.getByText('共 1 件', { exact: false }).waitFor()
  await newHandler.locator('.mq-case-row:visible', { hasText: number }).click()
  await newHandler.locator('.staff__acknowledge').click()
  await newHandler.locator('.mq-success', { hasText: '已签收' }).waitFor()
  await screenshot(newHandler, '42-new-handler-signed')

  // 王强 no longer has it.
  const oldHandler = await as('王强（党员干部 · 东湖办事处）')
  await myTasks(oldHandler)
  await oldHandler.getByText('暂时没有要办的诉求。').waitFor()
  await screenshot(oldHandler, '43-old-handler-tasks')
  expect(await oldHandler.locator('.mq-case-row:visible', { hasText: number }).count()).toBe(0)

  expect(await outbox(number)).toEqual([
    'demo-cadre-wang: 您有新的办理任务',
    `${SUN}: 您有新的办理任务`,
    'demo-cadre-wang: 您的办理任务已改派他人',
  ])

  // The reporter reads that someone new works on it, not the office's reason.
  const resident = await as('张秀兰（群众')
  await resident.goto(`${server.url}/#/pages/case/index?id=${id}`)
  await resident.getByText('已安排新的办理人员').waitFor()
  await screenshot(resident, '45-resident-reassigned')
  expect(await resident.getByText('借调', { exact: false }).count()).toBe(0)

  // The admin may not deactivate 孙丽 while she handles it: the refusal names the case, beside the button.
  const admin = await as('系统管理员（管理员 · ')
  await admin.goto(`${server.url}/#/packages/admin/pages/users/index`)
  await admin.locator('.admin__input input').fill('孙丽')
  await nutButton(admin, /^搜索$/).click()
  await admin.locator('.admin__row', { hasText: '孙丽' }).click()
  await nutButton(admin, '停用账号').click()
  await admin.locator('.mq-confirm__yes', { hasText: '停用' }).click()
  await admin.locator('.mq-error', { hasText: `孙丽还在承办 1 条未办结的诉求：${number}。` }).waitFor()
  await screenshot(admin, '44-admin-deactivation-refused')
  await expectNothingOffScreen(admin, 'deactivation refused')
  await expectAccessible(admin, 'deactivation refused')
  // Nothing changed: she is still active.
  await admin.getByText('孙丽 · 党员干部 · 已停用').waitFor({ state: 'detached' })
  expect(await admin.locator('.admin__row', { hasText: '已停用' }).filter({ hasText: '孙丽' }).count()).toBe(0)
})
