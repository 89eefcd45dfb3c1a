// npm run cloudbase:setup — creates the collections, indexes and security rules of backend/collections.ts
// in a CloudBase environment. Needs TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and ENV_ID.
import CloudBase from '@cloudbase/manager-node'
import { setUpDatabase, type DatabaseManager } from '../backend/cloudbase/database-setup'

const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, ENV_ID: envId } = process.env
if (!secretId || !secretKey || !envId) {
  console.error('请设置 TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY 和 ENV_ID 环境变量')
  process.exit(1)
}
const manager = new CloudBase({ secretId, secretKey, envId }) as unknown as DatabaseManager
setUpDatabase(manager, (line) => console.log(line)).catch((error: unknown) => {
  console.error('数据库设置失败：', error)
  process.exit(1)
})
