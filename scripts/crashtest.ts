/**
 * npm run crashtest: the mixed workload of npm run load against a local server that is killed with
 * SIGKILL in the middle of it, three times, and restarted on the same data folder each time; then
 * every submit the server acknowledged (answered with an id) is looked up: acknowledged and found
 * must be equal.
 */
import fs from 'node:fs'
import {
  call,
  freshDataDir,
  runWorkload,
  seedWorld,
  startLocalServer,
  type LocalServer,
  type Tally,
} from './load/workload'

const ROUNDS = 3
const ROUND_SECONDS = 12
const KILL_AFTER_MS = 6_000
const ADMIN = 'demo-admin'

async function main(): Promise<void> {
  const dataDir = freshDataDir()
  const port = 3800 + Math.floor(Math.random() * 90)
  let server: LocalServer = await startLocalServer(dataDir, port)
  try {
    const world = await seedWorld(server.url, { residents: 600, cadres: 11, worked: 10 })
    const tallies = new Map<string, Tally>()
    for (let round = 1; round <= ROUNDS; round++) {
      const running = runWorkload(server.url, world, ROUND_SECONDS, tallies)
      await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS))
      server.process.kill('SIGKILL')
      console.log(`第 ${round} 轮：负载进行中，第 ${KILL_AFTER_MS / 1000} 秒 kill -9 本地服务，随即重启`)
      server = await startLocalServer(dataDir, port)
      await running
    }
    const acknowledged = tallies.get('submit')?.acknowledged ?? []
    let found = 0
    for (let start = 0; start < acknowledged.length; start += 20) {
      const batch = acknowledged.slice(start, start + 20)
      const answers = await Promise.allSettled(
        batch.map((id) => call(server.url, ADMIN, 'cases', { action: 'get', id })),
      )
      found += answers.filter((answer) => answer.status === 'fulfilled').length
    }
    console.log(
      `已确认的提交 ${acknowledged.length} 条，重启后找到 ${found} 条${found === acknowledged.length ? '：一条不少' : '：有丢失！'}`,
    )
    if (found !== acknowledged.length) process.exitCode = 1
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
