import type { Browser, Page } from 'playwright-core'
import { appRoutes } from '../support/app-pages'
import {
  H5_BUILD,
  expectAccessible,
  expectNothingOffScreen,
  expectReadableText,
  expectUsableControls,
  launchChromium,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { ASSIGN_TO_WANG, CLOSURE, DEMO, demoApi } from '../support/demo-api'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * Every page of the app (read from src/app.config.ts, so a new page is walked too), opened by each
 * person who uses it, with realistic data, on a 375 px phone: at the standard text size and at twice
 * it (the browser's text size, which the app follows as it follows WeChat's font setting). Nothing
 * past the right edge; every control at least 44×44 with its words inside it; no text under 16 px,
 * and text typed into fields at least 18 px; at the standard size axe-core finds nothing serious.
 * Everyone else is shown the refusal. Screenshots: test-results/screenshots/walk-*.png.
 */

jest.setTimeout(900_000)

const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' }
const REFUSED = '不能使用这个页面'

type Person = 'visitor' | 'resident' | 'cadre' | 'supervisor' | 'admin'
/** The people of the demo data, by the label of the demo switcher (null: a first-time visitor). */
const PERSONS: Record<Person, string | null> = {
  visitor: null,
  resident: '张秀兰（群众 · 柳岸小区）',
  cadre: '王强（党员干部 · 东湖办事处）',
  supervisor: '陈立新（督办领导 · 东湖办事处）',
  admin: '系统管理员（管理员 · 示范管理区）',
}
const OPENIDS: Record<Exclude<Person, 'visitor'>, string> = DEMO

/** The cases the walk opens, one in each state a page shows differently (made in beforeAll). */
interface Cases {
  submitted: string
  assigned: string
  inProgress: string
  withExtension: string
  pendingClosure: string
  closed: string
}

/** Who opens a page, and with which parameters (one visit per entry). */
interface Fixture {
  /** Who uses the page. */
  users: Person[]
  visits: Array<(cases: Cases) => Record<string, string>>
  /**
   * What everyone else sees: the gate's refusal (the default), their own home (the resident's home
   * sends officials to theirs), or the page's own answer (a case page says it found no such case).
   */
  others?: 'refused' | 'moved' | 'own answer'
}
const plain = [() => ({})]
const STAFF: Person[] = ['cadre', 'supervisor']

/** Every page of the app (the test fails when one is missing here). Written out, not read from the app. */
const FIXTURES: Record<string, Fixture> = {
  'pages/index/index': { users: ['visitor', 'resident'], visits: plain, others: 'moved' },
  'pages/submit/index': { users: ['visitor', 'resident'], visits: plain },
  'pages/mine/index': { users: ['visitor', 'resident', 'cadre', 'supervisor', 'admin'], visits: plain },
  'pages/case/index': {
    users: ['resident'],
    visits: [(c) => ({ id: c.inProgress }), (c) => ({ id: c.closed })],
    others: 'own answer',
  },
  'pages/rate/index': { users: ['resident'], visits: [(c) => ({ id: c.closed })], others: 'own answer' },
  'pages/me/index': { users: ['visitor', 'resident', 'cadre', 'supervisor', 'admin'], visits: plain },
  'packages/staff/pages/case/index': {
    users: ['cadre', 'supervisor', 'admin'],
    visits: [
      (c) => ({ id: c.submitted }),
      (c) => ({ id: c.assigned }),
      (c) => ({ id: c.withExtension }),
      (c) => ({ id: c.pendingClosure }),
    ],
    others: 'own answer',
  },
  'packages/cadre/pages/home/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/checkin/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/visit/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/ledger/index': { users: ['cadre', 'supervisor', 'admin'], visits: plain },
  'packages/cadre/pages/work/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/tasks/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/callbacks/index': { users: STAFF, visits: plain },
  'packages/cadre/pages/onthespot/index': { users: STAFF, visits: plain },
  'packages/supervisor/pages/home/index': { users: ['supervisor', 'admin'], visits: plain },
  'packages/supervisor/pages/cases/index': {
    users: ['supervisor', 'admin'],
    visits: [() => ({}), () => ({ queue: 'overdue' })],
  },
  'packages/supervisor/pages/points/index': { users: ['supervisor', 'admin'], visits: plain },
  'packages/supervisor/pages/checkins/index': { users: ['supervisor', 'admin'], visits: plain },
  'packages/dashboard/pages/index/index': { users: ['cadre', 'supervisor', 'admin'], visits: plain },
  'packages/dashboard/pages/records/index': {
    users: ['cadre', 'supervisor', 'admin'],
    visits: [
      () => ({ figure: 'cases.total', period: 'month' }),
      () => ({ figure: 'rates.response', period: 'campaign' }),
      () => ({ figure: 'fieldwork.visits', period: 'quarter' }),
    ],
  },
  'packages/supervisor/pages/supervision/index': { users: ['supervisor'], visits: plain },
  'packages/supervisor/pages/lists/index': { users: ['supervisor', 'admin'], visits: plain },
  'packages/supervisor/pages/pledges/index': { users: ['supervisor', 'admin'], visits: plain },
  'packages/admin/pages/home/index': { users: ['admin'], visits: plain },
  'packages/admin/pages/org/index': { users: ['admin'], visits: plain },
  'packages/admin/pages/users/index': { users: ['admin'], visits: plain },
  'packages/admin/pages/invitations/index': { users: ['admin'], visits: plain },
  'packages/admin/pages/settings/index': { users: ['admin'], visits: plain },
  // First the units of the month to choose from, then one unit's lists (the unit chosen by the link).
  'packages/public/pages/lists/index': {
    users: ['visitor', 'resident', 'cadre', 'supervisor', 'admin'],
    visits: [() => ({}), () => ({ unitId: 'unit-donghu-office' })],
  },
}

let server: RunningServer
let browser: Browser
let cases: Cases

const { call, act, report: reportOne } = demoApi(() => server.url, 'walk')
const report = async (description: string) => (await reportOne(description)).id
const ASSIGN = ASSIGN_TO_WANG

/** One case in each state the pages show differently, all in 王强's and 陈立新's area. */
async function makeCases(): Promise<Cases> {
  const { supervisor, cadre } = OPENIDS
  const submitted = await report('柳岸小区北门的路灯不亮了，晚上出门很不方便。')
  const assigned = await report('柳岸小区垃圾站附近有异味，夏天更严重。')
  await act(supervisor, assigned, 'assign', ASSIGN)
  const inProgress = await report('小区健身器材有一台坏了，老人锻炼时容易受伤。')
  await act(supervisor, inProgress, 'assign', ASSIGN)
  await act(cadre, inProgress, 'acknowledge')
  const withExtension = await report('楼顶防水层老化，下雨时顶楼住户家里漏水。')
  await act(supervisor, withExtension, 'assign', ASSIGN)
  await act(cadre, withExtension, 'acknowledge')
  const assignedCase = await call(cadre, 'cases', { action: 'get', id: withExtension })
  const deadline = Number((assignedCase.assignment as { deadline: number }).deadline) + 7 * 24 * 3600 * 1000
  await act(cadre, withExtension, 'requestExtension', { deadline, reason: '需要等天晴后施工' })
  const pendingClosure = await report('单元门禁坏了，外人随便进出。')
  await act(supervisor, pendingClosure, 'assign', ASSIGN)
  await act(cadre, pendingClosure, 'acknowledge')
  await act(cadre, pendingClosure, 'requestClosure', CLOSURE)
  const closed = await report('小区里的井盖松动，踩上去会响。')
  await act(supervisor, closed, 'assign', ASSIGN)
  await act(cadre, closed, 'acknowledge')
  await act(cadre, closed, 'requestClosure', CLOSURE)
  await act(supervisor, closed, 'approveClosure')
  return { submitted, assigned, inProgress, withExtension, pendingClosure, closed }
}

type DraftRows = Record<'problems' | 'tasks' | 'results', Array<{ caseId: string; issues: string[] }>>

/**
 * 陈立新 publishes 东湖办事处's 三个清单 for this month (rewording any row the checks stop), for
 * 公开清单; 西岭办事处's come with the demo data.
 */
async function publishLists(): Promise<void> {
  const { supervisor } = OPENIDS
  const clock = (await (await fetch(`${server.url}/dev/clock`)).json()) as { data: { nowText: string } }
  const month = clock.data.nowText.slice(0, 7)
  let draft = await call(supervisor, 'publications', { action: 'openDraft', month })
  for (const list of ['problems', 'tasks', 'results'] as const) {
    for (const row of (draft.lists as DraftRows)[list].filter((candidate) => candidate.issues.length > 0)) {
      draft = await call(supervisor, 'publications', {
        action: 'editRow',
        unitId: 'unit-donghu-office',
        month,
        expectedVersion: draft.version,
        list,
        caseId: row.caseId,
        summary: '群众反映的问题（已改写）',
      })
    }
  }
  await call(supervisor, 'publications', {
    action: 'publish',
    unitId: 'unit-donghu-office',
    month,
    expectedVersion: draft.version,
  })
}

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  cases = await makeCases()
  await publishLists()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A phone held by `person`, its browser text at `scale` times the standard 16 px (Chromium's setting). */
async function phoneOf(person: Person, scale: number): Promise<Page> {
  const label = PERSONS[person]
  const page = label
    ? await openAsDemoUser(browser, server.url, label, PHONE)
    : await (await browser.newContext(PHONE)).newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * scale, fixed: 13 * scale } })
  return page
}

