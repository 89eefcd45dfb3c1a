import { SqliteStore } from '../../../backend/adapters/sqlite.store'
import { databasePlan, setUpDatabase, type DatabaseManager } from '../../../backend/cloudbase/database-setup'
import { COLLECTIONS } from '../../../backend/collections'
import { tempDir } from '../../support/temp-dir'

const declared = Object.entries(COLLECTIONS).flatMap(([name, { indexes }]) =>
  indexes.map(
    (index: { field: string; unique?: boolean; geo?: boolean; then?: readonly string[] }) =>
      `${name}.${[index.field, ...(index.then ?? [])].join('+')}${index.unique ? ' unique' : ''}${index.geo ? ' geo' : ''}`,
  ),
)

test('the subtree queries are indexed: the declared list holds them', () => {
  expect(declared).toEqual(
    expect.arrayContaining([
      'cases.scopeUnitIds',
      'cases.followerOpenids',
      'users.unitPath',
      'orgUnits.ancestorIds',
      'cases.number unique',
      'contactPoints.geo geo',
    ]),
  )
})

test('the embedded store creates exactly the declared indexes (but the geo ones, which SQLite lacks)', async () => {
  const store = await SqliteStore.open(tempDir())
  const created = (await store.indexes()).flatMap(({ collection, field, unique }) =>
    field === '_id' ? [] : [`${collection}.${field}${unique ? ' unique' : ''}`],
  )
  expect(created.sort()).toEqual(declared.filter((index) => !index.endsWith(' geo')).sort())
  await store.close()
})

test('the CloudBase set-up creates the same indexes, locks every collection to functions, and is repeatable', async () => {
  const existing = new Set<string>()
  const calls: string[] = []
  const manager: DatabaseManager = {
    database: {
      createCollectionIfNotExists: async (name) => calls.push(`collection ${name}`),
      checkIndexExists: async (collection, index) => ({ Exists: existing.has(`${collection}.${index}`) }),
      updateCollection: async (collection, { CreateIndexes }) => {
        for (const index of CreateIndexes) {
          existing.add(`${collection}.${index.IndexName}`)
          const keys = index.MgoKeySchema.MgoIndexKeys
          const geo = keys[0]?.Direction === '2dsphere' ? ' geo' : ''
          const fields = keys.map((key) => key.Name).join('+')
          calls.push(`index ${collection}.${fields}${index.MgoKeySchema.MgoIsUnique ? ' unique' : ''}${geo}`)
        }
      },
    },
    permission: {
      modifyResourcePermission: async ({ resource, permission }) => calls.push(`rule ${resource} ${permission}`),
    },
    storage: {
      setStorageAcl: async (acl, rule) => calls.push(`storage ${acl} ${JSON.stringify(rule)}`),
    },
  }
  await setUpDatabase(manager, () => undefined)
  expect(
    calls
      .filter((c) => c.startsWith('index '))
      .map((c) => c.slice(6))
      .sort(),
  ).toEqual([...declared].sort())
  expect(calls.filter((c) => c.startsWith('rule ')).sort()).toEqual(
    Object.keys(COLLECTIONS)
      .map((name) => `rule ${name} ADMINONLY`)
      .sort(),
  )
  // Photos: clients upload their own files and read none directly; the functions hand out short-lived URLs.
  expect(calls.filter((c) => c.startsWith('storage '))).toEqual([
    'storage CUSTOM {"read":false,"write":"resource.openid == auth.openid"}',
  ])
  const indexCalls = calls.filter((c) => c.startsWith('index ')).length
  await setUpDatabase(manager, () => undefined)
  expect(calls.filter((c) => c.startsWith('index ')).length).toBe(indexCalls)
  expect(databasePlan().map((c) => c.name)).toEqual(Object.keys(COLLECTIONS))
})
