/**
 * npm run bench:store: how far the embedded store goes. The history of bench/history.ts is written
 * to a data folder on disk at 10k and 100k cases; then the local server is started on it (no demo
 * data) and timed until it answers /healthz, and its resident memory (RSS) read once it does. The
 * NeDB loads every collection into memory at start-up (both grow with history); SQLite reads pages
 * on demand. BENCH_STORE=nedb|sqlite|both (default) picks the engines, compared in one run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Deps } from '../backend/handlers/context'
import { engines, onDisk, type Engine } from './engines'
import { NOW, seed } from './history'

const ROOT = path.resolve(__dirname, '..')
const PORT = 3950 + Math.floor(Math.random() * 40)

async function writeHistory(engine: Engine, dataDir: string, count: number): Promise<void> {
  const store = await onDisk(engine, path.join(dataDir, 'db'), true)
  const deps: Deps = {
    store,
    files: {
      isImage: async () => false,
      temporaryUrls: async () => ({}),
      saveExport: async () => ({ fileId: '', url: '' }),
    },
    clock: { now: () => NOW },
    notifier: { send: async () => undefined },
    contentCheck: { check: async (texts) => texts.map(({ key }) => ({ key, verdict: 'pass' })) },
    settings: { bootstrapAdminOpenids: [], rateLimits: [] },
  }
  await seed(deps, count)
  await store.close()
}

/** Starts the server on the folder: milliseconds until /healthz answers, and its RSS then (MB). */
async function startUp(engine: Engine, dataDir: string): Promise<{ ms: number; rssMb: number }> {
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
    return { ms, rssMb: rssKb / 1024 }
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
        const { ms, rssMb } = await startUp(engine, dataDir)
        rows.push(
          `${engine.padEnd(6)} | ${String(count).padStart(7)} 条诉求 | 数据 ${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MB | 启动 ${(ms / 1000).toFixed(1).padStart(5)} s | 内存 ${rssMb.toFixed(0).padStart(5)} MB`,
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
