/**
 * npm run load: the mixed workload (scripts/load/workload.ts) against a fresh local server for up to
 * 60 s (LOAD_SECONDS, at most 60), loopback only; prints req/s, p50/p99 and the answers per action.
 */
import fs from 'node:fs'
import { freshDataDir, printResults, runWorkload, seedWorld, startLocalServer } from './load/workload'

const SECONDS = Math.min(60, Math.max(5, Number(process.env.LOAD_SECONDS ?? 60)))

async function main(): Promise<void> {
  const dataDir = freshDataDir()
  const server = await startLocalServer(dataDir, 3700 + Math.floor(Math.random() * 90))
  try {
    console.log('正在准备数据（居民、干部、联系点、在办诉求）…')
    const world = await seedWorld(server.url, { residents: 1000, cadres: 11, worked: 10 })
    console.log(`负载 ${SECONDS} 秒，50 个连接：提交 20、列表 10、办理 10、签到签退 5、走访 5`)
    printResults(await runWorkload(server.url, world, SECONDS))
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
