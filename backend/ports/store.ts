/**
 * The store port (DESIGN.md §5): small and document-shaped so that CloudBase's database and an
 * embedded file-backed store can both implement it exactly.
 */
export type Scalar = string | number | boolean | null

export type Condition =
  | Scalar
  | { $in: Scalar[] }
  | { $nin: Scalar[] }
  | { $ne: Scalar }
  /** A range: a lower bound, an upper bound, or both (a period's [start, end)). */
  | Range
  /** The string field contains this text (case-insensitive); scans, so only beside an indexed condition. */
  | { $contains: string }
  /** The string field starts with this text: a range on an index, for searches by name. */
  | { $prefix: string }

type Bound = number | string
type Range =
  | { $gt: Bound; $lt?: Bound; $lte?: Bound }
  | { $gte: Bound; $lt?: Bound; $lte?: Bound }
  | { $lt: Bound }
  | { $lte: Bound }

/**
 * Every key must hold (logical AND). Keys may be dotted paths into nested objects. A scalar on an
 * array field matches when the array contains it.
 */
export type Filter = Record<string, Condition>

export type SortOrder = Array<[field: string, direction: 1 | -1]>

export interface QueryOptions {
  filter?: Filter
  /** Ties are always broken by `_id` (ascending), so pages never overlap. */
  sort?: SortOrder
  offset: number
  /** 1–1000: CloudBase never returns more than 1000 rows at once. */
  limit: number
  /**
   * Keyset paging: only the rows that come after this position in the sort order, given as the
   * values of the sort fields and then `_id` of the last row seen. Unlike an offset, it neither
   * skips nor repeats a row when rows are inserted between two pages, and costs no more on page 100.
   */
  after?: readonly Scalar[]
}

export const MAX_PAGE = 1000

export interface StoredDoc {
  _id: string
  version?: number
}

export type InsertOutcome = 'inserted' | 'duplicate'

export interface Store {
  /** Refuses (returns 'duplicate') when a document with the same `_id` exists. */
  insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome>
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>
  /**
   * Sets the given top-level fields and bumps `version`, but only if the stored `version` still
   * equals `expectedVersion`. Returns whether it applied.
   */
  updateIfVersion(
    collection: string,
    id: string,
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<boolean>
  query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]>
  count(collection: string, filter?: Filter): Promise<number>
  /** Atomically adds `by` to a numeric field (creating the document at 0 first) and returns the new value. */
  increment(collection: string, id: string, field: string, by?: number): Promise<number>
  /**
   * Atomically adds each delta to its numeric field of one document, creating it (with `fields`
   * and the deltas) when missing, and sets `fields`. Many writers may add to the same document at
   * once without a read-modify-write: the rollups of the figures are kept this way.
   */
  addCounts(
    collection: string,
    id: string,
    fields: Record<string, Scalar>,
    deltas: Record<string, number>,
  ): Promise<void>
  close(): Promise<void>
}

class StoreUsageError extends Error {}

export function checkQueryOptions(options: QueryOptions): void {
  const { offset, limit } = options
  if (!Number.isInteger(offset) || offset < 0) throw new StoreUsageError(`offset must be a non-negative integer`)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new StoreUsageError(`limit must be an integer from 1 to ${MAX_PAGE}`)
  }
}

/** For `$contains`: the text as a literal regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The full order a query runs in: its sort, then `_id` ascending to break ties. */
export function fullSort(sort: SortOrder | undefined): SortOrder {
  const order = sort ?? []
  return order.some(([field]) => field === '_id') ? order : [...order, ['_id', 1]]
}

/**
 * "After this position" as filters to OR together: for each sort field, the rows equal on the
 * fields before it and past it on this one.
 */
export function keysetClauses(sort: SortOrder | undefined, after: readonly Scalar[]): Filter[] {
  const order = fullSort(sort)
  if (after.length !== order.length) throw new StoreUsageError(`after needs ${order.length} values`)
  return order.map(([field, direction], index) => {
    const clause: Filter = {}
    for (let before = 0; before < index; before++)
      clause[(order[before] as [string, 1 | -1])[0]] = after[before] ?? null
    const value = after[index]
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw new StoreUsageError(`keyset paging needs a number or string in ${field}`)
    }
    clause[field] = direction === 1 ? { $gt: value } : { $lt: value }
    return clause
  })
}
