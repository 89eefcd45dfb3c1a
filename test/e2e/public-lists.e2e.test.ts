import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { monthLabel, monthRange } from '@core/publication/publication'
import { formatChinaTime } from '@core/time'
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
import { ASSIGN_TO_WANG, CLOSURE, DEMO, demoApi } from '../support/demo-api'
import { callFn, startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * 公开清单 end to end, against the real local server: 张秀兰 reports a need with her name, phone and
 * door number in it; 陈立新 has it worked, closed and rated, publishes 东湖办事处's lists for the
 * month through the API, then corrects them (第2版) and marks the case a 典型案例; 西岭办事处
 * publishes too. A first-time visitor opens the home page, taps 公开清单, chooses the unit and reads
 * its figures, the three lists, the versions and the 典型案例 — at 375 px, at the standard text size
 * and at twice it — and none of her personal details. 张秀兰 sees on her case that it is listed, and
 * follows the note to the lists.
 */

jest.setTimeout(600_000)

const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
const PUBLIC = '/packages/public/pages/lists/index'
const UNIT = 'unit-donghu-office'
const RESIDENT = '张秀兰（群众 · 柳岸小区）'
const DESCRIPTION =
  '我是张秀兰，家住柳岸小区5栋1单元302室，电话13812345678。小区东门外的路灯坏了两个星期，晚上出门看不见路。'
/** What the case carries that the public must never read. */
const SECRETS = ['张秀兰', '13812345678', '13800000001', '5栋1单元302', '302室']
const CORRECTED = '柳岸小区东门外的路灯坏了两个星期，晚上出门看不见路。'
const SHOWCASE_TITLE = '东门路灯一周修好'
const SHOWCASE_STORY = '居民反映小区东门外路灯长期不亮，办事处当天派单，干部一周内更换新灯，居民评价满意。'

let server: RunningServer
let browser: Browser
let month: string
let caseId: string

const { call, act } = demoApi(() => server.url, 'public-lists')

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return ((await response.json()) as { data: Record<string, unknown> }).data
}

interface DraftRow {
  caseId: string
  summary: string
  issues: string[]
}
type Draft = { version: number; lists: Record<'problems' | 'tasks' | 'results', DraftRow[]> }

/** A supervisor opens his unit's draft for the month, rewords every row the checks stop, and publishes it. */
async function publish(
  { supervisor, unitId }: { supervisor: string; unitId: string },
  note?: string,
  reword?: { caseId: string; summary: string },
): Promise<void> {
  let draft = (await call(supervisor, 'publications', { action: 'openDraft', month })) as unknown as Draft
  const base = () => ({ unitId, month, expectedVersion: draft.version })
  for (const list of ['problems', 'tasks', 'results'] as const) {
    for (const row of draft.lists[list]) {
      const summary =
        reword?.caseId === row.caseId ? reword.summary : row.issues.length > 0 ? '群众反映的问题（已改写）' : null
      if (summary === null) continue
      draft = (await call(supervisor, 'publications', {
        action: 'editRow',
        ...base(),
        list,
        caseId: row.caseId,
        summary,
      })) as unknown as Draft
    }
  }
  await call(supervisor, 'publications', { action: 'publish', ...base(), ...(note ? { note } : {}) })
}

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  // The whole story happens in one month: near a month's end, the clock moves into the next.
  const now = Number((await (await fetch(`${server.url}/dev/clock`)).json()).data.now)
  const hoursLeft = (monthRange(formatChinaTime(now, 'YYYY-MM')).end - now) / 3_600_000
  if (hoursLeft < 6) await post('/dev/clock', { offsetHours: Math.ceil(hoursLeft) + 1 })
  month = formatChinaTime(Number((await (await fetch(`${server.url}/dev/clock`)).json()).data.now), 'YYYY-MM')

  const { resident, supervisor, cadre } = DEMO
  const created = await call(resident, 'cases', {
    action: 'submit',
    clientRequestId: 'public-lists-report',
    category: '人居环境',
    description: DESCRIPTION,
    areaUnitId: 'unit-liuan-estate',
    location: { address: '柳岸小区5栋1单元302室' },
    reporter: { name: '张秀兰', phone: '13812345678' },
  })
  caseId = String(created.id)
  await act(supervisor, caseId, 'assign', ASSIGN_TO_WANG)
  await act(cadre, caseId, 'acknowledge')
  await act(cadre, caseId, 'requestClosure', CLOSURE)
  await act(supervisor, caseId, 'approveClosure')
  await act(resident, caseId, 'rate', { solved: 'solved', satisfaction: 'satisfied' })

  const donghu = { supervisor, unitId: UNIT }
  await publish(donghu)
  await publish(donghu, '补充了路灯的位置', { caseId, summary: CORRECTED })
  // 西岭办事处 has published too (the demo data does, in the month it was seeded; nothing closed there:
  // its 效果清单 is empty), so the visitor chooses a unit.
  const catalogue = await call(supervisor, 'publications', { action: 'listPublished', month })
  const units = (catalogue.entries as Array<{ unit: { id: string } }>).map((entry) => entry.unit.id)
  if (!units.includes('unit-xiling-office')) {
    await publish({ supervisor: 'demo-supervisor-liu', unitId: 'unit-xiling-office' })
  }
  await call(supervisor, 'publications', {
    action: 'markShowcase',
    caseId,
    title: SHOWCASE_TITLE,
    writeUp: SHOWCASE_STORY,
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The visible page's words. */
const shownText = async (page: Page) => (await page.locator('.mq-page:visible').first().innerText()).trim()

function expectNoSecrets(text: string, where: string): void {
  expect({ where, found: SECRETS.filter((secret) => text.includes(secret)) }).toEqual({ where, found: [] })
}

/** A phone nobody has used the app on, its text at `scale` times the standard size. */
async function freshPhone(scale: number): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * scale, fixed: 13 * scale } })
  return page
}

