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

test('the kept count of an array value follows inserts, updates and the elements it repeats', async () => {
  const store = await SqliteStore.open(tempDir())
  const doc = (id: string, units: string[]) => ({ _id: id, version: 1, scopeUnitIds: units, createdAt: 1 })
  await store.insert('cases', doc('a', ['d', 'o1', 'o1']))
  await store.insert('cases', doc('b', ['d', 'o2']))
  await store.insert('cases', doc('a', ['x']))
  await store.updateIfVersion('cases', 'b', 1, { scopeUnitIds: ['d', 'o1'] })
  const counted = async (unit: string) => [
    await store.count('cases', { scopeUnitIds: unit }),
    (await store.query('cases', { filter: { scopeUnitIds: unit }, offset: 0, limit: 10 })).length,
  ]
  expect([await counted('d'), await counted('o1'), await counted('o2'), await counted('x')]).toEqual([
    [2, 2],
    [2, 2],
    [0, 0],
    [0, 0],
  ])
  await store.close()
})
