import fs from 'node:fs'
import path from 'node:path'
import type { CaseStatus } from '@core/case/case'
import { runFunction } from '../../backend/handlers/dispatch'
import type { Faults } from '../support/weapp/fake-wx'
import { MiniProgram, stylesOf, textsOf } from '../support/weapp/simulator'
import { buildWorld, PEOPLE, type Person, type SimWorld } from '../support/weapp/world'

/**
 * The WeChat build (dist/weapp, made by `npm test` before jest) launched in a simulated mini-program
 * runtime, every page opened as every kind of person, with the real handlers behind wx.cloud.
 */

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
jest.setTimeout(300_000)

const PERSONS = Object.keys(PEOPLE) as Person[]
const STATES: CaseStatus[] = ['submitted', 'assigned', 'in_progress', 'pending_closure', 'closed', 'declined', 'merged']
const STATUS_TEXT: Record<CaseStatus, string> = {
  submitted: '待受理',
  assigned: '已派单',
  in_progress: '办理中',
  pending_closure: '待销号',
  closed: '已办结',
  declined: '不予受理',
  merged: '已合并',
}
/** The same states in the resident's words, on the resident's pages. */
const RESIDENT_STATUS_TEXT: Record<CaseStatus, string> = {
  ...STATUS_TEXT,
  assigned: '已安排专人',
  pending_closure: '办理完成待审核',
}
const NOT_FOUND = '没有找到这条诉求，请核对编号'
const REFUSED = '不能使用这个页面'
const MOVING = '正在打开这条诉求…'
const MOVING_HOME = '正在打开您的工作台…'
const RESIDENT_CASE = '/pages/case/index'
const STAFF_CASE = '/packages/staff/pages/case/index'

/** What a person should see on a page: a text it is for, the gate's refusal, or a move to another page (saying so). */
type Expected = { shows: string } | { refused: true } | { movesTo: string; saying: string }
const shows = (text: string): Expected => ({ shows: text })
const refused: Expected = { refused: true }
const home = (url: string): Expected => ({ movesTo: `reLaunch ${url}`, saying: MOVING_HOME })

