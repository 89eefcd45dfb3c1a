import { COLLECTIONS, type IndexSpec } from '../collections'
import storageRule from './storage-rules.json'

/**
 * The CloudBase database this backend expects, derived from the same list of collections and
 * indexes the embedded store creates: every collection, its indexes, and a rule that no client
 * reads or writes it directly (everything goes through functions, DESIGN.md §5).
 */
export interface CollectionPlan {
  name: string
  indexes: Array<{
    IndexName: string
    MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: '1' | '2dsphere' }>; MgoIsUnique: boolean }
  }>
  permission: 'ADMINONLY'
}

function indexName(index: IndexSpec): string {
  const fields = [index.field, ...(index.then ?? [])]
    .map((field) => `${field.replace(/\./g, '_')}_${index.geo ? '2dsphere' : '1'}`)
    .join('_')
  return `${fields}${index.unique ? '_unique' : ''}`
}

export function databasePlan(): CollectionPlan[] {
  return Object.entries(COLLECTIONS).map(([name, { indexes }]) => ({
    name,
    indexes: (indexes as readonly IndexSpec[]).map((index) => ({
      IndexName: indexName(index),
      MgoKeySchema: {
        MgoIndexKeys: [index.field, ...(index.then ?? [])].map((field) => ({
          Name: field,
          Direction: index.geo ? ('2dsphere' as const) : ('1' as const),
        })),
        MgoIsUnique: index.unique ?? false,
      },
    })),
    permission: 'ADMINONLY',
  }))
}

/** The parts of @cloudbase/manager-node the set-up uses. */
export interface DatabaseManager {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>
    checkIndexExists(collection: string, index: string): Promise<{ Exists?: boolean }>
    updateCollection(collection: string, info: { CreateIndexes: CollectionPlan['indexes'] }): Promise<unknown>
  }
  permission: {
    modifyResourcePermission(options: {
      resourceType: 'collection'
      resource: string
      permission: 'ADMINONLY'
    }): Promise<unknown>
  }
  storage: {
    setStorageAcl(acl: 'CUSTOM', rule: StorageRule): Promise<unknown>
  }
}

interface StorageRule {
  read: boolean | string
  write: boolean | string
}

/**
 * Cloud storage: a client uploads its own photos and reads no file directly; functions read every
 * file and hand a viewer short-lived URLs of the photos they may see (storage-rules.json).
 */
const STORAGE_RULE: StorageRule = storageRule

/** Applies the plan; safe to run again (existing collections and indexes are left as they are). */
export async function setUpDatabase(manager: DatabaseManager, log: (line: string) => void): Promise<void> {
  for (const collection of databasePlan()) {
    await manager.database.createCollectionIfNotExists(collection.name)
    for (const index of collection.indexes) {
      const { Exists } = await manager.database.checkIndexExists(collection.name, index.IndexName)
      if (!Exists) await manager.database.updateCollection(collection.name, { CreateIndexes: [index] })
      log(`${collection.name}.${index.IndexName}: ${Exists ? '已存在' : '已创建'}`)
    }
    await manager.permission.modifyResourcePermission({
      resourceType: 'collection',
      resource: collection.name,
      permission: collection.permission,
    })
    log(`${collection.name}: 仅云函数可读写`)
  }
  await manager.storage.setStorageAcl('CUSTOM', STORAGE_RULE)
  log('云存储：用户只能上传自己的照片，不能直接读取任何文件')
}
