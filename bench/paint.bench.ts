/**
 * npm run bench (H5 part): when the home page first paints on a slow line — 1.6 Mbps down, 750 kbps
 * up, 150 ms round trip, a CPU four times slower (Chromium's throttling over CDP) — opened cold (a
 * browser that never saw the site) and warm (the same browser again: the hashed assets come from its
 * cache, the page is revalidated). Median of RUNS each. Needs the H5 build (npm run build:h5).
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

/** Opens the home page throttled in this context and answers its first contentful paint (ms). */
async function firstPaint(context: BrowserContext): Promise<number> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINE)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' })
  const paint = await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    undefined,
    { timeout: 60_000, polling: 50 },
  )
  const at = Number(await paint.jsonValue())
  await page.close()
  return at
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
    const cold: number[] = []
    const warm: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
      cold.push(await firstPaint(context))
      warm.push(await firstPaint(context))
      await context.close()
    }
    console.log(`H5 首页首次绘制（1.6 Mbps、150 ms、CPU 降速 4 倍；${RUNS} 次的中位数）`)
    console.log(`  首次打开 ${seconds(median(cold))}（${cold.map(seconds).join('、')}）`)
    console.log(`  再次打开 ${seconds(median(warm))}（${warm.map(seconds).join('、')}）`)
    console.log(`  再次 / 首次 = ${(median(warm) / median(cold)).toFixed(2)}`)
  } finally {
    await browser.close()
    server.kill()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
