// npm run rollups:rebuild — recomputes the figures' rollups from the raw records (cases, visits,
// sign-ins), prints every difference from the stored ones and repairs them (`-- --check` only prints).
// Locally it opens DATA_DIR (default .data; stop the local server first: one process per data
// directory). With ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY it runs on CloudBase.
import path from 'node:path'
import { init } from '@cloudbase/node-sdk'
import { CloudbaseStore } from '../backend/adapters/cloudbase.store'
import { SqliteStore } from '../backend/adapters/sqlite.store'
import type { Store } from '../backend/ports/store'
import { rebuildRollups } from '../backend/stats/rebuild'

async function openStore(): Promise<Store> {
  const { ENV_ID: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (env) {
    if (!secretId || !secretKey)
      throw new Error('在 CloudBase 上重算需要 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY')
    return new CloudbaseStore(init({ env, secretId, secretKey }).database())
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '..', '.data'))
  return SqliteStore.open(path.join(dataDir, 'db'))
}

async function main(): Promise<void> {
  const repair = !process.argv.includes('--check')
  const store = await openStore()
  try {
    const differences = await rebuildRollups(store, { repair })
    for (const d of differences) console.log(`${d.id}  ${d.counter}: 存储 ${d.stored}，重算 ${d.recomputed}`)
    const verdict = differences.length === 0 ? '汇总数据与原始记录一致，没有差异' : `发现 ${differences.length} 处差异`
    console.log(repair && differences.length > 0 ? `${verdict}，已修正` : verdict)
  } finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  console.error('重算汇总数据失败：', error)
  process.exit(1)
})
