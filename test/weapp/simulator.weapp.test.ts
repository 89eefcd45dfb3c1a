import fs from 'node:fs'
import path from 'node:path'
import type { Faults } from '../support/weapp/fake-wx'
import { MiniProgram, textsOf } from '../support/weapp/simulator'
import { tempDir } from '../support/temp-dir'

/**
 * The simulator itself, on a tiny mini-program written here (not the app): it must fail a page that
 * throws, in each of the ways WeChat would report it, or the page tests could not fail.
 */

const FIXTURE: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: [
      'pages/fine/index',
      'pages/throws-on-load/index',
      'pages/throws-later/index',
      'pages/rejects/index',
      'pages/logs-error/index',
      'pages/huge/index',
      'pages/reaches-into-subpackage/index',
      'pages/never-calls-page/index',
      'pages/reads-missing-api/index',
      'pages/detects-base-info/index',
      'pages/huge-in-chinese/index',
      'pages/throws-in-success/index',
      'pages/throws-in-cloud-success/index',
    ],
    subPackages: [{ root: 'packages/extra', pages: ['pages/inner/index'] }],
  }),
  'app.js': `App({ onError(message) { getApp().reported = (getApp().reported || []).concat(String(message)) } })`,
  'pages/fine/index.js': `
    var seen = [typeof process, typeof Buffer, typeof window, typeof document, typeof wx, typeof getCurrentPages]
    Page({
      data: { root: { cn: [{ v: '' }] } },
      onLoad: function (query) { this.setData({ 'root.cn[0].v': 'globals ' + seen.join(',') + ' id=' + query.id }) },
    })`,
  'pages/throws-on-load/index.js': `Page({ onLoad: function () { throw new Error('boom on load') } })`,
  'pages/throws-later/index.js': `Page({ onShow: function () { setTimeout(function () { null.x }, 5) } })`,
  'pages/rejects/index.js': `Page({ onLoad: function () { Promise.reject(new Error('nobody caught me')) } })`,
  'pages/logs-error/index.js': `Page({ onReady: function () { console.error('render failed: reading includes') } })`,
  'pages/huge/index.js': `Page({ onLoad: function () { this.setData({ big: new Array(1200 * 1024).join('x') }) } })`,
  'pages/reaches-into-subpackage/index.js': `require('../../packages/extra/pages/inner/index'); Page({})`,
  'pages/never-calls-page/index.js': `var nothing = 1`,
  'pages/reads-missing-api/index.js': `Page({ onLoad: function () { if (wx.openChannelsLive) wx.openChannelsLive() } })`,
  'pages/detects-base-info/index.js': `
    Page({
      data: { root: { cn: [{ v: '' }] } },
      onLoad: function () { this.setData({ 'root.cn[0].v': wx.getAppBaseInfo ? 'new' : 'old' }) },
    })`,
  // 400 Ki characters of 3 bytes each in UTF-8: under 1 MiB counted in UTF-16 units, 1.2 MB on the wire.
  'pages/huge-in-chinese/index.js': `Page({ onLoad: function () { this.setData({ big: new Array(400 * 1024).join('字') }) } })`,
  'pages/throws-in-success/index.js': `
    Page({
      data: { root: { cn: [{ v: 'opened' }] } },
      onLoad: function () {
        var page = this
        wx.showToast({
          title: '好',
          success: function () { throw new Error('bug in my success callback') },
          fail: function () { page.setData({ 'root.cn[0].v': 'fail called' }) },
        })
      },
    })`,
  'pages/throws-in-cloud-success/index.js': `
    Page({
      data: { root: { cn: [{ v: 'opened' }] } },
      onLoad: function () {
        var page = this
        wx.cloud.init()
        wx.cloud.callFunction({
          name: 'cases',
          data: { action: 'get' },
          success: function () { throw new Error('bug in my cloud success callback') },
          fail: function () { page.setData({ 'root.cn[0].v': 'fail called' }) },
        })
      },
    })`,
  'packages/extra/pages/inner/index.js': `Page({ data: { root: { cn: [{ v: 'inner' }] } } })`,
}

