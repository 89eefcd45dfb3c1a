import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { COLLECTIONS, type IndexSpec } from '../collections'
import {
  checkQueryOptions,
  fullSort,
  keysetClauses,
  type Condition,
  type Filter,
  type InsertOutcome,
  type QueryOptions,
  type Scalar,
  type SortOrder,
  type Store,
  type StoredDoc,
} from '../ports/store'

type Doc = Record<string, unknown>
type Param = string | number | null

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
/** Above every character: `$prefix` is the index range [prefix, prefix + this). */
const TOP = String.fromCodePoint(0x10ffff)
/** A table is analysed again once it has had this many writes and at least as many as it had rows. */
const ANALYZE_AFTER = 500
/**
 * Up to this many documents, an array value's ids drive a query; beyond, the query walks an index
 * in its sort order and checks the value row by row (reading a few hundred ids costs less than a
 * walk past the rows of other values; a page of a common value is found within a few rows).
 */
const FEW = 300

function specOf(collection: string): { indexes: readonly IndexSpec[] } | undefined {
  return (COLLECTIONS as Record<string, { indexes: readonly IndexSpec[] }>)[collection]
}

/** The JSON path of a dotted field, each key quoted: the same text in an index and in a query. */
function jsonPath(field: string): string {
  return `'$${field
    .split('.')
    .map((key) => `."${key.replace(/"/g, '""').replace(/'/g, "''")}"`)
    .join('')}'`
}

const column = (field: string) => (field === '_id' ? '_id' : `json_extract(doc, ${jsonPath(field)})`)
const quote = (name: string) => `"${name}"`
/** `cases.status+createdAt`: the collection, then the fields of the index. */
const indexName = (collection: string, index: IndexSpec) =>
  [`${collection}.${index.field}`, ...(index.then ?? [])].join('+')
const sideTable = (collection: string, field: string) => quote(`${collection}__${field}`)
/** How many documents hold each value of an array field, kept with every write. */
const countTable = (collection: string, field: string) => quote(`${collection}__${field}__count`)

/** SQLite has no booleans: JSON true and false read back as 1 and 0, so they are compared as such. */
function param(value: Scalar): Param {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value
}

function valueAt(doc: Doc, field: string): unknown {
  return field.split('.').reduce<unknown>((node, key) => (node as Doc | null | undefined)?.[key], doc)
}

/** Sets a dotted path, creating the objects on the way (as NeDB's $set and $inc do). */
function setAt(doc: Doc, field: string, value: unknown): void {
  const keys = field.split('.')
  let node = doc
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    node = next !== null && typeof next === 'object' ? (next as Doc) : (node[key] = {})
  }
  node[keys.at(-1) as string] = value
}

/** A condition that holds for the value `x` (an SQL expression), with its parameters. */
function positive(x: string, condition: Condition, params: Param[]): string {
  if (condition === null) return `${x} IS NULL`
  if (typeof condition !== 'object') {
    params.push(param(condition))
    return `${x} = ?`
  }
  if ('$in' in condition || '$nin' in condition) {
    const list = '$in' in condition ? condition.$in : condition.$nin
    const values = list.filter((value) => value !== null)
    params.push(...values.map(param))
    const inList = values.length ? `${x} IN (${values.map(() => '?').join(', ')})` : '0'
    return list.includes(null) ? `(${inList} OR ${x} IS NULL)` : inList
  }
  if ('$ne' in condition) return positive(x, condition.$ne, params)
  if ('$contains' in condition) {
    params.push(condition.$contains)
    return `contains_ci(${x}, ?)`
  }
  if ('$prefix' in condition) {
    params.push(condition.$prefix, condition.$prefix + TOP)
    return `(${x} >= ? AND ${x} < ?)`
  }
  // A range holds values of its bounds' type only (SQLite orders every number before every text).
  const parts: string[] = []
  let numeric = false
  let lower = false
  let upper = false
  for (const [op, sql] of [
    ['$gt', '>'],
    ['$gte', '>='],
    ['$lt', '<'],
    ['$lte', '<='],
  ] as const) {
    const bound = (condition as Record<string, number | string | undefined>)[op]
    if (bound === undefined) continue
    numeric = typeof bound === 'number'
    if (op === '$gt' || op === '$gte') lower = true
    else upper = true
    params.push(bound)
    parts.push(`${x} ${sql} ?`)
  }
  if (numeric && !upper) parts.push(`${x} < ''`)
  if (!numeric && !lower) parts.push(`${x} >= ''`)
  return `(${parts.join(' AND ')})`
}

