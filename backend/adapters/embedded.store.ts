import fs from 'node:fs/promises'
import path from 'node:path'
import Datastore from '@seald-io/nedb'
import { COLLECTIONS, type IndexSpec } from '../collections'
import {
  checkQueryOptions,
  escapeRegExp,
  fullSort,
  keysetClauses,
  type Filter,
  type InsertOutcome,
  type QueryOptions,
  type Scalar,
  type Store,
  type StoredDoc,
} from '../ports/store'

/** Port filters are a subset of NeDB's (and MongoDB's) query language; only $contains and $prefix are ours. */
function toNedbQuery(filter: Filter | undefined): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [field, condition] of Object.entries(filter ?? {})) {
    if (condition !== null && typeof condition === 'object' && '$contains' in condition) {
      query[field] = { $regex: new RegExp(escapeRegExp(condition.$contains), 'i') }
    } else if (condition !== null && typeof condition === 'object' && '$prefix' in condition) {
      query[field] = { $regex: new RegExp(`^${escapeRegExp(condition.$prefix)}`) }
    } else query[field] = condition
  }
  return query
}

function indexesOf(collection: string): readonly IndexSpec[] {
  return (COLLECTIONS as Record<string, { indexes: readonly IndexSpec[] }>)[collection]?.indexes ?? []
}

/**
 * The embedded adapter: one NeDB datastore (an append-only file) per collection in `dataDir`.
 * NeDB runs operations one at a time, which makes conditional updates and increments atomic, and
 * resolves a write only after it was appended to the file, so an acknowledged write survives a
 * restart.
 */
export class EmbeddedStore implements Store {
  private readonly datastores = new Map<string, Promise<Datastore>>()
  private closed = false

  private constructor(private readonly dataDir: string | null) {}

  /** A file-backed store in `dataDir` (created if missing). */
  static async open(dataDir: string): Promise<EmbeddedStore> {
    await fs.mkdir(dataDir, { recursive: true })
    const store = new EmbeddedStore(dataDir)
    await Promise.all(Object.keys(COLLECTIONS).map((name) => store.collection(name)))
    return store
  }

  /** A throwaway in-memory store, for benchmarks of the handler layer. */
  static inMemory(): EmbeddedStore {
    return new EmbeddedStore(null)
  }

  get isOpen(): boolean {
    return !this.closed
  }

  private collection(name: string): Promise<Datastore> {
    if (this.closed) return Promise.reject(new Error('store is closed'))
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) return Promise.reject(new Error(`bad collection name ${name}`))
    let datastore = this.datastores.get(name)
    if (!datastore) {
      datastore = (async () => {
        const ds = this.dataDir
          ? new Datastore({ filename: path.join(this.dataDir, `${name}.db`) })
          : new Datastore({ inMemoryOnly: true })
        await ds.loadDatabaseAsync()
        for (const index of indexesOf(name)) {
          if (index.geo) continue // NeDB has no geo index; the few points per query are scanned
          await ds.ensureIndexAsync({ fieldName: index.field, unique: index.unique ?? false })
        }
        return ds
      })()
      this.datastores.set(name, datastore)
    }
    return datastore
  }

  async insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome> {
    const ds = await this.collection(collection)
    try {
      await ds.insertAsync(doc)
      return 'inserted'
    } catch (error) {
      if ((error as { errorType?: string }).errorType === 'uniqueViolated') return 'duplicate'
      throw error
    }
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const ds = await this.collection(collection)
    return ((await ds.findOneAsync({ _id: id })) as T | null) ?? null
  }

  async updateIfVersion(
    collection: string,
    id: string,
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const ds = await this.collection(collection)
    const { numAffected } = await ds.updateAsync(
      { _id: id, version: expectedVersion },
      { $set: { ...fields, version: expectedVersion + 1 } },
      {},
    )
    return numAffected === 1
  }

  async query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]> {
    checkQueryOptions(options)
    const ds = await this.collection(collection)
    const sort: Record<string, 1 | -1> = {}
    for (const [field, direction] of fullSort(options.sort)) sort[field] = direction
    const filter = toNedbQuery(options.filter)
    const query = options.after
      ? { $and: [filter, { $or: keysetClauses(options.sort, options.after).map(toNedbQuery) }] }
      : filter
    const docs = await ds.findAsync(query).sort(sort).skip(options.offset).limit(options.limit)
    return docs as unknown as T[]
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    const ds = await this.collection(collection)
    return ds.countAsync(toNedbQuery(filter)) as unknown as Promise<number>
  }

  async increment(collection: string, id: string, field: string, by = 1): Promise<number> {
    const ds = await this.collection(collection)
    const { affectedDocuments } = await ds.updateAsync(
      { _id: id },
      { $inc: { [field]: by } },
      { upsert: true, returnUpdatedDocs: true },
    )
    const value = (affectedDocuments as Record<string, unknown> | null)?.[field]
    if (typeof value !== 'number') throw new Error(`increment of ${collection}/${id}.${field} gave ${String(value)}`)
    return value
  }

  async addCounts(
    collection: string,
    id: string,
    fields: Record<string, Scalar>,
    deltas: Record<string, number>,
  ): Promise<void> {
    const ds = await this.collection(collection)
    await ds.updateAsync({ _id: id }, { $set: fields, $inc: deltas }, { upsert: true })
  }

  /** The indexes of every declared collection, as NeDB holds them (for the index tests). */
  async indexes(): Promise<Array<{ collection: string; field: string; unique: boolean }>> {
    const result: Array<{ collection: string; field: string; unique: boolean }> = []
    for (const collection of Object.keys(COLLECTIONS)) {
      const ds = (await this.collection(collection)) as unknown as { indexes: Record<string, { unique?: boolean }> }
      for (const [field, index] of Object.entries(ds.indexes))
        result.push({ collection, field, unique: index.unique === true })
    }
    return result
  }

  /** Rewrites each data file without superseded lines (NeDB appends every change). */
  async compact(): Promise<void> {
    for (const datastore of this.datastores.values()) await (await datastore).compactDatafileAsync()
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.dataDir) await this.compact()
    this.closed = true
    this.datastores.clear()
  }
}
