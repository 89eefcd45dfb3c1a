import type { Browser, Page } from 'playwright-core'
import { H5_BUILD, checkedScreen, launchChromium, nutButton, openAsDemoUser, requireH5Build } from '../support/browser'
import { ASSIGN_TO_WANG, CLOSURE, DEMO, demoApi } from '../support/demo-api'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'
import { chinaTime } from '@core/time'

/**
 * The 三个清单 story: reports made this month; a month later 陈立新 drafts last month's lists,
 * rewords a row, leaves one out with a reason, fixes the row the content check stops, and
 * publishes; a first-time visitor opens 公开清单 from the home page and reads them; 张秀兰 sees on
 * her case that it was listed. Screenshots: test-results/screenshots/70-*.png.
 */

jest.setTimeout(300_000)

const SUPERVISOR = '陈立新（督办领导 · 东湖办事处）'
const RESIDENT = '张秀兰（群众 · 柳岸小区）'
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
/** What 张秀兰 wrote that no public page may show. */
const PERSONAL = ['张秀兰', '13800000001', '13912345678', '3栋2单元501', '501室', '420102195801011234']

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

const { act, call, report, dev: post } = demoApi(() => server.url, 'publication-story')

/** The draft's row for a case number, on the list shown. */
const rowOf = (page: Page, number: string) => page.locator('.lists__row', { hasText: `编号 ${number}` })

