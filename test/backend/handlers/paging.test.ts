import { SqliteStore } from '../../../backend/adapters/sqlite.store'
import { readUpTo } from '../../../backend/handlers/paging'
import { tempDir } from '../../support/temp-dir'

test('readUpTo reads past a store page by keyset, in order, stops at the limit and counts them all', async () => {
  const store = await SqliteStore.open(tempDir())
  // 2,100 rows, many sharing a time (ties are broken by _id), inserted out of order.
  for (let i = 2099; i >= 0; i -= 1) {
    await store.insert('visits', { _id: `v${String(i).padStart(4, '0')}`, at: Math.floor(i / 3), unitPath: ['u'] })
  }
  await store.insert('visits', { _id: 'other', at: 5, unitPath: ['x'] })
  const read = await readUpTo<{ _id: string; at: number }>(store, 'visits', {
    filter: { unitPath: 'u' },
    sort: [['at', 1]],
    limit: 2050,
  })
  expect([read.rows.length, read.total, read.rows[0]?._id, read.rows[1999]?._id, read.rows[2049]?._id]).toEqual([
    2050,
    2100,
    'v0000',
    'v1999',
    'v2049',
  ])
  expect(new Set(read.rows.map((row) => row._id)).size).toBe(2050)
  await store.close()
})
