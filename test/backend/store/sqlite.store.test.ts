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

test('a common array value (walked) and a rare one (looked up) answer the same rows in the same order', async () => {
  const store = SqliteStore.inMemory()
  for (let i = 0; i < 400; i++) {
    const units = i % 100 === 0 ? ['d', 'rare'] : ['d']
    await store.insert('cases', {
      _id: `c${String(i).padStart(3, '0')}`,
      version: 1,
      scopeUnitIds: units,
      createdAt: i % 50,
    })
  }
  const ids = async (unit: string, after?: Array<string | number>) =>
    (
      await store.query('cases', {
        filter: { scopeUnitIds: unit },
        sort: [['createdAt', -1]],
        offset: 0,
        limit: 3,
        ...(after ? { after } : {}),
      })
    ).map((doc) => doc._id)
  expect(await ids('d')).toEqual(['c049', 'c099', 'c149'])
  expect(await ids('d', [49, 'c149'])).toEqual(['c199', 'c249', 'c299'])
  expect(await ids('rare')).toEqual(['c000', 'c100', 'c200'])
  expect(await ids('rare', [0, 'c200'])).toEqual(['c300'])
  expect([
    await store.count('cases', { scopeUnitIds: 'd' }),
    await store.count('cases', { scopeUnitIds: 'rare' }),
  ]).toEqual([400, 4])
  await store.close()
})