/** The pages opened without a case, and what each person sees there (written out, not read from the app). */
const PLAIN_PAGES: Record<string, Record<Person, Expected>> = {
  'pages/index/index': {
    visitor: shows('我要反映'),
    resident: shows('我要反映'),
    cadre: home('/packages/cadre/pages/home/index'),
    supervisor: home('/packages/supervisor/pages/home/index'),
    admin: home('/packages/admin/pages/home/index'),
  },
  'pages/submit/index': {
    visitor: shows('反映什么问题'),
    resident: shows('反映什么问题'),
    cadre: refused,
    supervisor: refused,
    admin: refused,
  },
  'pages/mine/index': {
    visitor: shows('您还没有反映过问题'),
    resident: shows('下拉可刷新'),
    cadre: shows('您还没有反映过问题'),
    supervisor: shows('您还没有反映过问题'),
    admin: shows('您还没有反映过问题'),
  },
  'pages/me/index': {
    visitor: shows('身份：'),
    resident: shows('使用邀请码'),
    // An official's work pages are on the home (a subpackage); 我的 links to it.
    cadre: shows('进入干部工作台'),
    supervisor: shows('进入督办工作台'),
    admin: shows('进入管理工作台'),
  },
  'packages/cadre/pages/home/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('我的任务（共'),
    supervisor: shows('我的任务（共'),
    admin: refused,
  },
  'packages/dashboard/pages/index/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('您本人的工作数据'),
    supervisor: shows('统计单位'),
    admin: shows('统计单位'),
  },
  'packages/dashboard/pages/records/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('条记录'),
    supervisor: shows('条记录'),
    admin: shows('条记录'),
  },
  'packages/supervisor/pages/home/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('待审核销号'),
    admin: shows('待审核销号'),
  },
  'packages/admin/pages/home/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: refused,
    admin: shows('邀请码管理'),
  },
  'packages/cadre/pages/checkin/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('在此签到'),
    supervisor: shows('还没有分配给您的联系点。'),
    admin: refused,
  },
  'packages/cadre/pages/visit/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('走访类型'),
    supervisor: shows('走访类型'),
    admin: refused,
  },
  'packages/cadre/pages/ledger/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('走访过的住户'),
    supervisor: shows('走访过的住户'),
    admin: shows('走访过的住户'),
  },
  'packages/cadre/pages/work/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('我的签到记录'),
    supervisor: shows('我的签到记录'),
    admin: refused,
  },
  'packages/cadre/pages/tasks/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('按完成时限排列'),
    supervisor: shows('暂时没有要办的诉求。'),
    admin: refused,
  },
  'packages/cadre/pages/callbacks/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('请电话回访下列群众'),
    supervisor: shows('请电话回访下列群众'),
    admin: refused,
  },
  'packages/cadre/pages/onthespot/index': {
    visitor: refused,
    resident: refused,
    cadre: shows('现场怎么解决的'),
    supervisor: shows('现场怎么解决的'),
    admin: refused,
  },
  'packages/supervisor/pages/cases/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('待派单'),
    admin: shows('待派单'),
  },
  'packages/supervisor/pages/points/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('设立联系点'),
    admin: shows('设立联系点'),
  },
  'packages/supervisor/pages/supervision/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('按逾期时长排列'),
    admin: refused,
  },
  'packages/supervisor/pages/lists/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('月份'),
    admin: shows('月份'),
  },
  'packages/supervisor/pages/pledges/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('领导领办'),
    admin: shows('领导领办'),
  },
  'packages/supervisor/pages/checkins/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: shows('辖区内还没有签到记录。'),
    admin: shows('辖区内还没有签到记录。'),
  },
  'packages/admin/pages/org/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: refused,
    admin: shows('组织架构'),
  },
  'packages/admin/pages/users/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: refused,
    admin: shows('人员'),
  },
  'packages/admin/pages/invitations/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: refused,
    admin: shows('生成邀请码'),
  },
  'packages/admin/pages/settings/index': {
    visitor: refused,
    resident: refused,
    cadre: refused,
    supervisor: refused,
    admin: shows('签收时限（小时）'),
  },
  'packages/public/pages/lists/index': {
    visitor: shows('还没有发布过三个清单'),
    resident: shows('还没有发布过三个清单'),
    cadre: shows('还没有发布过三个清单'),
    supervisor: shows('还没有发布过三个清单'),
    admin: shows('还没有发布过三个清单'),
  },
}

/**
 * How each person stands to the resident's case in each state: the reporter; staff who work it (the
 * cadre only once it was assigned to him, and not the one declined or merged before); nobody else.
 */
function standing(person: Person, state: CaseStatus): 'own' | 'staff' | 'none' {
  if (person === 'resident') return 'own'
  if (person === 'visitor') return 'none'
  if (person === 'cadre') return ['submitted', 'declined', 'merged'].includes(state) ? 'none' : 'staff'
  return 'staff'
}

const RATE_TEXT: Record<CaseStatus, string> = {
  submitted: '这条诉求现在是“待受理”，办结后才能评价。',
  assigned: '这条诉求现在是“已安排专人”，办结后才能评价。',
  in_progress: '这条诉求现在是“办理中”，办结后才能评价。',
  pending_closure: '这条诉求现在是“办理完成待审核”，办结后才能评价。',
  closed: '问题解决了吗？',
  declined: '这条诉求不予受理，无需评价。',
  merged: '合并办理，请在那条诉求办结后评价。',
}

function casePageExpectation(route: string, person: Person, state: CaseStatus, id: string): Expected {
  const stands = standing(person, state)
  if (stands === 'none') return shows(NOT_FOUND)
  if (route === 'packages/staff/pages/case/index') {
    return stands === 'staff'
      ? shows(STATUS_TEXT[state])
      : { movesTo: `redirectTo ${RESIDENT_CASE}?id=${id}`, saying: MOVING }
  }
  if (stands === 'staff') return { movesTo: `redirectTo ${STAFF_CASE}?id=${id}`, saying: MOVING }
  return route === 'pages/rate/index' ? shows(RATE_TEXT[state]) : shows(RESIDENT_STATUS_TEXT[state])
}