/** Loads a page afresh (so the text size is read at start) and waits until its calls are answered. */
async function openAfresh(page: Page, route: string, query: Record<string, string>, visit: number): Promise<void> {
  let pending = 0
  let lastChange = Date.now()
  const change = (delta: number) => () => {
    pending += delta
    lastChange = Date.now()
  }
  const started = change(1)
  const finished = change(-1)
  page.on('request', started)
  page.on('requestfinished', finished)
  page.on('requestfailed', finished)
  const search = new URLSearchParams(query).toString()
  await page.goto(`${server.url}/?visit=${visit}#/${route}${search ? `?${search}` : ''}`)
  await page.locator('.mq-page:visible').first().waitFor()
  while (pending > 0 || Date.now() - lastChange < 400) await page.waitForTimeout(50)
  page.off('request', started)
  page.off('requestfinished', finished)
  page.off('requestfailed', finished)
}

const ROUTES = appRoutes()

test('every page of the app has a fixture saying who opens it with what', () => {
  expect(Object.keys(FIXTURES).sort()).toEqual([...ROUTES].sort())
})

const WALKS = (Object.keys(PERSONS) as Person[]).flatMap((person) => [
  [person, 1],
  [person, 2],
]) as Array<[Person, number]>

test.each(WALKS)('every page as the %s, at 375 px and %i× the text size', async (person, scale) => {
  const page = await phoneOf(person, scale)
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  let visit = 0
  let refusalChecked = false
  for (const route of ROUTES) {
    const fixture = FIXTURES[route]
    if (!fixture) continue // the test above names it
    const uses = fixture.users.includes(person)
    // A page someone may not use shows the same refusal everywhere: once at each size is enough.
    const queries = uses ? fixture.visits.map((query) => query(cases)) : [{}]
    for (const [index, query] of queries.entries()) {
      visit += 1
      await openAfresh(page, route, query, visit)
      const name = `${person} ${scale}× ${route}${queries.length > 1 ? ` #${index + 1}` : ''}`
      const shown = (await page.locator('.mq-page:visible').first().innerText()).trim()
      expect({ page: name, shown: shown.length > 0 }).toEqual({ page: name, shown: true })
      const refusal = !uses && (fixture.others ?? 'refused') === 'refused'
      expect({ page: name, refused: shown.includes(REFUSED) }).toEqual({ page: name, refused: refusal })
      await expectNothingOffScreen(page, name)
      await expectUsableControls(page, name)
      await expectReadableText(page, name)
      // axe on every page someone uses, and on the refusal once (it is the same everywhere).
      if (scale === 1 && (uses || (refusal && !refusalChecked))) await expectAccessible(page, name)
      if (refusal) refusalChecked = true
      const suffix = queries.length > 1 ? `-${index + 1}` : ''
      const file = route.replace(/\/index$/, '').replace(/\//g, '-')
      await screenshot(page, `walk-${person}-${scale}x-${file}${suffix}`)
    }
  }
  expect(failures).toEqual([])
  await page.context().close()
})
