import { SqliteStore } from '../../../backend/adapters/sqlite.store'
import { tempDir } from '../../support/temp-dir'
import { describeStoreContract } from './store.contract'

describeStoreContract('embedded (SQLite, file-backed)', async () => {
  const dir = tempDir()
  let store = await SqliteStore.open(dir)
  return {
    store,
    reopen: async () => {
      await store.close()
      store = await SqliteStore.open(dir)
      return store
    },
  }
})

describeStoreContract('embedded (SQLite, in memory)', async () => ({ store: SqliteStore.inMemory() }))
