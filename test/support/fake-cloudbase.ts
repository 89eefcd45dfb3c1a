/**
 * A fake of the parts of `@cloudbase/node-sdk` we use, reproducing its documented quirks so that
 * the CloudBase adapter is tested against them (no CloudBase is reachable from here):
 * - `get()` without `limit()` returns at most 100 rows; a limit above 1000 is cut to 1000;
 * - `doc(id).get()` resolves to `{ data: [doc] }` (an array, empty when missing);
 * - `add()` resolves to `{ id }` and fails on a duplicate `_id`;
 * - `where().update(data)` resolves to `{ updated }`; `data` is written as given (a `{ data }`
 *   wrapper becomes a field named `data`), and a nested plain object is merged field by field
 *   unless wrapped in `_.set()`;
 * - every call is asynchronous and the store changes between calls, as a remote database does.
 * `getCloudbaseContext` is the real SDK's, so the fake context is parsed as in production.
 */
import { getCloudbaseContext } from '@cloudbase/node-sdk'
import { TINY_PNG } from './images'

type Doc = Record<string, unknown> & { _id: string }

class QueryCommand {
  constructor(
    readonly op: 'eq' | 'neq' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte',
    readonly value: unknown,
  ) {}
}

class LogicCommand {
  constructor(
    readonly op: 'and' | 'or',
    readonly clauses: Array<Record<string, unknown> | LogicCommand>,
  ) {}
}

class FakeRegExp {
  constructor(
    readonly regexp: string,
    readonly options: string,
  ) {}
}

class UpdateCommand {
  constructor(
    readonly op: 'inc' | 'set',
    readonly value: unknown,
  ) {}
}

const command = {
  eq: (value: unknown) => new QueryCommand('eq', value),
  neq: (value: unknown) => new QueryCommand('neq', value),
  in: (value: unknown[]) => new QueryCommand('in', value),
  nin: (value: unknown[]) => new QueryCommand('nin', value),
  gt: (value: unknown) => new QueryCommand('gt', value),
  gte: (value: unknown) => new QueryCommand('gte', value),
  lt: (value: unknown) => new QueryCommand('lt', value),
  lte: (value: unknown) => new QueryCommand('lte', value),
  and: (clauses: Array<Record<string, unknown> | LogicCommand>) => new LogicCommand('and', clauses),
  or: (clauses: Array<Record<string, unknown> | LogicCommand>) => new LogicCommand('or', clauses),
  inc: (value: number) => new UpdateCommand('inc', value),
  set: (value: unknown) => new UpdateCommand('set', value),
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))
const clone = <T>(value: T): T => structuredClone(value)

function pathValue(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc)
}

function equalsOrContains(actual: unknown, expected: unknown): boolean {
  return Array.isArray(actual) ? actual.includes(expected) : actual === expected
}

function compare(actual: unknown, expected: unknown, test: (a: number | string, b: number | string) => boolean) {
  return (typeof actual === 'number' || typeof actual === 'string') && typeof actual === typeof expected
    ? test(actual, expected as number | string)
    : false
}

function matches(doc: Doc, where: Record<string, unknown> | LogicCommand): boolean {
  if (where instanceof LogicCommand) {
    return where.op === 'and'
      ? where.clauses.every((clause) => matches(doc, clause))
      : where.clauses.some((clause) => matches(doc, clause))
  }
  return Object.entries(where).every(([path, condition]) => {
    const actual = pathValue(doc, path)
    if (condition instanceof FakeRegExp) {
      return typeof actual === 'string' && new RegExp(condition.regexp, condition.options).test(actual)
    }
    if (!(condition instanceof QueryCommand)) return equalsOrContains(actual, condition)
    const { op, value } = condition
    switch (op) {
      case 'eq':
        return equalsOrContains(actual, value)
      case 'neq':
        return !equalsOrContains(actual, value)
      case 'in':
        return (value as unknown[]).some((v) => equalsOrContains(actual, v))
      case 'nin':
        return !(value as unknown[]).some((v) => equalsOrContains(actual, v))
      case 'gt':
        return compare(actual, value, (a, b) => a > b)
      case 'gte':
        return compare(actual, value, (a, b) => a >= b)
      case 'lt':
        return compare(actual, value, (a, b) => a < b)
      case 'lte':
        return compare(actual, value, (a, b) => a <= b)
    }
  })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UpdateCommand)
}

function applyUpdate(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof UpdateCommand) {
      if (value.op === 'set') target[key] = clone(value.value)
      else target[key] = ((target[key] as number | undefined) ?? 0) + (value.value as number)
    } else if (isPlainObject(value)) {
      // CloudBase merges a nested object into the stored one instead of replacing it.
      const nested = isPlainObject(target[key]) ? (target[key] as Record<string, unknown>) : {}
      applyUpdate(nested, value)
      target[key] = nested
    } else {
      target[key] = clone(value)
    }
  }
}

export class FakeDatabase {
  readonly command = command
  readonly RegExp = ({ regexp, options }: { regexp: string; options: string }) => new FakeRegExp(regexp, options)
  readonly collections = new Map<string, Map<string, Doc>>()
  /** Every `get()` call's row limit as the SDK would send it, for tests of the quirks. */
  readonly sentLimits: number[] = []

  rows(name: string): Map<string, Doc> {
    let rows = this.collections.get(name)
    if (!rows) this.collections.set(name, (rows = new Map()))
    return rows
  }

  collection(name: string): FakeCollection {
    return new FakeCollection(this, name, {}, [], 0, undefined)
  }
}