/** The whole page, top to bottom (the helper's shot is one screen): to look at every row. */
async function wholePage(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name)
  // The app scrolls inside its own page, not the document: a tall window shows all of it.
  const height = await page.locator('.public:visible').evaluate((element) => element.scrollHeight)
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.min(height + 100, 8000) })
  await page.screenshot({ path: `${path.dirname(file)}/${name}-whole.png`, animations: 'disabled' })
  await page.setViewportSize(PHONE.viewport)
}

/** A shot with the chosen list at the top of the screen. */
async function listShot(page: Page, name: string): Promise<void> {
  await page.locator('.public:visible .public__list-title').evaluate((element) => element.scrollIntoView())
  await screenshot(page, name)
}

const heading = () => `东湖办事处 ${monthLabel(month)} 三个清单`

test('with no identity at all, the published lists and 典型案例 are read over HTTP, with no personal detail', async () => {
  const catalogue = await callFn(server, 'publications', { action: 'listPublished' })
  expect(catalogue.body).toMatchObject({
    ok: true,
    data: {
      month,
      entries: [
        expect.objectContaining({ unit: { id: UNIT, name: '东湖办事处' }, latestVersion: 2 }),
        expect.objectContaining({ unit: { id: 'unit-xiling-office', name: '西岭办事处' }, latestVersion: 1 }),
      ],
    },
  })
  const latest = await callFn(server, 'publications', { action: 'getPublished', unitId: UNIT, month })
  const first = await callFn(server, 'publications', { action: 'getPublished', unitId: UNIT, month, version: 1 })
  const showcases = await callFn(server, 'publications', { action: 'listShowcases' })
  expect([latest.body.ok, first.body.ok, showcases.body.ok]).toEqual([true, true, true])
  expect((latest.body.data as { note: string }).note).toBe('补充了路灯的位置')
  expectNoSecrets(JSON.stringify([catalogue.body, latest.body, first.body, showcases.body]), 'HTTP answers')
})