let distDir: string

beforeAll(() => {
  distDir = tempDir('mqt-weapp-fixture-')
  for (const [file, content] of Object.entries(FIXTURE)) {
    fs.mkdirSync(path.dirname(path.join(distDir, file)), { recursive: true })
    fs.writeFileSync(path.join(distDir, file), content)
  }
})

async function openFixture(route: string, faults: Faults = {}) {
  const app = new MiniProgram({ distDir, faults, backend: async () => ({ ok: true, data: {} }) })
  await app.launch()
  const page = await app.open(route, { id: 'c-1' })
  await app.close(page)
  app.dispose()
  return { app, page }
}

test('a page that works: no errors, its text, and none of Node’s globals', async () => {
  const { app, page } = await openFixture('pages/fine/index')
  expect(app.errors).toEqual([])
  expect(textsOf(page.data)).toEqual(['globals undefined,undefined,undefined,undefined,object,function id=c-1'])
})

test.each([
  ['pages/throws-on-load/index', 'onLoad: boom on load'],
  ['pages/throws-later/index', 'uncaught exception in a timer'],
  ['pages/rejects/index', 'unhandled rejection: nobody caught me'],
  ['pages/logs-error/index', 'console.error: render failed: reading includes'],
  ['pages/reaches-into-subpackage/index', 'in another package (packages/extra/)'],
  ['pages/never-calls-page/index', 'the page file never called Page()'],
  ['pages/reads-missing-api/index', 'wx.openChannelsLive'],
  ['pages/throws-in-success/index', 'bug in my success callback'],
  ['pages/throws-in-cloud-success/index', 'bug in my cloud success callback'],
])('%s fails, reported as "%s"', async (route, report) => {
  const { app } = await openFixture(route)
  expect(app.errors.join('\n')).toContain(report)
})

test('an error is also handed to App.onError, as WeChat does', async () => {
  const app = new MiniProgram({ distDir, backend: async () => ({ ok: true, data: {} }) })
  await app.launch()
  await app.open('pages/throws-on-load/index')
  app.dispose()
  expect(String(app.appInstance()?.reported)).toContain('boom on load')
})

test('a setData over 1 MiB is flagged', async () => {
  const { app } = await openFixture('pages/huge/index')
  expect(app.oversizedSetData).toEqual([expect.stringMatching(/^pages\/huge\/index: \d+ bytes$/)])
})

test('a setData is measured in UTF-8 bytes, as it goes over the wire: 409,599 Chinese characters are too many', async () => {
  const { app } = await openFixture('pages/huge-in-chinese/index')
  // {"big":"…"}: 10 bytes of JSON around 409,599 characters of 3 bytes each.
  expect(app.oversizedSetData).toEqual(['pages/huge-in-chinese/index: 1228807 bytes'])
})

test('an API a fault removed is feature detection, not a missing API: the page mounts', async () => {
  const old = await openFixture('pages/detects-base-info/index', { noAppBaseInfo: true })
  expect(old.app.errors).toEqual([])
  expect(textsOf(old.page.data)).toEqual(['old'])
  const current = await openFixture('pages/detects-base-info/index')
  expect(current.app.errors).toEqual([])
  expect(textsOf(current.page.data)).toEqual(['new'])
})

test.each(['pages/throws-in-success/index', 'pages/throws-in-cloud-success/index'])(
  '%s: the app’s own success callback throwing is its error, never a call of its fail callback',
  async (route) => {
    const { page } = await openFixture(route)
    expect(textsOf(page.data)).toEqual(['opened'])
  },
)

test('a subpackage page may require its own files, and opens', async () => {
  const { app, page } = await openFixture('packages/extra/pages/inner/index')
  expect(app.errors).toEqual([])
  expect(textsOf(page.data)).toEqual(['inner'])
})