class FakeQuery {
  constructor(
    protected readonly db: FakeDatabase,
    protected readonly name: string,
    protected readonly filter: Record<string, unknown> | LogicCommand,
    protected readonly order: Array<[string, 'asc' | 'desc']>,
    protected readonly offset: number,
    protected readonly max: number | undefined,
  ) {}

  where(filter: Record<string, unknown> | LogicCommand): FakeQuery {
    if (!(filter instanceof LogicCommand) && !isPlainObject(filter)) throw new Error('查询参数必须为对象')
    return new FakeQuery(this.db, this.name, filter, this.order, this.offset, this.max)
  }

  orderBy(field: string, direction: 'asc' | 'desc'): FakeQuery {
    return new FakeQuery(this.db, this.name, this.filter, [...this.order, [field, direction]], this.offset, this.max)
  }

  skip(offset: number): FakeQuery {
    return new FakeQuery(this.db, this.name, this.filter, this.order, offset, this.max)
  }

  limit(max: number): FakeQuery {
    return new FakeQuery(this.db, this.name, this.filter, this.order, this.offset, max)
  }

  private matching(): Doc[] {
    return [...this.db.rows(this.name).values()].filter((doc) => matches(doc, this.filter))
  }

  async get(): Promise<{ data: Doc[] }> {
    await tick()
    const limit = this.max ? Math.min(this.max, 1000) : 100
    this.db.sentLimits.push(limit)
    const sorted = this.matching().sort((a, b) => {
      for (const [field, direction] of this.order) {
        const [x, y] = [pathValue(a, field), pathValue(b, field)] as [number | string, number | string]
        if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1)
      }
      return 0
    })
    return { data: clone(sorted.slice(this.offset, this.offset + limit)) }
  }

  async count(): Promise<{ total: number }> {
    await tick()
    return { total: this.matching().length }
  }

  async update(data: Record<string, unknown>): Promise<{ updated: number }> {
    await tick()
    const targets = this.matching()
    for (const doc of targets) applyUpdate(doc, data)
    return { updated: targets.length }
  }
}

class FakeCollection extends FakeQuery {
  doc(id: string) {
    const rows = () => this.db.rows(this.name)
    return {
      get: async () => {
        await tick()
        const doc = rows().get(id)
        return { data: doc ? [clone(doc)] : [] }
      },
      update: async (data: Record<string, unknown>) => {
        await tick()
        const doc = rows().get(id)
        if (doc) applyUpdate(doc, data)
        return { updated: doc ? 1 : 0 }
      },
    }
  }

  async add(data: Record<string, unknown>): Promise<{ id: string }> {
    await tick()
    const id = typeof data._id === 'string' ? data._id : Math.random().toString(36).slice(2)
    if (this.db.rows(this.name).has(id)) {
      throw Object.assign(new Error('[DATABASE_REQUEST_FAILED] E11000 duplicate key error'), {
        code: 'DATABASE_REQUEST_FAILED',
      })
    }
    this.db.rows(this.name).set(id, { ...clone(data), _id: id })
    return { id }
  }
}

/** A fake CloudBase app: a database and the storage calls (upload, download, temporary URLs). */
export class FakeCloudbaseApp {
  readonly db = new FakeDatabase()
  readonly storedFiles = new Set<string>()
  /** A stored file's bytes; a stored file without an entry here is a small PNG. */
  readonly fileContents = new Map<string, Buffer>()
  /** Every getTempFileURL request's file list, as sent. */
  readonly tempUrlRequests: Array<Array<{ fileID: string; maxAge: number }>> = []

  database(): FakeDatabase {
    return this.db
  }

  async downloadFile({ fileID }: { fileID: string }): Promise<{ fileContent: Buffer }> {
    await tick()
    if (!this.storedFiles.has(fileID))
      throw Object.assign(new Error('STORAGE_FILE_NONEXIST'), { code: 'STORAGE_FILE_NONEXIST' })
    return { fileContent: this.fileContents.get(fileID) ?? TINY_PNG }
  }

  /** Stores the bytes under a fileID made from the path, as cloud storage does (`cloud://<env>.<bucket>/<path>`). */
  async uploadFile({
    cloudPath,
    fileContent,
  }: {
    cloudPath: string
    fileContent: Buffer
  }): Promise<{ fileID: string }> {
    await tick()
    const fileID = `cloud://env-test.bucket/${cloudPath}`
    this.storedFiles.add(fileID)
    this.fileContents.set(fileID, fileContent)
    return { fileID }
  }

  async getTempFileURL({ fileList: requested }: { fileList: Array<{ fileID: string; maxAge: number }> }) {
    await tick()
    this.tempUrlRequests.push(requested)
    const fileList = requested.map(({ fileID }) => fileID)
    return {
      fileList: fileList.map((fileID) =>
        this.storedFiles.has(fileID)
          ? { fileID, code: 'SUCCESS', tempFileURL: `https://example.invalid/${encodeURIComponent(fileID)}` }
          : { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' },
      ),
    }
  }
}

/** What `require('@cloudbase/node-sdk')` gives a bundled function under test. */
export function fakeSdkModule(app: FakeCloudbaseApp) {
  return {
    init: () => app,
    SYMBOL_CURRENT_ENV: Symbol.for('SYMBOL_CURRENT_ENV'),
    getCloudbaseContext,
    default: undefined as unknown,
  }
}

/** The context CloudBase passes a function invoked from the mini-program. */
export function fakeContext(openid: string) {
  return {
    request_id: `req-${Math.random().toString(36).slice(2)}`,
    environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test-app', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' }),
  }
}
