import { EmbeddedStore } from '../../../backend/adapters/embedded.store'
import { tempDir } from '../../support/temp-dir'
import { describeStoreContract } from './store.contract'

describeStoreContract('embedded (NeDB, file-backed)', async () => {
  const dir = tempDir()
  let store = await EmbeddedStore.open(dir)
  return {
    store,
    reopen: async () => {
      await store.close()
      store = await EmbeddedStore.open(dir)
      return store
    },
  }
})

describeStoreContract('embedded (in memory)', async () => ({ store: EmbeddedStore.inMemory() }))
