import { fail, ok, type Result } from '@core/result'
import {
  fullSort,
  MAX_PAGE,
  type Filter,
  type Scalar,
  type SortOrder,
  type Store,
  type StoredDoc,
} from '../ports/store'

/** One page of a list: its rows, how many there are in all, and where the next page starts. */
export interface CursorPage<T> {
  items: T[]
  total: number
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

function valueAt(doc: object, path: string): Scalar {
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], doc)
  return value === undefined ? null : (value as Scalar)
}

function encode(values: readonly Scalar[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

function decode(cursor: string, length: number): Scalar[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    // Sort keys are strings and numbers; anything else did not come from a page we gave out.
    const scalar = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
    return Array.isArray(values) && values.length === length && values.every(scalar) ? (values as Scalar[]) : null
  } catch {
    return null
  }
}

/**
 * A page of `collection` in the given order, continuing after `cursor`. The cursor is the last
 * row's sort values, so paging is a range on the sort key (indexed), never a skip of N rows.
 */
export async function cursorPage<D extends StoredDoc, T>(
  store: Store,
  collection: string,
  query: { filter: Filter; sort: SortOrder; cursor?: string | undefined; pageSize: number },
  map: (doc: D) => T,
): Promise<Result<CursorPage<T>>> {
  const order = fullSort(query.sort)
  const after = query.cursor === undefined ? undefined : decode(query.cursor, order.length)
  if (after === null) return fail('INPUT.INVALID', '翻页位置不正确，请从第一页重新加载', 'cursor')
  const [rows, total] = await Promise.all([
    store.query<D>(collection, {
      filter: query.filter,
      sort: query.sort,
      offset: 0,
      limit: query.pageSize + 1,
      ...(after ? { after } : {}),
    }),
    store.count(collection, query.filter),
  ])
  const page = rows.slice(0, query.pageSize)
  const last = page.at(-1)
  return ok({
    items: page.map(map),
    total,
    nextCursor: rows.length > query.pageSize && last ? encode(order.map(([field]) => valueAt(last, field))) : null,
  })
}

/** Every row matching the filter, a store page at a time: for sets known to stay small (a person's contact points, the org tree). */
export async function readAll<T extends StoredDoc>(
  store: Store,
  collection: string,
  filter: Filter,
  sort: SortOrder,
): Promise<T[]> {
  const rows: T[] = []
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await store.query<T>(collection, { filter, sort, offset, limit: MAX_PAGE })
    rows.push(...page)
    if (page.length < MAX_PAGE) return rows
  }
}

/**
 * The first `limit` rows matching the filter, a store page at a time, each page a range after the
 * last row read (keyset, like cursorPage), and how many match in all: for exports that stop at a
 * stated limit.
 */
export async function readUpTo<T extends StoredDoc>(
  store: Store,
  collection: string,
  query: { filter: Filter; sort: SortOrder; limit: number },
): Promise<{ rows: T[]; total: number }> {
  const order = fullSort(query.sort)
  const rows: T[] = []
  let after: Scalar[] | undefined
  while (rows.length < query.limit) {
    const limit = Math.min(MAX_PAGE, query.limit - rows.length)
    const page = await store.query<T>(collection, {
      filter: query.filter,
      sort: query.sort,
      offset: 0,
      limit,
      ...(after ? { after } : {}),
    })
    rows.push(...page)
    const last = page.at(-1)
    if (page.length < limit || !last) break
    after = order.map(([field]) => valueAt(last, field))
  }
  return { rows, total: await store.count(collection, query.filter) }
}
