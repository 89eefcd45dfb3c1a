/**
 * npm run bench:store: how far the embedded store goes. The history of bench/history.ts is written
 * to a data folder on disk at 10k and 100k cases; then the local server is started on it (no demo
 * data) and timed until it answers /healthz, and its resident memory (RSS) read once it does. The
 * NeDB loads every collection into memory at start-up (both grow with history); SQLite reads pages
 * on demand. Then, over HTTP as the app calls it, get-by-id is driven from autocannon's usual 10
 * connections, idle and while two more connections ask for staff lists (辖区全部, 我的任务)
 * without pause: what a list costs everyone else. BENCH_STORE=nedb|sqlite|both (default) picks
 * the engines, compared in one run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { engines, onDisk, type Engine } from './engines'
import { benchDeps, HANDLER, SUPERVISOR, seed } from './history'

const ROOT = path.resolve(__dirname, '..')
const PORT = 3950 + Math.floor(Math.random() * 40)

async function writeHistory(engine: Engine, dataDir: string, count: number): Promise<void> {
  const store = await onDisk(engine, path.join(dataDir, 'db'), true)
  await seed(benchDeps(store), count)
  await store.close()
}

const CONTENTION_SECONDS = 5

/** A POST to a function as `openid`, for autocannon. */
function fnRequest(openid: string, fn: string, body: Record<string, unknown>) {
  return {
    url: `http://127.0.0.1:${PORT}/fn/${fn}`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', 'x-demo-user': openid },
    body: JSON.stringify(body),
  }
}

/** get-by-id req/s over 10 connections: idle, then while two connections loop staff lists. */
async function getUnderLists(): Promise<{ idle: number; loaded: number; lists: number }> {
  const get = () =>
    autocannon({
      ...fnRequest(SUPERVISOR.openid, 'cases', { action: 'get', id: 'bench-case-5' }),
      connections: 10,
      duration: CONTENTION_SECONDS,
    })
  const list = (openid: string, body: Record<string, unknown>) =>
    autocannon({ ...fnRequest(openid, 'cases', body), connections: 1, duration: CONTENTION_SECONDS })
  const idle = await get()
  const [loaded, all, tasks] = await Promise.all([
    get(),
    list(SUPERVISOR.openid, { action: 'listInScope', queue: 'all' }),
    list(HANDLER.openid, { action: 'listMyTasks' }),
  ])
  for (const result of [idle, loaded, all, tasks])
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`)
  return {
    idle: idle.requests.average,
    loaded: loaded.requests.average,
    lists: all.requests.average + tasks.requests.average,
  }
}

/**
 * Starts the server on the folder: milliseconds until /healthz answers, its RSS then (MB), and
 * get-by-id's throughput idle and under two list loops.
 */
async function startUp(
  engine: Engine,
  dataDir: string,
): Promise<{ ms: number; rssMb: number; contention: Awaited<ReturnType<typeof getUnderLists>> }> {
  const started = performance.now()
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'backend', 'local', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DEMO_DATA: 'off',
      STATIC_DIR: dataDir,
      STORE: engine,
    },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the local server exited (${server.exitCode})`)
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const ms = performance.now() - started
    const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return { ms, rssMb: rssKb / 1024, contention: await getUnderLists() }
  } finally {
    server.kill('SIGKILL')
  }
}

async function main(): Promise<void> {
  console.log('\n内嵌存储的承载：写入历史后启动本地服务的耗时与内存\n')
  const rows: string[] = []
  for (const count of [10_000, 100_000]) {
    for (const engine of engines()) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-store-'))
      try {
        await writeHistory(engine, dataDir, count)
        const bytes = fs
          .readdirSync(path.join(dataDir, 'db'))
          .reduce((sum, file) => sum + fs.statSync(path.join(dataDir, 'db', file)).size, 0)
        const { ms, rssMb, contention } = await startUp(engine, dataDir)
        const { idle, loaded, lists } = contention
        rows.push(
          `${engine.padEnd(6)} | ${String(count).padStart(7)} 条诉求 | 数据 ${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MB | 启动 ${(ms / 1000).toFixed(1).padStart(5)} s | 内存 ${rssMb.toFixed(0).padStart(5)} MB | 查看一条 ${idle.toFixed(0).padStart(5)} → ${loaded.toFixed(0).padStart(5)} 次/秒（两路清单 ${lists.toFixed(0)} 次/秒）= ${((loaded / idle) * 100).toFixed(0)} %`,
        )
        console.log(rows.at(-1))
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    }
  }
  console.log('')
  for (const row of rows) console.log(row)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