test('a supervisor drafts last month’s lists, edits, leaves one out, fixes a blocked word and publishes; anyone reads them; the reporter sees her case listed', async () => {
  // This month's reports in 柳岸小区: one angry, with her door, phone and ID in it; one plain; one private.
  const angry = await report(
    '物业的人都是王八蛋！我张秀兰住3栋2单元501室，电话13912345678，身份证420102195801011234，楼道灯坏了一个月没人修。',
  )
  const flooded = await report('小区东门一下雨就积水，老人出门要蹚水。')
  const private_ = await report('邻居家孩子的事想请社区私下帮忙协调。')
  await act(DEMO.supervisor, angry.id, 'assign', ASSIGN_TO_WANG)
  await act(DEMO.cadre, angry.id, 'acknowledge')
  await act(DEMO.cadre, angry.id, 'requestClosure', CLOSURE)
  await act(DEMO.supervisor, angry.id, 'approveClosure')
  await act(DEMO.resident, angry.id, 'rate', { solved: 'solved', satisfaction: 'satisfied' })
  await act(DEMO.supervisor, flooded.id, 'assign', ASSIGN_TO_WANG)
  // Early next month (the 3rd, noon): these are last month's lists now.
  const now = chinaTime(Date.now())
  const nextMonth = now.startOf('month').add(1, 'month').add(2, 'day').add(12, 'hour')
  await post('/dev/clock', { offsetHours: Math.ceil(nextMonth.diff(now, 'hour', true)) })

  const supervisor = await openAsDemoUser(browser, server.url, SUPERVISOR, PHONE)
  await nutButton(supervisor, /^三个清单$/).click()
  await supervisor.locator('.lists__status').waitFor()
  const angryRow = rowOf(supervisor, angry.number)
  await angryRow.getByText('需修改：内容：含有不宜公开的词语“王八蛋”，请修改').waitFor()
  // The default wording is already masked at the public level.
  await angryRow.getByText(/我张\*兰住3栋2单元\*\*\*室，电话139\*\*\*\*5678/).waitFor()
  // The case is on all three lists (reported, assigned and closed last month): three rows stopped.
  await supervisor.getByText('有 3 条需修改后才能发布，见下方标出的行。').waitFor()
  await checkedScreen(supervisor, '70-supervisor-draft')

  // Publishing now is refused, the row named.
  await nutButton(supervisor, '检查并发布第 1 版').click()
  await supervisor
    .locator('.lists__publish .mq-error', {
      hasText: new RegExp(`问题清单第 \\d+ 行（编号 ${angry.number}）内容：含有不宜公开的词语“王八蛋”`),
    })
    .waitFor()

  // Reword the plain row.
  const floodedRow = rowOf(supervisor, flooded.number)
  await floodedRow.locator('.lists__edit').click()
  await floodedRow.locator('.lists__summary-input textarea').fill('小区东门雨天积水，老人出行不便。')
  await floodedRow.locator('.lists__save').click()
  await floodedRow.getByText('小区东门雨天积水，老人出行不便。').waitFor()

  // Leave the private one out, with a reason.
  const privateRow = rowOf(supervisor, private_.number)
  await privateRow.locator('.lists__omit').click()
  await privateRow.locator('.lists__reason-input input').fill('涉及未成年人，不宜公开')
  await checkedScreen(supervisor, '71-supervisor-leaves-one-out')
  await privateRow.locator('.lists__save').click()
  await privateRow.getByText('不公开：涉及未成年人，不宜公开（陈立新）').waitFor()

  // Fix the blocked word once: what was raised reads the same on every list, and every issue goes.
  await angryRow.locator('.lists__edit').click()
  await angryRow.locator('.lists__summary-input textarea').fill('楼道灯坏了一个月没人修，群众意见很大。')
  await angryRow.locator('.lists__save').click()
  await angryRow.getByText('楼道灯坏了一个月没人修，群众意见很大。').waitFor()
  await supervisor.locator('.lists__issue').first().waitFor({ state: 'detached' })
  await supervisor.locator('.lists__blocked').waitFor({ state: 'detached' })

  await nutButton(supervisor, '检查并发布第 1 版').click()
  await supervisor.locator('.lists__published .mq-success', { hasText: '三个清单第 1 版' }).waitFor()
  await checkedScreen(supervisor, '72-supervisor-published')

  // What was published, as the API answers anyone.
  const catalogue = await fetch(`${server.url}/fn/publications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'listPublished' }),
  })
  const listed = (await catalogue.json()) as { ok: boolean; data: { entries: Array<{ unit: { name: string } }> } }
  // Beside the demo's 西岭办事处, whose lists were published when the demo data was made.
  expect(listed.data.entries.map((entry) => entry.unit.name)).toEqual(['东湖办事处', '西岭办事处'])
  expect(await call(DEMO.resident, 'cases', { action: 'get', id: angry.id })).toMatchObject({
    publicListings: [
      {
        month: expect.stringMatching(/^\d{4}-\d{2}$/),
        label: expect.stringMatching(/^已列入\d{4}年\d{1,2}月问题清单、任务清单、效果清单$/),
      },
    ],
  })
  for (const secret of PERSONAL) expect(JSON.stringify(listed)).not.toContain(secret)

  // A first-time visitor (no identity) opens 公开清单 from the home page and reads the lists.
  const visitor = await (await browser.newContext(PHONE)).newPage()
  await visitor.goto(`${server.url}/`)
  await visitor.locator('.home:visible').waitFor()
  await nutButton(visitor, '查看公开清单').click()
  const lists = visitor.locator('.public:visible')
  await nutButton(visitor, '东湖办事处').click()
  await lists.getByText(/^东湖办事处 \d{4}年\d{1,2}月 三个清单$/).waitFor()
  await lists.getByText('楼道灯坏了一个月没人修，群众意见很大。').first().waitFor()
  await lists.getByText('小区东门雨天积水，老人出行不便。').first().waitFor()
  const shown = await lists.innerText()
  // The row left out is not there, nor anything personal.
  expect(shown).not.toContain('邻居家孩子')
  expect(shown).not.toContain('涉及未成年人')
  for (const secret of PERSONAL) expect(shown).not.toContain(secret)
  await checkedScreen(visitor, '73-visitor-public-lists')
  await visitor.context().close()

  // 张秀兰 sees on her case that it was listed.
  const resident = await openAsDemoUser(browser, server.url, RESIDENT, PHONE)
  await resident.goto(`${server.url}/#/pages/case/index?id=${angry.id}`)
  await resident
    .locator('.case:visible')
    .getByText(/^已列入\d{4}年\d{1,2}月问题清单、任务清单、效果清单/)
    .waitFor()
  await checkedScreen(resident, '74-resident-case-listed')
})
