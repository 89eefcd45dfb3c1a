import fs from 'node:fs'
import path from 'node:path'
import { ok } from '@core/result'
import { runFunction } from '../../backend/handlers/dispatch'
import { DASHBOARD_FIXTURE } from '../support/dashboard-fixture'
import { MiniProgram, textsOf } from '../support/weapp/simulator'
import { buildWorld, PEOPLE } from '../support/weapp/world'

/**
 * 统计看板 in the WeChat build (dist/weapp), its `stats` call answered with the fixture: the page
 * opens without an error, ECharts takes the mini-program path (a Canvas 2D node reached by a
 * selector query, text measured on its context) and draws its labels. The fake canvas rasterises
 * nothing: how the charts look is the browser test's screenshots, on the same code.
 */

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const DASHBOARD = 'packages/dashboard/pages/index/index'
jest.setTimeout(300_000)

test('a supervisor opens the dashboard: figures as text, three charts drawn on Canvas 2D, no error', async () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error('没有找到 weapp 构建：请先运行 npm run build:weapp')
  const world = await buildWorld()
  const asked: unknown[] = []
  const app = new MiniProgram({
    distDir: DIST,
    backend: async (name, data) => {
      if (name !== 'stats') return runFunction(name, data, world.deps, { openid: PEOPLE.supervisor })
      asked.push(data)
      return ok(DASHBOARD_FIXTURE)
    },
  })
  try {
    await app.launch()
    const page = await app.open(DASHBOARD)
    const text = textsOf(page.data).join('')
    await app.close(page)

    expect(app.errors).toEqual([])
    expect(asked).toEqual([{ action: 'dashboard', period: { kind: 'month' } }])
    for (const shown of ['东湖办事处 · 2026年3月', '80%', '= 按时签收 12 ÷ 派单 15', '默认满意 2 件']) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true })
    }
    // Categories, the weekly trend and the ranking: each on its own node, with its labels drawn.
    // The three node queries answer in whatever order the phone gets to them: find each by its id.
    const bySelector = new Map(app.wx.canvases.map((canvas) => [canvas.selector, canvas]))
    expect([...bySelector.keys()].sort()).toEqual(['#mq-chart-1', '#mq-chart-2', '#mq-chart-3'])
    const [categories, trend, ranking] = ['#mq-chart-1', '#mq-chart-2', '#mq-chart-3'].map((id) => bySelector.get(id))
    expect(categories?.texts).toEqual(expect.arrayContaining(['就业', '教育', '8']))
    expect(trend?.texts).toEqual(expect.arrayContaining(['3月2日']))
    expect(ranking?.texts).toEqual(expect.arrayContaining(['柳岸小区', '3 件']))
    for (const canvas of app.wx.canvases) expect(canvas.calls).toEqual(expect.arrayContaining(['fill', 'fillText']))
    // The node was sized for the phone's pixel ratio (2): 343 × 300 px drawn on 686 × 600.
    expect(app.wx.canvases.map(({ node }) => [node.width, node.height])).toEqual([
      [686, 600],
      [686, 600],
      [686, 600],
    ])
    expect([...app.wx.missing]).toEqual(['webpackJsonp'])
  } finally {
    app.dispose()
  }
})

test('a supervisor taps 导出 Excel: the file is downloaded under its name and opened by WeChat', async () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error('没有找到 weapp 构建：请先运行 npm run build:weapp')
  const world = await buildWorld()
  const app = new MiniProgram({
    distDir: DIST,
    backend: async (name, data) => runFunction(name, data, world.deps, { openid: PEOPLE.supervisor }),
  })
  try {
    await app.launch()
    const page = await app.open(DASHBOARD)
    await app.tap(page, '导出 Excel')
    await app.settle()
    const text = textsOf(page.data).join('')
    await app.close(page)

    expect(app.errors).toEqual([])
    // The simulated world: A办事处, its clock at 2026-03-15.
    const fileName = 'A办事处-2026年3月-民情通统计.xlsx'
    expect(app.wx.files).toEqual([
      {
        api: 'downloadFile',
        url: expect.stringMatching(/^\/files\/xlsx_[0-9a-f]{32}\.xlsx$/),
        filePath: `wxfile://usr/${fileName}`,
      },
      { api: 'openDocument', filePath: `wxfile://usr/${fileName}`, fileType: 'xlsx', showMenu: true },
    ])
    expect(text).toContain(`已导出 ${fileName}`)
  } finally {
    app.dispose()
  }
})
