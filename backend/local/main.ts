import path from 'node:path'
import { DiskFileStore } from '../adapters/disk.files'
import { EmbeddedStore } from '../adapters/embedded.store'
import { SqliteStore } from '../adapters/sqlite.store'
import { ExceljsWorkbooks } from '../adapters/exceljs.workbook'
import { KeywordContentCheck } from '../adapters/keyword.content-check'
import { IndexCheckingStore, UNCOVERED_MARKER } from '../index-coverage'
import { RollupKeepingStore } from '../rollups'
import { OutboxNotifier } from '../adapters/outbox.notifier'
import { AdjustableClock } from '../adapters/system.clock'
import { settingsFromEnv } from '../handlers/context'
import { markListedUsersJob } from '../jobs/mark-listed-users'
import { JOBS } from '../jobs/registry'
import { seedDemoData } from './demo-data'
import { startScheduler } from './scheduler'
import { buildLocalServer } from './server'

/** Starts the local server: PORT, HOST, DATA_DIR, STATIC_DIR, DEMO_DATA=off and STORE are read from the environment. */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..')
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'))
  const staticDir = path.resolve(process.env.STATIC_DIR ?? path.join(root, 'dist', 'h5'))
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'

  // SQLite; STORE=nedb opens the former NeDB files instead (for bench:store's comparison).
  const embedded =
    process.env.STORE === 'nedb'
      ? await EmbeddedStore.open(path.join(dataDir, 'db'))
      : await SqliteStore.open(path.join(dataDir, 'db'))
  // Under test, every query is checked against the declared indexes (the test harness reads the marker).
  const checked =
    process.env.STORE_INDEX_CHECK === '1'
      ? new IndexCheckingStore(embedded, (problem) => console.error(`${UNCOVERED_MARKER} ${problem}`))
      : embedded
  // Every write of a case, visit or sign-in keeps the figures' rollups.
  const store = new RollupKeepingStore(checked)
  const files = await DiskFileStore.open(path.join(dataDir, 'files'))
  const clock = new AdjustableClock()
  const deps = {
    store,
    files,
    clock,
    notifier: new OutboxNotifier(store, clock),
    contentCheck: new KeywordContentCheck(),
    workbooks: new ExceljsWorkbooks(),
    // Locally every answer is checked against its declared shape (CHECK_OUTPUTS=0 turns it off).
    settings: settingsFromEnv({ CHECK_OUTPUTS: '1', ...process.env }),
  }
  if (process.env.DEMO_DATA !== 'off' && (await seedDemoData(deps))) {
    console.log('已创建演示数据（用户、组织和几条诉求）')
  }
  // Users stored before 人员管理 left out anonymous visitors are marked before the first request (once).
  await markListedUsersJob.run(deps)

  const app = await buildLocalServer({ deps, jobs: JOBS, staticDir, isStoreOpen: () => embedded.isOpen })
  const stopScheduler = startScheduler(JOBS, deps)
  await app.listen({ port, host })
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.log(`民情通本地服务已启动：http://${host}:${actualPort}/  （数据目录 ${dataDir}）`)

  const shutdown = async () => {
    stopScheduler()
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
}

main().catch((error: unknown) => {
  console.error('民情通本地服务启动失败：', error)
  process.exit(1)
})
