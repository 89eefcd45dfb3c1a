import type { Browser, Page } from 'playwright-core'
import { H5_BUILD, checkedScreen, launchChromium, nutButton, openAsDemoUser, requireH5Build } from '../support/browser'
import { ASSIGN_TO_WANG, DEMO, demoApi } from '../support/demo-api'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(240_000)

const CADRE = '王强（党员干部 · 东湖办事处）'
const SUPERVISOR = '陈立新（督办领导 · 东湖办事处）'
/** A phone screen: what cadres and supervisors hold. */
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

const { act, call, report, dev: post } = demoApi(() => server.url, 'supervision')

/** A demo user's phone with the browser's text at twice its size (as the walk sets it). */
async function largeTextPhone(label: string): Promise<Page> {
  const page = await openAsDemoUser(browser, server.url, label, PHONE)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
  return page
}

test('a supervisor opens 督办 and writes a note; the handler sees it and replies; the supervisor sees the reply', async () => {
  // A case 王强 签收'd and then let run past its completion deadline (一般: 7 days); the job chases it.
  const late = await report('柳岸小区6栋门口的下水道堵了，污水漫到路上。')
  await act(DEMO.supervisor, late.id, 'assign', ASSIGN_TO_WANG)
  await act(DEMO.cadre, late.id, 'acknowledge')
  await post('/dev/clock', { offsetHours: 9 * 24 })
  await post('/dev/jobs/supervise')

  // 陈立新 opens 督办 from his home: the case, whose lateness, how long, chased once.
  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  await nutButton(supervisor, /^督办$/).click()
  const row = supervisor.locator('.mq-case-row:visible', { hasText: late.number })
  await row.waitFor()
  await row.getByText(/^已超期：办结逾期 \d+ 天 \d+ 小时（经办人）$/).waitFor()
  await row.getByText('已督办 1 次').waitFor()
  await checkedScreen(supervisor, '60-supervisor-supervision-list')

  // He writes a 督办 note on the case.
  await row.click()
  await supervisor.locator('.staff__supervision textarea').fill('请明天中午前答复疏通安排')
  await checkedScreen(supervisor, '61-supervisor-writes-note')
  await nutButton(supervisor, '发出督办意见').click()
  await supervisor.locator('.mq-success', { hasText: '已发出督办意见' }).waitFor()
  await supervisor.getByText('督办意见（待回复）：请明天中午前答复疏通安排').waitFor()

  // 王强 sees it waiting on 我的任务 and on the case, and answers.
  const cadre = await openAsDemoUser(browser, server.url, CADRE, PHONE)
  await cadre.goto(`${server.url}/#/packages/cadre/pages/tasks/index`)
  const task = cadre.locator('.mq-case-row:visible', { hasText: late.number })
  await task.getByText('有督办意见待回复').waitFor()
  await checkedScreen(cadre, '62-cadre-tasks-note-waiting')
  await task.click()
  await cadre.getByText('督办意见（待回复）：请明天中午前答复疏通安排').waitFor()
  await cadre.locator('.staff__supervision textarea').fill('已约市政明早九点疏通，中午前回复结果')
  await checkedScreen(cadre, '63-cadre-replies')
  await nutButton(cadre, '回复督办').click()
  await cadre.locator('.mq-success', { hasText: '已回复督办' }).waitFor()
  await cadre.locator('.staff__event', { hasText: '已约市政明早九点疏通' }).waitFor()
  await cadre.getByText(/^督办意见（待回复）/).waitFor({ state: 'hidden' })

  // 陈立新 sees the reply on the case.
  await supervisor.reload()
  const reply = supervisor.locator('.staff__event', { hasText: '经办人回复督办' })
  await reply.getByText('已约市政明早九点疏通，中午前回复结果').waitFor()
  await supervisor.locator('.staff__event', { hasText: '超期督办' }).first().waitFor()
  await checkedScreen(supervisor, '64-supervisor-sees-reply')
})

test('at twice the text size: the 督办 list, a case with a note waiting, and the handler’s reply box', async () => {
  const late = await report('柳岸小区9栋楼顶水箱漏水，楼道墙面一直在渗水。')
  await act(DEMO.supervisor, late.id, 'assign', ASSIGN_TO_WANG)
  await post('/dev/clock', { offsetHours: 9 * 24 })
  await post('/dev/jobs/supervise')
  await act(DEMO.supervisor, late.id, 'addSupervisionNote', { note: '请今天内签收并说明原因' })
  const listed = await call(DEMO.supervisor, 'cases', { action: 'listSupervision' })
  expect(listed.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        number: late.number,
        supervisionNoteAwaiting: true,
        lateness: expect.objectContaining({ party: 'handler', kind: 'acknowledge', label: '签收' }),
      }),
    ]),
  )

  const supervisor = await largeTextPhone(SUPERVISOR)
  await supervisor.goto(`${server.url}/?large=1#/packages/supervisor/pages/supervision/index`)
  const row = supervisor.locator('.mq-case-row:visible', { hasText: late.number })
  await row.getByText(/^已超期：签收逾期 \d+ 天 \d+ 小时（经办人）$/).waitFor()
  await row.getByText('有督办意见待回复').waitFor()
  await checkedScreen(supervisor, '65-supervisor-supervision-list-2x')
  await row.click()
  await supervisor.getByText('督办意见（待回复）：请今天内签收并说明原因').waitFor()
  await checkedScreen(supervisor, '66-supervisor-case-note-waiting-2x')

  const cadre = await largeTextPhone(CADRE)
  await cadre.goto(`${server.url}/?large=1#/packages/staff/pages/case/index?id=${late.id}`)
  await cadre.locator('.staff__supervision textarea').waitFor()
  await checkedScreen(cadre, '67-cadre-reply-box-2x')
})
