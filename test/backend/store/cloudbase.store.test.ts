import { CloudbaseStore, type CloudbaseDatabase } from '../../../backend/adapters/cloudbase.store'
import { FakeDatabase } from '../../support/fake-cloudbase'
import { describeStoreContract } from './store.contract'

const asDatabase = (fake: FakeDatabase) => fake as unknown as CloudbaseDatabase

describeStoreContract('CloudBase (against a fake of the SDK)', async () => ({
  store: new CloudbaseStore(asDatabase(new FakeDatabase())),
}))

describe('CloudBase adapter and the SDK quirks', () => {
  test('every query sends an explicit limit, so no page is silently cut to 100 rows', async () => {
    const fake = new FakeDatabase()
    const store = new CloudbaseStore(asDatabase(fake))
    for (let i = 0; i < 150; i++) await store.insert('things', { _id: `t${String(i).padStart(3, '0')}`, version: 1 })
    expect(await store.query('things', { offset: 0, limit: 150 })).toHaveLength(150)
    expect(fake.sentLimits).toEqual([150])
    // What the quirk would have done to a query without a limit:
    expect((await fake.collection('things').get()).data).toHaveLength(100)
  })

  test('an update replaces nested objects whole instead of merging into them', async () => {
    const store = new CloudbaseStore(asDatabase(new FakeDatabase()))
    await store.insert('things', { _id: 'x', version: 1, location: { coords: { lat: 1, lng: 2 }, address: '旧地址' } })
    await store.updateIfVersion('things', 'x', 1, { location: { address: '新地址' } })
    expect(await store.get('things', 'x')).toEqual({ _id: 'x', version: 2, location: { address: '新地址' } })
  })

  test('update data is written directly, never under a `data` field', async () => {
    const fake = new FakeDatabase()
    const store = new CloudbaseStore(asDatabase(fake))
    await store.insert('things', { _id: 'x', version: 1, kind: 'a' })
    await store.updateIfVersion('things', 'x', 1, { kind: 'b' })
    const stored = fake.rows('things').get('x')
    expect(stored).toEqual({ _id: 'x', version: 2, kind: 'b' })
    expect(stored).not.toHaveProperty('data')
  })
})
