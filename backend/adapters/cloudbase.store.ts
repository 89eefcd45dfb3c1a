import type tcb from '@cloudbase/node-sdk'
import {
  checkQueryOptions,
  escapeRegExp,
  fullSort,
  keysetClauses,
  type Condition,
  type Filter,
  type InsertOutcome,
  type QueryOptions,
  type Scalar,
  type Store,
  type StoredDoc,
} from '../ports/store'

export type CloudbaseDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>
type Command = CloudbaseDatabase['command']

const INCREMENT_ATTEMPTS = 200

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toCondition(db: CloudbaseDatabase, condition: Condition): unknown {
  const _ = db.command
  if (!isPlainObject(condition)) return condition
  if ('$contains' in condition) return db.RegExp({ regexp: escapeRegExp(condition.$contains), options: 'i' })
  // An anchored, case-sensitive pattern: the database can answer it from the field's index.
  if ('$prefix' in condition) return db.RegExp({ regexp: `^${escapeRegExp(condition.$prefix)}`, options: '' })
  if ('$in' in condition) return _.in(condition.$in)
  if ('$nin' in condition) return _.nin(condition.$nin)
  if ('$ne' in condition) return _.neq(condition.$ne)
  const bounds = rangeBounds(_, condition)
  if (bounds.length === 1) return bounds[0]
  throw new Error(`unsupported condition ${JSON.stringify(condition)}`)
}

const RANGE_COMMANDS = ['$gt', '$gte', '$lt', '$lte'] as const

/** Each bound of a range as its command: one for a half-open range, two for [start, end). */
function rangeBounds(_: Command, condition: object): unknown[] {
  return RANGE_COMMANDS.filter((op) => op in condition).map((op) => {
    const value = (condition as Record<string, number | string>)[op] as number | string
    return op === '$gt' ? _.gt(value) : op === '$gte' ? _.gte(value) : op === '$lt' ? _.lt(value) : _.lte(value)
  })
}

/** A filter as a `where`: a two-sided range becomes an `and` of its bounds on the same field. */
function toWhere(db: CloudbaseDatabase, filter: Filter | undefined): Record<string, unknown> {
  const where: Record<string, unknown> = {}
  const both: Array<Record<string, unknown>> = []
  for (const [field, condition] of Object.entries(filter ?? {})) {
    const bounds = isPlainObject(condition) ? rangeBounds(db.command, condition) : []
    if (bounds.length === 2) both.push(...bounds.map((bound) => ({ [field]: bound })))
    else where[field] = toCondition(db, condition)
  }
  return both.length === 0 ? where : (db.command.and([where, ...both]) as unknown as Record<string, unknown>)
}

/**
 * The production adapter on `@cloudbase/node-sdk`, shaped by the SDK's documented quirks:
 * - `get()` returns 100 rows unless given a limit, and never more than 1000: every query sets one.
 * - `doc(id).get()` answers `{ data: [doc] }`, an array.
 * - update data is passed directly (a `{ data }` wrapper would write a field named `data`), and a
 *   nested object in `update()` is merged field by field: whole objects are written with `_.set`.
 * - transactions cover one record and `where().update()` escapes them, so the conditional update
 *   on `version` is the unit of consistency, and increments are compare-and-set on it.
 */
export class CloudbaseStore implements Store {
  constructor(private readonly db: CloudbaseDatabase) {}

  private get command(): Command {
    return this.db.command
  }

  async insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome> {
    try {
      await this.db.collection(collection).add(doc)
      return 'inserted'
    } catch (error) {
      // The duplicate-key error's shape is not documented; whether the key now exists is.
      if (await this.get(collection, doc._id)) return 'duplicate'
      throw error
    }
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const { data } = await this.db.collection(collection).doc(id).get()
    return ((data as T[] | undefined)?.[0] as T | undefined) ?? null
  }

  async updateIfVersion(
    collection: string,
    id: string,
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const _ = this.command
    const data: Record<string, unknown> = { version: expectedVersion + 1 }
    for (const [field, value] of Object.entries(fields)) data[field] = isPlainObject(value) ? _.set(value) : value
    const result = await this.db.collection(collection).where({ _id: id, version: expectedVersion }).update(data)
    return result.updated === 1
  }

  async query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]> {
    checkQueryOptions(options)
    const _ = this.command
    const where = toWhere(this.db, options.filter)
    let query = this.db
      .collection(collection)
      .where(
        options.after
          ? _.and([where, _.or(keysetClauses(options.sort, options.after).map((clause) => toWhere(this.db, clause)))])
          : where,
      )
    for (const [field, direction] of fullSort(options.sort)) {
      query = query.orderBy(field, direction === 1 ? 'asc' : 'desc')
    }
    const { data } = await query.skip(options.offset).limit(options.limit).get()
    return data as T[]
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    const { total } = await this.db.collection(collection).where(toWhere(this.db, filter)).count()
    return total ?? 0
  }

  /**
   * `_.inc` is the database's own atomic increment (no read, no retry); a document that does not
   * exist yet is added, and if another writer added it first the update runs again.
   */
  async addCounts(
    collection: string,
    id: string,
    fields: Record<string, Scalar>,
    deltas: Record<string, number>,
  ): Promise<void> {
    const _ = this.command
    const data: Record<string, unknown> = { ...fields }
    for (const [field, by] of Object.entries(deltas)) data[field] = _.inc(by)
    for (let attempt = 0; attempt < 3; attempt++) {
      const { updated } = await this.db.collection(collection).doc(id).update(data)
      if (updated === 1) return
      if ((await this.insert(collection, { _id: id, ...fields, ...deltas })) === 'inserted') return
    }
    throw new Error(`adding counts to ${collection}/${id} kept conflicting`)
  }

  async increment(collection: string, id: string, field: string, by = 1): Promise<number> {
    for (let attempt = 0; attempt < INCREMENT_ATTEMPTS; attempt++) {
      const current = await this.get<StoredDoc & Record<string, unknown>>(collection, id)
      if (!current) {
        await this.insert(collection, { _id: id, version: 0, [field]: 0 })
        continue
      }
      const value = current?.[field]
      if (typeof current.version !== 'number' || typeof value !== 'number') {
        throw new Error(`${collection}/${id} is not a counter`)
      }
      if (await this.updateIfVersion(collection, id, current.version, { [field]: value + by })) return value + by
      // Lost the race: back off a little and read again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)))
    }
    throw new Error(`increment of ${collection}/${id} kept conflicting`)
  }

  async close(): Promise<void> {
    // The SDK holds no connection to close.
  }
}
