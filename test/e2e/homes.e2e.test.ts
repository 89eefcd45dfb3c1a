import type { Browser, Page } from 'playwright-core'
import {
  H5_BUILD,
  agreeToPrivacy,
  checkedScreen,
  expectAccessible,
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
 * What a person finds first: each role's home shows its work, and a report goes through on the
 * first 提交 after the privacy notice, with its errors beside the fields they concern.
 */

jest.setTimeout(240_000)

const { cadre: CADRE, supervisor: SUPERVISOR } = DEMO

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

const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
const as = (label: string) => openAsDemoUser(browser, server.url, label, PHONE)

const { call, act, report } = demoApi(() => server.url, 'homes')
const ASSIGN = { ...ASSIGN_TO_WANG, standard: '一周内处理完毕' }

/** The four counts on the supervisor's home, read off the page. */
async function countsOnHome(page: Page): Promise<Record<string, number>> {
  await page.locator('.supervisor__count').first().waitFor()
  const tiles = await page.locator('.supervisor__count').allInnerTexts()
  return Object.fromEntries(
    tiles.map((tile) => {
      const [value, label] = tile.split('\n').map((part) => part.trim())
      return [label as string, Number(value)]
    }),
  )
}

test('a cadre’s home shows his tasks, due soonest first, and opens them', async () => {
  const task = await report('柳岸小区7栋门口的路面塌了一个坑，电动车容易摔。')
  await act(SUPERVISOR, task.id, 'assign', ASSIGN)

  const cadre = await as('王强（党员干部 · 东湖办事处）')
  // Switching to him started the app again: it opened his home, not the resident's.
  await cadre.locator('.cadre-home').waitFor()
  expect(await nutButton(cadre, '我要反映').count()).toBe(0)
  const row = cadre.locator('.mq-case-row', { hasText: task.number })
  await row.waitFor()
  await cadre.getByText(/我的任务（共 \d+ 件）/).waitFor()
  await nutButton(cadre, '去签到').waitFor()
  await screenshot(cadre, 'home-cadre')
  await expectAccessible(cadre, 'cadre home')
  await row.click()
  await cadre.getByText(`诉求 ${task.number}`).waitFor()
  await nutButton(cadre, /^签收$/).waitFor()
})

test('a supervisor’s home shows the four counts, each opening its queue', async () => {
  const review = await report('小区东门的监控坏了，晚上有人偷电动车电瓶。')
  await act(SUPERVISOR, review.id, 'assign', ASSIGN)
  await act(CADRE, review.id, 'acknowledge')
  await act(CADRE, review.id, 'requestClosure', { note: '已修好监控', standardMet: '当天修好' })

  const supervisor = await as('陈立新（督办领导 · 东湖办事处）')
  await supervisor.locator('.supervisor-home').waitFor()
  const counts = await countsOnHome(supervisor)
  await screenshot(supervisor, 'home-supervisor')
  await expectAccessible(supervisor, 'supervisor home')

  // Each count is the total its queue shows (the server's, not the page's).
  const queues = { 待派单: 'dispatch', 待审核销号: 'review', 延期申请: 'extension', 已超期: 'overdue' }
  expect(Object.keys(counts).sort()).toEqual(Object.keys(queues).sort())
  expect(counts['待审核销号']).toBeGreaterThanOrEqual(1)
  for (const [label, queue] of Object.entries(queues)) {
    const listed = await call(SUPERVISOR, 'cases', { action: 'listInScope', queue, pageSize: 1 })
    expect({ label, count: counts[label] }).toEqual({ label, count: listed.total })
  }

  await supervisor.locator('.supervisor__count', { hasText: '待审核销号' }).click()
  await supervisor.locator('.mq-case-row', { hasText: review.number }).waitFor()
  await supervisor.getByText(`共 ${counts['待审核销号']} 条`, { exact: true }).waitFor()
  await screenshot(supervisor, 'home-supervisor-review-queue')
})

test('a resident’s home puts the closed case waiting for a rating on top, with 去评价', async () => {
  const closed = await report('楼下的化粪池满了，味道很大。')
  await act(SUPERVISOR, closed.id, 'assign', ASSIGN)
  await act(CADRE, closed.id, 'acknowledge')
  await act(CADRE, closed.id, 'requestClosure', { note: '已清掏', standardMet: '三天内清掏' })
  await act(SUPERVISOR, closed.id, 'approveClosure')

  const resident = await as('张秀兰（群众 · 柳岸小区）')
  const waiting = resident.locator('.home__rate')
  await waiting.locator('.mq-case-row', { hasText: closed.number }).waitFor()
  await screenshot(resident, 'home-resident')
  await expectAccessible(resident, 'resident home')
  await waiting.locator('.nut-button', { hasText: '去评价' }).first().click()
  await resident.getByText('问题解决了吗？', { exact: true }).waitFor()
})

test('the first 提交 goes through after 同意; 不同意 says why nothing was sent', async () => {
  // A first-time visitor, who has never seen the notice.
  const visitor = await (await browser.newContext(PHONE)).newPage()
  await visitor.goto(`${server.url}/#/pages/submit/index`)
  await visitor.locator('.submit__choices').getByText('交通出行', { exact: true }).click()
  await visitor.locator('.submit__area').click()
  // The app's own sheet of choices (no NutUI popup in the main package): large, readable, all on screen.
  await visitor.locator('.mq-choice-sheet__option', { hasText: '东湖办事处 · 柳岸小区' }).waitFor()
  await checkedScreen(visitor, 'submit-area-sheet')
  await visitor.getByText('东湖办事处 · 柳岸小区').click()
  await visitor.locator('.mq-choice-sheet').waitFor({ state: 'hidden' })
  await visitor.locator('.submit__area', { hasText: '东湖办事处 · 柳岸小区' }).waitFor()
  await visitor.locator('textarea').fill('公交站的候车亭顶棚漏雨，下雨天没地方躲。')
  await visitor.locator('input[placeholder="您的姓名"]').fill('赵大爷')
  await visitor.locator('input[placeholder="手机号或带区号的座机号"]').fill('13600001111')

  await visitor.locator('.submit__send').click()
  await visitor.locator('.mq-privacy').waitFor()
  await expectAccessible(visitor, 'privacy notice')
  await screenshot(visitor, 'privacy-notice')
  await nutButton(visitor, '不同意').click()
  await visitor.getByText(/您没有同意个人信息保护提示，诉求没有提交/).waitFor()

  await visitor.locator('.submit__send').click()
  await visitor.locator('.mq-privacy').waitFor()
  await agreeToPrivacy(visitor)
  // No second tap: the report the person asked for is sent once they agree.
  await visitor.getByText(/提交成功！诉求编号 \d{4}-\d{6}/).waitFor()
  await nutButton(visitor, '回到首页').waitFor()
})

test('a field’s error appears beside the field, the view goes to it, and it clears once the field is fixed', async () => {
  const resident = await as('张秀兰（群众 · 柳岸小区）')
  await resident.locator('.home__report').click()
  // Her name and phone come from her profile.
  await resident.waitForFunction(
    () =>
      (document.querySelector('input[placeholder="您的姓名"]') as HTMLInputElement | null)?.value === '张秀兰' &&
      (document.querySelector('input[placeholder="手机号或带区号的座机号"]') as HTMLInputElement | null)?.value ===
        '13800000001',
  )

  await resident.locator('textarea').fill('灯')
  await resident.locator('.submit__send').click()
  const categoryError = resident.locator('#mq-field-category')
  const descriptionError = resident.locator('#mq-field-description')
  await categoryError.getByText('请选择问题类别').waitFor()
  await descriptionError.getByText('问题描述至少 2 个字').waitFor()
  await resident
    .locator('#mq-field-areaUnitId')
    .getByText(/请选择/)
    .waitFor()
  // The first error is where the eye goes.
  await resident.waitForFunction(() => {
    const box = document.querySelector('#mq-field-category')?.getBoundingClientRect()
    return !!box && box.top >= 0 && box.bottom <= window.innerHeight
  })
  // Each sits right under its field.
  const under = await resident.evaluate(() => {
    const field = document.querySelector('.submit__description')?.getBoundingClientRect()
    const error = document.querySelector('#mq-field-description')?.getBoundingClientRect()
    return field && error ? error.top - field.bottom : null
  })
  expect(under).not.toBeNull()
  expect(under as number).toBeGreaterThanOrEqual(0)
  expect(under as number).toBeLessThan(60)
  await screenshot(resident, 'submit-field-errors')

  await resident.locator('.submit__choices').getByText('人居环境', { exact: true }).click()
  await categoryError.getByText('请选择问题类别').waitFor({ state: 'hidden' })
  // Still too short: the description's error stays until it is fixed.
  expect(await descriptionError.textContent()).toContain('问题描述至少 2 个字')
  await resident.locator('textarea').fill('路灯坏了好几天')
  await descriptionError.getByText('问题描述至少 2 个字').waitFor({ state: 'hidden' })
})

test('a supervisor sees where each contact point is and who goes there, and changes it', async () => {
  const supervisor = await as('陈立新（督办领导 · 东湖办事处）')
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/points/index`)
  const point = supervisor.locator('.mq-case-row', { hasText: '柳岸小区联系点' })
  await point.getByText(/北纬 \d+\.\d{5}，东经 \d+\.\d{5}/).waitFor()
  await point.getByText(/联系干部：.*王强/).waitFor()
  await point.locator('.nut-button', { hasText: '修改' }).click()
  const form = supervisor.locator('.points__form')
  await form.getByText('修改“柳岸小区联系点”').waitFor()
  await form.locator('input[placeholder="例如 300"]').fill('500')
  await form.locator('.nut-button', { hasText: '保存修改' }).click()
  await supervisor.getByText('已保存“柳岸小区联系点”').waitFor()
  await point.getByText(/签到范围 500 米/).waitFor()
  await screenshot(supervisor, 'points-changed')
})