const negated = (condition: Condition) =>
  condition !== null && typeof condition === 'object' && ('$ne' in condition || '$nin' in condition)

/**
 * The embedded adapter: one SQLite database (WAL, synchronous=FULL, so an acknowledged write is on
 * disk) with a table per collection holding each document as JSONB under its `_id`. A declared
 * index is an index on the field's expression; an array field's elements go to a side table
 * (value, id), so a scalar on an array is an index lookup too. The planner picks among them from
 * the statistics ANALYZE keeps, and walks an index in the sort order when that is cheapest, so a
 * first page does not read the whole history. Calls are synchronous inside: each is atomic, and
 * each query is kept to one indexed statement.
 */
export class SqliteStore implements Store {
  private readonly statements = new Map<string, Database.Statement>()
  private readonly tables = new Set<string>()
  /** Writes since the table was last analysed, and its row count then. */
  private readonly writes = new Map<string, { since: number; rows: number }>()
  private closed = false

  private constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    // Documents are a few KB: a larger page cache keeps the hot part of the indexes and lists in memory.
    db.pragma('cache_size = -32768')
    db.function('contains_ci', { deterministic: true }, (text: unknown, part: unknown) =>
      typeof text === 'string' && typeof part === 'string' && text.toLowerCase().includes(part.toLowerCase()) ? 1 : 0,
    )
    // Statistics from a sample (a full ANALYZE takes seconds at 100k cases), gathered at open only
    // where missing or stale.
    db.pragma('analysis_limit = 1000')
    for (const name of Object.keys(COLLECTIONS)) this.table(name)
    db.pragma('optimize = 0x10002')
    for (const name of Object.keys(COLLECTIONS)) this.writes.set(name, { since: 0, rows: this.rows(name) })
  }

  /** A file-backed store in `dataDir` (created if missing). */
  static async open(dataDir: string, options: { durable?: boolean } = {}): Promise<SqliteStore> {
    fs.mkdirSync(dataDir, { recursive: true })
    const store = new SqliteStore(new Database(path.join(dataDir, 'store.sqlite')))
    // Bulk loads (benchmarks) may skip the flush per commit; nothing else should.
    if (options.durable === false) store.db.pragma('synchronous = OFF')
    return store
  }

  /** A throwaway in-memory store. */
  static inMemory(): SqliteStore {
    return new SqliteStore(new Database(':memory:'))
  }

  get isOpen(): boolean {
    return !this.closed
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      // Shapes are few, but an $in list's length is part of the text: keep the cache bounded.
      if (this.statements.size >= 1000) this.statements.clear()
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  private arrayFields(collection: string): string[] {
    return (specOf(collection)?.indexes ?? []).filter((index) => index.array).map((index) => index.field)
  }

  private scalarIndexed(collection: string, field: string): boolean {
    // A field of a compound index (`then`) is a declared scalar too, so its condition stays sargable.
    return (specOf(collection)?.indexes ?? []).some(
      (index) => (index.field === field || (index.then ?? []).includes(field)) && !index.array && !index.geo,
    )
  }

  /** Creates the collection's table, side tables and indexes on first use. */
  private table(collection: string): string {
    if (this.closed) throw new Error('store is closed')
    if (!NAME.test(collection)) throw new Error(`bad collection name ${collection}`)
    if (this.tables.has(collection)) return quote(collection)
    const table = quote(collection)
    // A rowid table: an index on an expression then covers a count or a walk without reading the
    // document (in a WITHOUT ROWID table SQLite reads every document to count).
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc BLOB NOT NULL)`)
    for (const index of specOf(collection)?.indexes ?? []) {
      if (index.geo) continue // no geo index here; the few points per query are scanned
      if (index.array) {
        const side = sideTable(collection, index.field)
        const counts = countTable(collection, index.field)
        this.db.exec(
          `CREATE TABLE IF NOT EXISTS ${side} (value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID;
           CREATE INDEX IF NOT EXISTS ${quote(`${collection}__${index.field}.id`)} ON ${side} (id);
           CREATE TABLE IF NOT EXISTS ${counts} (value PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID`,
        )
        if (!this.db.prepare(`SELECT 1 FROM ${counts} LIMIT 1`).get()) {
          this.db.exec(`INSERT INTO ${counts} (value, n) SELECT value, count(*) FROM ${side} GROUP BY value`)
        }
      } else {
        const unique = index.unique ? 'UNIQUE ' : ''
        // `_id` last: the tie-break of every sort and the key of the side tables, read off the index.
        const key = [index.field, ...(index.then ?? [])]
        const columns = (index.unique ? key : [...key, '_id']).map(column).join(', ')
        this.db.exec(
          `CREATE ${unique}INDEX IF NOT EXISTS ${quote(indexName(collection, index))} ON ${table} (${columns})`,
        )
      }
    }
    // An index no longer declared (collections.ts changed) is dropped, so the planner cannot pick it.
    const declared = new Set((specOf(collection)?.indexes ?? []).map((index) => indexName(collection, index)))
    const existing = this.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(collection) as Array<{ name: string }>
    for (const { name } of existing) if (!declared.has(name)) this.db.exec(`DROP INDEX ${quote(name)}`)
    this.tables.add(collection)
    return table
  }

  private rows(collection: string): number {
    const row = this.statement(`SELECT count(*) AS n FROM ${this.table(collection)}`).get() as { n: number }
    return row.n
  }

  /** Keeps the planner's statistics in step with a growing table (cheap: ANALYZE samples). */
  private wrote(collection: string): void {
    const count = this.writes.get(collection) ?? { since: 0, rows: 0 }
    count.since += 1
    this.writes.set(collection, count)
    if (count.since < ANALYZE_AFTER || count.since < count.rows) return
    this.db.exec(`ANALYZE ${quote(collection)}`)
    for (const field of this.arrayFields(collection)) this.db.exec(`ANALYZE ${sideTable(collection, field)}`)
    this.writes.set(collection, { since: 0, rows: this.rows(collection) })
  }

  /** How many documents hold `value` in an array field (the kept count). */
  private held(collection: string, field: string, value: Scalar): number {
    const row = this.statement(`SELECT n FROM ${countTable(collection, field)} WHERE value = ?`).get(param(value))
    return (row as { n: number } | undefined)?.n ?? 0
  }

  /** The SQL of one condition on one field. */
  private condition(collection: string, field: string, condition: Condition, params: Param[]): string {
    const negate = negated(condition)
    if (this.arrayFields(collection).includes(field)) {
      if (
        !negate &&
        condition !== null &&
        typeof condition !== 'object' &&
        this.held(collection, field, condition) <= FEW
      ) {
        // A rare value (a resident's own cases): its few ids drive the query.
        params.push(param(condition))
        return `_id IN (SELECT id FROM ${sideTable(collection, field)} WHERE value = ?)`
      }
      // A common value (a unit's cases): checked row by row (an index lookup each), so the query
      // walks the index of its sort or of another condition and stops at the page's end.
      const inner = positive('s.value', condition, params)
      const table = quote(collection)
      return `${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${sideTable(collection, field)} AS s WHERE ${inner} AND s.id = ${table}._id)`
    }
    const x = column(field)
    let sql = positive(x, condition, params)
    if (field !== '_id' && !this.scalarIndexed(collection, field)) {
      // An undeclared field may hold an array: a condition on it holds when it holds for an element.
      const inner = positive('value', condition, params)
      sql = `(${sql} OR (json_type(doc, ${jsonPath(field)}) = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath(field)}) WHERE ${inner})))`
    }
    return negate ? `NOT coalesce(${sql}, 0)` : sql
  }

  private where(collection: string, filter: Filter | undefined, params: Param[]): string[] {
    return Object.entries(filter ?? {}).map(([field, condition]) =>
      this.condition(collection, field, condition, params),
    )
  }

  private write(collection: string, doc: Doc, insert: boolean): void {
    const table = this.table(collection)
    const id = doc._id as string
    const json = JSON.stringify(doc)
    if (insert) this.statement(`INSERT INTO ${table} (_id, doc) VALUES (?, jsonb(?))`).run(id, json)
    else this.statement(`UPDATE ${table} SET doc = jsonb(?) WHERE _id = ?`).run(json, id)
    for (const field of this.arrayFields(collection)) {
      const side = sideTable(collection, field)
      const counts = countTable(collection, field)
      const adjust = this.statement(
        `INSERT INTO ${counts} (value, n) VALUES (?, ?) ON CONFLICT (value) DO UPDATE SET n = n + excluded.n`,
      )
      if (!insert) {
        const removed = this.statement(`DELETE FROM ${side} WHERE id = ? RETURNING value`).all(id) as Array<{
          value: Param
        }>
        for (const { value } of removed) adjust.run(value, -1)
      }
      const value = valueAt(doc, field)
      const values = Array.isArray(value) ? value : [value]
      const add = this.statement(`INSERT OR IGNORE INTO ${side} (value, id) VALUES (?, ?)`)
      for (const element of values) {
        if (element === null || element === undefined || typeof element === 'object') continue
        if (add.run(param(element as Scalar), id).changes === 1) adjust.run(param(element as Scalar), 1)
      }
    }
    this.wrote(collection)
  }

  private read(collection: string, id: string): Doc | null {
    const row = this.statement(`SELECT json(doc) AS doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as Doc) : null
  }

  private transaction<R>(run: () => R): R {
    return this.db.transaction(run).immediate()
  }

  async insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome> {
    try {
      this.transaction(() => this.write(collection, doc as unknown as Doc, true))
      return 'inserted'
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return 'duplicate'
      throw error
    }
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.read(collection, id) as T | null
  }

  async updateIfVersion(
    collection: string,
    id: string,
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    return this.transaction(() => {
      const doc = this.read(collection, id)
      if (!doc || doc.version !== expectedVersion) return false
      for (const [field, value] of Object.entries(fields)) setAt(doc, field, value)
      doc.version = expectedVersion + 1
      this.write(collection, doc, false)
      return true
    })
  }

  private order(sort: SortOrder | undefined): string {
    return fullSort(sort)
      .map(([field, direction]) => `${column(field)} ${direction === 1 ? 'ASC' : 'DESC'}`)
      .join(', ')
  }

  /** The statement a query runs (exported for the plan checks of the tests and the benchmark). */
  querySql(collection: string, options: QueryOptions): { sql: string; params: Param[] } {
    const params: Param[] = []
    const where = this.where(collection, options.filter, params)
    if (options.after) {
      const clauses = keysetClauses(options.sort, options.after).map((clause) => {
        const parts = this.where(collection, clause, params)
        return `(${parts.join(' AND ')})`
      })
      // The first sort key bounds the walk, so a later page starts where the last one ended.
      const [field, direction] = fullSort(options.sort)[0] as [string, 1 | -1]
      params.push(param(options.after[0] as Scalar))
      where.push(`(${clauses.join(' OR ')})`, `${column(field)} ${direction === 1 ? '>=' : '<='} ?`)
    }
    params.push(options.limit, options.offset)
    const sql =
      `SELECT json(doc) AS doc FROM ${this.table(collection)}` +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${this.order(options.sort)} LIMIT ? OFFSET ?`
    return { sql, params }
  }

  async query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]> {
    checkQueryOptions(options)
    const { sql, params } = this.querySql(collection, options)
    const rows = this.statement(sql).all(...params) as Array<{ doc: string }>
    return rows.map((row) => JSON.parse(row.doc) as T)
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    const params: Param[] = []
    const entries = Object.entries(filter ?? {})
    const [field, condition] = entries[0] ?? []
    if (entries.length === 1 && field && condition !== undefined && !negated(condition)) {
      if (this.arrayFields(collection).includes(field) && condition !== null && typeof condition !== 'object') {
        // One value of an array field alone (辖区全部: the unit's cases): its kept count.
        this.table(collection)
        return this.held(collection, field, condition)
      }
      if (this.arrayFields(collection).includes(field)) {
        // One array condition alone: counted in the side table's index, without reading a document.
        const many = condition !== null && typeof condition === 'object' && !('$prefix' in condition) ? 'DISTINCT ' : ''
        const sql = `SELECT count(${many}id) AS n FROM ${sideTable(collection, field)} WHERE ${positive('value', condition, params)}`
        this.table(collection)
        return (this.statement(sql).get(...params) as { n: number }).n
      }
    }
    const where = this.where(collection, filter, params)
    const sql = `SELECT count(*) AS n FROM ${this.table(collection)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`
    return (this.statement(sql).get(...params) as { n: number }).n
  }

  /** How SQLite runs a query (EXPLAIN QUERY PLAN), for the plan checks. */
  plan(collection: string, options: QueryOptions): string[] {
    const { sql, params } = this.querySql(collection, options)
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
      (row) => row.detail,
    )
  }

  async increment(collection: string, id: string, field: string, by = 1): Promise<number> {
    return this.transaction(() => {
      const existing = this.read(collection, id)
      const doc = existing ?? { _id: id }
      const value = valueAt(doc, field)
      const next = (typeof value === 'number' ? value : 0) + by
      setAt(doc, field, next)
      this.write(collection, doc, existing === null)
      return next
    })
  }

  async addCounts(
    collection: string,
    id: string,
    fields: Record<string, Scalar>,
    deltas: Record<string, number>,
  ): Promise<void> {
    this.transaction(() => {
      const existing = this.read(collection, id)
      const doc = existing ?? { _id: id }
      for (const [field, value] of Object.entries(fields)) setAt(doc, field, value)
      for (const [field, delta] of Object.entries(deltas)) {
        const value = valueAt(doc, field)
        setAt(doc, field, (typeof value === 'number' ? value : 0) + delta)
      }
      this.write(collection, doc, existing === null)
    })
  }

  /** The indexes of every declared collection, as SQLite holds them (for the index tests). */
  async indexes(): Promise<Array<{ collection: string; field: string; unique: boolean }>> {
    const result: Array<{ collection: string; field: string; unique: boolean }> = []
    const rows = this.db
      .prepare(`SELECT name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`)
      .all() as Array<{ name: string; tbl: string; sql: string }>
    for (const { name, tbl, sql } of rows) {
      const dot = name.indexOf('.')
      if (!tbl.includes('__') && dot > 0) {
        result.push({ collection: tbl, field: name.slice(dot + 1), unique: sql.startsWith('CREATE UNIQUE') })
      }
    }
    for (const collection of Object.keys(COLLECTIONS)) {
      for (const field of this.arrayFields(collection)) result.push({ collection, field, unique: false })
    }
    return result
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.statements.clear()
    this.db.pragma('optimize')
    this.db.close()
  }
}
