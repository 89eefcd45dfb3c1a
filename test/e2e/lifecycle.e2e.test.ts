import type { Browser, Page } from 'playwright-core'
import {
  H5_BUILD,
  agreeToPrivacy,
  expectAccessible,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { endOfChinaDayAfter } from '@core/case/time-limits'
import { formatChinaTime } from '@core/time'
import { TINY_PNG } from '../support/images'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(240_000)

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

const as = (label: string) => openAsDemoUser(browser, server.url, label)

async function openStaffCase(page: Page, caseId: string) {
  await page.goto(`${server.url}/#/packages/staff/pages/case/index?id=${caseId}`)
  await page.getByText('办理记录').waitFor()
}

/** The messages about one case, oldest first. */
async function outbox(caseNumber: string): Promise<string[]> {
  const response = await fetch(`${server.url}/dev/outbox`)
  const { data } = (await response.json()) as {
    data: Array<{ template: string; recipient: string; caseNumber: string }>
  }
  return data
    .filter((m) => m.caseNumber === caseNumber)
    .reverse()
    .map((m) => `${m.template}→${m.recipient}`)
}

test('resident → supervisor → cadre → supervisor → resident: the whole 急难愁盼 story in the browser', async () => {
  // The resident reports.
  const resident = await as('张秀兰（群众 · 柳岸小区）')
  await resident.locator('.home__report').click()
  await resident.locator('.submit__choices').getByText('人居环境', { exact: true }).click()
  await resident.locator('.submit__area').click()
  await resident.getByText('东湖办事处 · 柳岸小区').click()
  await resident.locator('textarea').fill('柳岸小区2栋楼道灯又坏了，晚上老人看不见台阶。')
  await resident.locator('input[placeholder="您的姓名"]').fill('张秀兰')
  await resident.locator('input[placeholder="手机号或带区号的座机号"]').fill('13800000001')
  // Name and phone go to the server: the privacy notice comes first, and the report goes on after 同意.
  await resident.locator('.submit__send').click()
  await agreeToPrivacy(resident)
  await resident.getByText(/提交成功！诉求编号/).waitFor()
  const caseId = new URL(resident.url().replace('#', '')).searchParams.get('id') as string
  const number = (await resident.getByText(/诉求编号 \d{4}-\d{6}，/).textContent())?.match(/\d{4}-\d{6}/)?.[0] as string

  // The supervisor of 东湖办事处 finds it in 待派单 and assigns it.
  const supervisor = await as('陈立新（督办领导 · 东湖办事处）')
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/cases/index`)
  await supervisor.locator('.mq-case-row', { hasText: number }).click()
  await supervisor.locator('.staff__handler').click()
  await supervisor.locator('.mq-picker__option', { hasText: '王强（党员干部 · 东湖办事处）' }).click()
  await supervisor.locator('.nut-overlay').first().waitFor({ state: 'hidden' })
  await supervisor.locator('.staff__standard textarea').fill('两天内修好2栋楼道灯，晚上能看清台阶')
  // Two days are promised, earlier than the 一般 default (7 days): the 完成时限 is set to tomorrow night.
  const tomorrow = endOfChinaDayAfter(Date.now(), 1)
  await supervisor.locator('.staff__deadline').click()
  await supervisor.getByText(formatChinaTime(tomorrow, 'M月D日 HH:mm'), { exact: true }).click()
  await supervisor.locator('.mq-choice-sheet').waitFor({ state: 'hidden' })
  await screenshot(supervisor, '12-supervisor-assign')
  await expectAccessible(supervisor, 'supervisor case')
  await nutButton(supervisor, /^派单$/).click()
  await supervisor.locator('.mq-success', { hasText: '已派单' }).waitFor()
  await supervisor.getByText(`完成时限：${formatChinaTime(tomorrow)}`).waitFor()

  // The cadre acknowledges, reports progress with a photo and asks for closure.
  const cadre = await as('王强（党员干部 · 东湖办事处）')
  await cadre.goto(`${server.url}/#/packages/cadre/pages/tasks/index`)
  await cadre.locator('.mq-case-row', { hasText: number }).click()
  await nutButton(cadre, /^签收$/).click()
  await cadre.locator('.mq-success', { hasText: '已签收' }).waitFor()
  await cadre.locator('.staff__progress textarea').fill('已联系物业电工，明天上午更换灯泡')
  const chooser = cadre.waitForEvent('filechooser')
  await nutButton(cadre, /^添加照片$/).click()
  await agreeToPrivacy(cadre)
  await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: TINY_PNG })
  await cadre.locator('.mq-photos__image').first().waitFor()
  await nutButton(cadre, '保存进展').click()
  await cadre.locator('.mq-success', { hasText: '已记录进展' }).waitFor()
  const requestClosure = async (result: string) => {
    await cadre.locator('.staff__result textarea').fill(result)
    await cadre.locator('.staff__standard-met textarea').fill('灯已亮，晚上台阶看得清')
    await nutButton(cadre, /^申请销号$/).click()
    await cadre.locator('.mq-success', { hasText: '已申请销号' }).waitFor()
  }
  await requestClosure('更换了2栋1-6层楼道灯')
  await screenshot(cadre, '13-cadre-task')
  await expectAccessible(cadre, 'cadre case')

  // The supervisor rejects once, with a reason…
  await openStaffCase(supervisor, caseId)
  await supervisor.getByText('销号审核').waitFor()
  await supervisor.locator('input[placeholder="退回理由"]').fill('请补充更换后的照片')
  await nutButton(supervisor, '退回继续办理').click()
  await supervisor.locator('.mq-success', { hasText: '已退回继续办理' }).waitFor()

  // …the cadre asks again, and the supervisor approves.
  await openStaffCase(cadre, caseId)
  await requestClosure('更换了2栋1-6层楼道灯，附照片')
  await openStaffCase(supervisor, caseId)
  await screenshot(supervisor, '14-supervisor-review')
  await nutButton(supervisor, '同意销号').click()
  await supervisor.locator('.mq-success', { hasText: '已销号' }).waitFor()

  // The resident is not satisfied: the case reopens.
  const rate = async (solved: string, satisfaction: string) => {
    await resident.goto(`${server.url}/#/pages/case/index?id=${caseId}`)
    await nutButton(resident, '评价办理结果').click()
    await resident.getByText('当时承诺的解决标准：两天内修好2栋楼道灯，晚上能看清台阶').waitFor()
    await resident.locator('.nut-radio', { hasText: solved }).click()
    await resident.locator('.nut-radio', { hasText: new RegExp(`^${satisfaction}$`) }).click()
    await resident.locator('textarea').fill(satisfaction === '不满意' ? '3楼的灯还是不亮' : '修好了，谢谢')
    await screenshot(resident, satisfaction === '不满意' ? '15-resident-rate' : '17-resident-rate-again')
    await expectAccessible(resident, 'rate')
    await nutButton(resident, '提交评价').click()
    await resident.getByText('谢谢您的评价！').waitFor()
  }
  await rate('未解决', '不满意')
  await resident.locator('.mq-status:visible', { hasText: '办理中' }).waitFor()
  await screenshot(resident, '16-resident-reopened')

  // Second round: closure requested and approved; the resident is satisfied and the case stays closed.
  await openStaffCase(cadre, caseId)
  await requestClosure('3楼灯也已更换')
  await openStaffCase(supervisor, caseId)
  await nutButton(supervisor, '同意销号').click()
  await supervisor.locator('.mq-success', { hasText: '已销号' }).waitFor()
  await rate('已解决', '满意')
  await resident.locator('.mq-status:visible', { hasText: '已办结' }).waitFor()
  await screenshot(resident, '18-resident-closed')
  await expectAccessible(resident, 'detail closed')

  // Every step told the right person (in WeChat: subscribe messages; here: the local outbox).
  expect(await outbox(number)).toEqual([
    'caseSubmitted→demo-supervisor-chen',
    'caseAccepted→demo-resident-zhang',
    'taskAssigned→demo-cadre-wang',
    'reviewClosureRequested→demo-supervisor-chen',
    'taskClosureRejected→demo-cadre-wang',
    'reviewClosureRequested→demo-supervisor-chen',
    'caseClosed→demo-resident-zhang',
    'taskReopened→demo-cadre-wang',
    'reviewClosureRequested→demo-supervisor-chen',
  ])
})
