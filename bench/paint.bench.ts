/**
 * npm run bench (H5 part): when the home page first paints on a slow line — 1.6 Mbps down, 750 kbps
 * up, 150 ms round trip, a CPU four times slower (Chromium's throttling over CDP) — opened cold (a
 * browser that never saw the site) and warm (the same browser again: the hashed assets come from its
 * cache, the page is revalidated). Median of RUNS each. Beside the first contentful paint: when the
 * home's own content is painted (largest contentful paint), and the files fetched over the line
 * before the first paint (none on the warm visit, if the long caching works). Needs the H5 build
 * (npm run build:h5).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

const ROOT = path.resolve(__dirname, '..')
const H5 = path.join(ROOT, 'dist', 'h5')
const RUNS = 5
const PORT = 3900 + Math.floor(Math.random() * 90)
const SLOW_LINE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'backend', 'local', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, STATIC_DIR: H5 },
    stdio: 'ignore',
  })
  for (let tries = 0; tries < 300; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  server.kill()
  throw new Error('the local server did not start')
}

interface Visit {
  /** First contentful paint (ms): the first words or picture on the screen. */
  paint: number
  /** Largest contentful paint (ms): the home's own content (its first card), not just a title bar. */
  content: number
  /** Files (scripts, styles, fonts, images) fetched over the line before the first paint, and their bytes. */
  files: number
  bytes: number
}

const API_PATH = /^\/(fn|files|dev|demo|healthz)(\/|$)/

/**
 * Opens the home page throttled in this context: when it first paints, when its content is painted,
 * and what it took from the line before the first paint (the page itself, the API and what came from
 * the browser's cache not counted: on the warm visit every hashed file should come from there).
 */
async function visit(context: BrowserContext): Promise<Visit> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  let started = 0
  const files = new Map<string, { finished: number; bytes: number }>()
  const cached = new Set<string>()
  cdp.on('Network.requestWillBeSent', ({ type, timestamp }) => {
    if (type === 'Document' && !started) started = timestamp
  })
  cdp.on('Network.requestServedFromCache', ({ requestId }) => cached.add(requestId))
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const { pathname } = new URL(response.url)
    if (response.fromDiskCache) cached.add(requestId)
    if (pathname !== '/' && !API_PATH.test(pathname)) files.set(requestId, { finished: Infinity, bytes: 0 })
  })
  cdp.on('Network.loadingFinished', ({ requestId, timestamp, encodedDataLength }) => {
    const file = files.get(requestId)
    if (file) Object.assign(file, { finished: timestamp, bytes: encodedDataLength })
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINE)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' })
  const painted = await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    undefined,
    { timeout: 60_000, polling: 50 },
  )
  const paint = Number(await painted.jsonValue())
  // The largest paint once the home's own button is on the screen and its frame has been drawn.
  await page.locator('.home__report').waitFor({ timeout: 60_000 })
  await page.waitForTimeout(500)
  const content = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? 0)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        })
      }),
  )
  await page.close()
  const before = [...files]
    .filter(([requestId, file]) => !cached.has(requestId) && (file.finished - started) * 1000 <= paint)
    .map(([, file]) => file)
  return { paint, content, files: before.length, bytes: before.reduce((sum, file) => sum + file.bytes, 0) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(H5, 'index.html'))) {
    console.log('首页首次绘制：跳过（没有 H5 构建，请先运行 npm run build:h5）')
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-paint-'))
  const server = await startServer(dataDir)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const cold: Visit[] = []
    const warm: Visit[] = []
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
      cold.push(await visit(context))
      warm.push(await visit(context))
      await context.close()
    }
    console.log(`H5 首页首次绘制（1.6 Mbps、150 ms、CPU 降速 4 倍；${RUNS} 次的中位数）`)
    for (const [label, visits] of [
      ['首次打开', cold],
      ['再次打开', warm],
    ] as const) {
      const paints = visits.map((one) => one.paint)
      console.log(
        `  ${label} ${seconds(median(paints))}（${paints.map(seconds).join('、')}），` +
          `首页内容 ${seconds(median(visits.map((one) => one.content)))}；` +
          `首次绘制前从网络取 ${median(visits.map((one) => one.files))} 个文件、` +
          `${(median(visits.map((one) => one.bytes)) / 1024).toFixed(0)} KB`,
      )
    }
    const ratio = median(warm.map((one) => one.paint)) / median(cold.map((one) => one.paint))
    console.log(`  再次 / 首次 = ${ratio.toFixed(2)}`)
  } finally {
    await browser.close()
    // The store may still be writing as the server stops: remove its folder once it has exited.
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill()
    await exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