let world: SimWorld

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp` (npm test builds it first)')
  }
  world = await buildWorld()
})

/** A phone held by `person`, its wx.cloud answered by the real handlers; refusals are kept. */
function phone(person: Person, faults: Faults = {}) {
  const refusals: string[] = []
  const openid = PEOPLE[person] ?? 'sim-visitor'
  const app = new MiniProgram({
    distDir: DIST,
    faults,
    backend: async (name, data) => {
      const result = await runFunction(name, data, world.deps, { openid })
      if (!result.ok) refusals.push(`${name}.${String(data.action)} ${result.code}`)
      return result
    },
  })
  return { app, refusals }
}

/** Opens a page, closes it, and answers what it showed and did. */
async function visit(device: ReturnType<typeof phone>, route: string, query: Record<string, string> = {}) {
  const { app, refusals } = device
  const before = {
    errors: app.errors.length,
    navigations: app.wx.navigations.length,
    refusals: refusals.length,
    calls: app.wx.functionCalls.length,
  }
  const page = await app.open(route, query)
  const texts = textsOf(page.data)
  await app.close(page)
  return {
    texts,
    text: texts.join(''),
    errors: app.errors.slice(before.errors),
    navigations: app.wx.navigations.slice(before.navigations),
    refusals: refusals.slice(before.refusals),
    functionCalls: app.wx.functionCalls.slice(before.calls),
  }
}

type Seen = Awaited<ReturnType<typeof visit>>

/** The page showed what it is for, or refused, or moved on (with a line on screen), and nothing went wrong. */
function expectSeen(seen: Seen, expected: Expected, allowedRefusals: string[] = []): void {
  expect(seen.errors).toEqual([])
  expect(seen.texts.length).toBeGreaterThan(0)
  expect(seen.refusals.filter((refusal) => !allowedRefusals.some((code) => refusal.endsWith(code)))).toEqual([])
  if ('shows' in expected) {
    expect(seen.text).toContain(expected.shows)
    expect(seen.text).not.toContain(REFUSED)
    expect(seen.navigations.filter((to) => to.startsWith('redirectTo'))).toEqual([])
  } else if ('refused' in expected) {
    expect(seen.text).toContain(REFUSED)
    // The gate asks who is looking and nothing else: the page's own calls are never made.
    expect(seen.functionCalls).toEqual(['users.me'])
  } else {
    expect(seen.navigations).toContain(expected.movesTo)
    expect(seen.text).toContain(expected.saying)
  }
}

describe.each(PERSONS)('the WeChat build, held by the %s', (person) => {
  let device: ReturnType<typeof phone>

  beforeAll(async () => {
    device = phone(person)
    await device.app.launch()
  })

  afterAll(() => device.app.dispose())

  test('launches without an error and reaches for no wx API it does not have', () => {
    expect(device.app.errors).toEqual([])
    // webpack keeps its chunk list on wx: read once before it is set, it is not an API.
    expect([...device.app.wx.missing]).toEqual(['webpackJsonp'])
  })

  test('app.json lists exactly the pages this test opens', () => {
    const opened = [
      ...Object.keys(PLAIN_PAGES),
      'pages/case/index',
      'pages/rate/index',
      'packages/staff/pages/case/index',
    ]
    expect([...device.app.routes()].sort()).toEqual(opened.sort())
  })

  test.each(Object.keys(PLAIN_PAGES))('%s', async (route) => {
    const expected = (PLAIN_PAGES[route] as Record<Person, Expected>)[person]
    expectSeen(await visit(device, route), expected)
  })

  test.each(['pages/case/index', 'pages/rate/index', 'packages/staff/pages/case/index'])(
    '%s with a case in each state',
    async (route) => {
      for (const state of STATES) {
        const id = world.cases[state]
        const seen = await visit(device, route, { id })
        const expected = casePageExpectation(route, person, state, id)
        const notFound = 'shows' in expected && expected.shows === NOT_FOUND
        expectSeen(seen, expected, notFound ? ['CASE.NOT_FOUND'] : [])
      }
    },
  )

  test('pages/case by a shared number (a lookup or a link in a message)', async () => {
    const seen = await visit(device, 'pages/case/index', { number: world.numbers.in_progress })
    const expected = casePageExpectation('pages/case/index', person, 'in_progress', world.cases.in_progress)
    expectSeen(seen, expected, person === 'visitor' ? ['CASE.NOT_FOUND'] : [])
  })

  test('no page sent setData over WeChat’s 1 MiB limit', () => {
    expect(device.app.oversizedSetData).toEqual([])
  })

  test('after every page, still no wx API reached for that it does not have (each visit fails on one, too)', () => {
    expect([...device.app.wx.missing]).toEqual(['webpackJsonp'])
  })
})

describe('a page loads once per showing', () => {
  /** The function calls a page made while it opened on a slow phone, and when the person came back to it. */
  async function callsOf(person: Person, route: string, query: Record<string, string> = {}) {
    const device = phone(person)
    await device.app.launch()
    const before = device.app.wx.functionCalls.length
    // A phone so slow that onShow comes well after the page mounted and asked its questions.
    const page = await device.app.open(route, query, 1500)
    const opened = device.app.wx.functionCalls.slice(before)
    const shown = device.app.wx.functionCalls.length
    await device.app.leaveAndComeBack(page)
    const cameBack = device.app.wx.functionCalls.slice(shown)
    await device.app.close(page)
    device.app.dispose()
    expect(device.app.errors).toEqual([])
    return { opened, cameBack }
  }

  test('a refused page asks who is looking once, also on a slow phone, and again when come back to', async () => {
    expect(await callsOf('visitor', 'packages/cadre/pages/checkin/index')).toEqual({
      opened: ['users.me'],
      cameBack: ['users.me'],
    })
  })

  test('我的诉求 loads its list once, also on a slow phone, and again when come back to', async () => {
    expect(await callsOf('resident', 'pages/mine/index')).toEqual({
      opened: ['users.me', 'cases.listMine'],
      cameBack: ['users.me', 'cases.listMine'],
    })
  })
})

describe('WeChat’s privacy check (a person who has not yet agreed)', () => {
  const NOTICE = '个人信息保护提示'
  const STAFF_WORDING = '您在走访、签到和办理中记录的位置'

  async function checkinPage() {
    const device = phone('cadre', { privacyNotAgreed: true })
    await device.app.launch()
    const page = await device.app.open('packages/cadre/pages/checkin/index')
    return { device, page }
  }

  test('the check-in page asks for the position: the notice (staff wording) is on screen, nothing refused yet', async () => {
    const { device, page } = await checkinPage()
    const text = textsOf(page.data).join('')
    expect(text).toContain(NOTICE)
    expect(text).toContain(STAFF_WORDING)
    expect(device.app.wx.calls).toContain('requirePrivacyAuthorize')
    expect(device.app.wx.calls).not.toContain('getLocation')
    expect(device.app.errors).toEqual([])
    device.app.dispose()
  })

  test('同意 on the agreePrivacyAuthorization button: WeChat lets the held call go on, the points show', async () => {
    const { device, page } = await checkinPage()
    await device.app.tap(page, '同意', 'agreeprivacyauthorization')
    const text = textsOf(page.data).join('')
    expect(text).not.toContain(STAFF_WORDING)
    expect(text).toContain('在此签到')
    expect(device.app.wx.calls).toContain('getLocation')
    expect(device.app.errors).toEqual([])
    device.app.dispose()
  })

  test('不同意: no position is taken, and the page says why signing in needs one', async () => {
    const { device, page } = await checkinPage()
    await device.app.tap(page, '不同意')
    const text = textsOf(page.data).join('')
    expect(text).not.toContain(STAFF_WORDING)
    expect(text).toContain('您没有同意个人信息保护提示，所以没有获取位置。签到需要位置。')
    expect(device.app.wx.calls).not.toContain('getLocation')
    expect(device.app.errors).toEqual([])
    device.app.dispose()
  })
})

describe('faults the client meets', () => {
  const PAGES_WITH_A_CALL = ['pages/index/index', 'pages/me/index', 'pages/mine/index', 'pages/case/index']

  async function onFaultyPhone(person: Person, faults: Faults) {
    const device = phone(person, faults)
    await device.app.launch()
    return device
  }

  test('without wx.cloud (an old WeChat): the launch goes on, and each page says to upgrade', async () => {
    const device = await onFaultyPhone('resident', { noCloud: true })
    expect(device.app.errors).toEqual([])
    expect(device.app.warnings.join('\n')).toContain('wx.cloud 初始化失败')
    for (const route of PAGES_WITH_A_CALL) {
      const seen = await visit(device, route, { id: world.cases.in_progress })
      expect(seen.errors).toEqual([])
      expect(seen.text).toContain('您的微信版本过低，请升级微信后再使用。')
    }
    const gated = await onFaultyPhone('cadre', { noCloud: true })
    const seen = await visit(gated, 'packages/cadre/pages/tasks/index')
    expect(seen.errors).toEqual([])
    expect(seen.text).toContain('您的微信版本过低')
    device.app.dispose()
    gated.app.dispose()
  })

  test('cloud.init failing (a wrong environment): the launch goes on, and pages say the network failed', async () => {
    const device = await onFaultyPhone('resident', { cloudInitFails: true })
    expect(device.app.errors).toEqual([])
    expect(device.app.warnings.join('\n')).toContain('cloud.init:fail')
    for (const route of PAGES_WITH_A_CALL) {
      const seen = await visit(device, route, { id: world.cases.in_progress })
      expect(seen.errors).toEqual([])
      expect(seen.text).toContain('网络不畅')
    }
    device.app.dispose()
  })

  test('every call failing on the network: every page that calls says so, the others work', async () => {
    for (const person of ['resident', 'cadre', 'admin'] as const) {
      const device = await onFaultyPhone(person, { networkDown: true })
      expect(device.app.errors).toEqual([])
      for (const route of device.app.routes()) {
        const seen = await visit(device, route, { id: world.cases.in_progress })
        expect({ route, errors: seen.errors }).toEqual({ route, errors: [] })
        if (seen.functionCalls.length > 0) expect({ route, text: seen.text }).toMatchObject({ text: /网络不畅/ })
        else expect({ route, texts: seen.texts.length }).not.toEqual({ route, texts: 0 })
      }
      device.app.dispose()
    }
  })

  test('storage throwing (full or unavailable): forms open without a draft, nothing breaks', async () => {
    for (const [person, route, text] of [
      ['resident', 'pages/submit/index', '反映什么问题'],
      ['cadre', 'packages/cadre/pages/visit/index', '走访类型'],
      ['cadre', 'packages/cadre/pages/onthespot/index', '现场怎么解决的'],
      ['cadre', 'packages/cadre/pages/checkin/index', '在此签到'],
    ] as const) {
      const device = await onFaultyPhone(person, { storageThrows: true })
      const seen = await visit(device, route)
      expect({ route, errors: seen.errors }).toEqual({ route, errors: [] })
      expect(seen.text).toContain(text)
      device.app.dispose()
    }
  })

  /** The page's own text size, as the Page wrapper sets it from the WeChat font setting. */
  async function pageFontSizes(device: ReturnType<typeof phone>, route: string): Promise<string[]> {
    const page = await device.app.open(route)
    const sizes = stylesOf(page.data)
      .map((style) => /font-size:\s*([\d.]+px)/.exec(style)?.[1])
      .filter((size): size is string => Boolean(size))
    await device.app.close(page)
    return sizes
  }

  test('getAppBaseInfo missing (base library before 2.25.3): every page mounts, at the standard 18 px', async () => {
    const device = await onFaultyPhone('supervisor', { noAppBaseInfo: true })
    expect(device.app.errors).toEqual([])
    for (const route of device.app.routes()) {
      const seen = await visit(device, route, { id: world.cases.in_progress })
      expect({ route, errors: seen.errors }).toEqual({ route, errors: [] })
      expect(seen.texts.length).toBeGreaterThan(0)
    }
    expect(await pageFontSizes(device, 'pages/index/index')).toContain('18px')
    device.app.dispose()
  })

  test('the largest WeChat font setting doubles the text: 36 px, and no page fails', async () => {
    const device = await onFaultyPhone('cadre', { fontSizeScaleFactor: 2 })
    expect(await pageFontSizes(device, 'pages/index/index')).toContain('36px')
    for (const route of device.app.routes()) {
      const seen = await visit(device, route, { id: world.cases.in_progress })
      expect({ route, errors: seen.errors }).toEqual({ route, errors: [] })
    }
    device.app.dispose()
  })
})