test('a first-time visitor taps 公开清单 on the home page and reads the lists, figures, versions and 典型案例', async () => {
  const page = await freshPhone(1)
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  await page.goto(`${server.url}/`)
  await page.locator('.home:visible').waitFor()
  await nutButton(page, '查看公开清单').click()
  const lists = page.locator('.public:visible')
  // Two units published this month: the visitor chooses one.
  await lists.getByText('请选择单位').waitFor()
  await lists.getByText(SHOWCASE_TITLE).waitFor()
  await expectUsableControls(page, 'public 1× units')
  await screenshot(page, 'public-lists-1x-units')
  await nutButton(page, '东湖办事处').click()
  await lists.getByText(heading()).waitFor()

  const top = await shownText(page)
  expect(top).toContain(`第2版 · 发布时间`)
  expect(top).toContain('发布人 陈立新')
  expect(top).toContain('更正说明：补充了路灯的位置')
  for (const figure of ['梳理问题', '待受理', '推进整改中', '已销号办结', '立行立改', '默认满意'])
    expect(top).toContain(figure)
  for (const formula of ['响应率 = 按时签收 ÷ 派单', '解决率 = 已解决 ÷ 评价', '满意率 = 满意 + 基本满意 ÷ 评价'])
    expect(top).toContain(formula)
  expect(top).toContain(CORRECTED)
  expect(top).toContain(SHOWCASE_TITLE)
  expect(top).toContain(SHOWCASE_STORY)
  expectNoSecrets(top, '问题清单')
  await expectNothingOffScreen(page, 'public 1× 问题清单')
  await expectUsableControls(page, 'public 1× 问题清单')
  await expectReadableText(page, 'public 1× 问题清单')
  await expectAccessible(page, 'public 1× 问题清单')
  await wholePage(page, 'public-lists-1x-problems')

  await nutButton(page, /^任务清单/).click()
  await lists.getByText('领办领导：').first().waitFor()
  const tasks = await shownText(page)
  for (const words of [
    '领办领导：陈立新',
    '责任单位：东湖办事处',
    '完成时限：',
    `解决标准：${ASSIGN_TO_WANG.standard}`,
  ])
    expect(tasks).toContain(words)
  expectNoSecrets(tasks, '任务清单')
  await listShot(page, 'public-lists-1x-tasks')

  await nutButton(page, /^效果清单/).click()
  await lists.getByText('办结日期：').first().waitFor()
  const results = await shownText(page)
  for (const words of ['办结日期：', `办理结果：${CLOSURE.note}`, '群众评价：满意（已解决）'])
    expect(results).toContain(words)
  expectNoSecrets(results, '效果清单')
  await listShot(page, 'public-lists-1x-results')

  // The first version stays readable, marked as corrected, with a way back to the latest.
  await nutButton(page, '查看第1版').click()
  await lists.getByText('这是第1版，已被第2版更正。').waitFor()
  const older = await shownText(page)
  expect(older).not.toContain(CORRECTED)
  expectNoSecrets(older, '第1版')
  await expectUsableControls(page, 'public 1× 第1版')
  await screenshot(page, 'public-lists-1x-version1')
  await nutButton(page, '查看最新版（第2版）').click()
  await lists.getByText('正在查看这一版').waitFor()
  expect(await shownText(page)).toContain('更正说明：补充了路灯的位置')

  // A month with nothing published says so; the stepper goes no further than the latest month.
  await page.getByLabel('上个月').click()
  await lists.getByText('没有发布三个清单').waitFor()
  await page.getByLabel('下个月').click()
  await lists.getByText(heading()).waitFor()

  // The other unit's lists, with nothing closed there: an empty list says so.
  await nutButton(page, '西岭办事处').click()
  await lists.getByText(`西岭办事处 ${monthLabel(month)} 三个清单`).waitFor()
  await nutButton(page, /^效果清单/).click()
  await lists.getByText('本月没有公开的办理效果。').waitFor()
  await expectNothingOffScreen(page, 'public 1× 西岭 效果清单')
  await screenshot(page, 'public-lists-1x-empty')
  expect(failures).toEqual([])
  await page.context().close()
})

test('at twice the text size on a 375 px phone, every part of the page fits and can be tapped', async () => {
  const page = await freshPhone(2)
  await page.goto(`${server.url}/#${PUBLIC}`)
  const lists = page.locator('.public:visible')
  await lists.getByText('请选择单位').waitFor()
  await expectNothingOffScreen(page, 'public 2× units')
  await expectUsableControls(page, 'public 2× units')
  await nutButton(page, '东湖办事处').click()
  await lists.getByText(heading()).waitFor()
  await lists.getByText(SHOWCASE_TITLE).waitFor()
  for (const [tab, label] of [
    ['problems', /^问题清单/],
    ['tasks', /^任务清单/],
    ['results', /^效果清单/],
  ] as const) {
    await nutButton(page, label).click()
    const name = `public 2× ${tab}`
    await expectNothingOffScreen(page, name)
    await expectUsableControls(page, name)
    await expectReadableText(page, name)
    expectNoSecrets(await shownText(page), name)
    await wholePage(page, `public-lists-2x-${tab}`)
    await listShot(page, `public-lists-2x-${tab}-list`)
  }
  await page.context().close()
})

test('张秀兰 sees on her case that it is listed, and the note opens the month’s lists', async () => {
  const page = await openAsDemoUser(browser, server.url, RESIDENT, PHONE)
  await page.goto(`${server.url}/#/pages/case/index?id=${caseId}`)
  const note = `已列入${monthLabel(month)}问题清单、任务清单、效果清单`
  await page.locator('.case:visible').getByText(note).waitFor()
  await expectUsableControls(page, 'case with a listing')
  await screenshot(page, 'public-lists-resident-case')
  await page.locator('.case:visible .case__listing .nut-button', { hasText: '查看公开清单' }).click()
  const lists = page.locator('.public:visible')
  await lists.getByText(monthLabel(month), { exact: true }).waitFor()
  await nutButton(page, '东湖办事处').click()
  await lists.getByText(heading()).waitFor()
  await page.context().close()
})
