import { COLLECTIONS, type IndexSpec } from './collections'
import type { Condition, Filter, InsertOutcome, QueryOptions, Scalar, SortOrder, Store, StoredDoc } from './ports/store'

/**
 * Whether a query can be answered from an index rather than by reading the whole collection: one
 * of its conditions that narrows by value (equality, array membership, $in, a range) is on an
 * indexed field, or it reads a collection in the order of an indexed field. `$ne`, `$nin` and
 * `$contains` narrow nothing by themselves; `$prefix` is a range on the index. Collections declared `bounded` (the org tree, settings)
 * stay small and are exempt.
 */
export function uncoveredQuery(collection: string, filter: Filter | undefined, sort?: SortOrder): string | null {
  const spec = (COLLECTIONS as Record<string, { indexes: readonly IndexSpec[]; bounded?: boolean }>)[collection]
  if (!spec) return `${collection}: not a declared collection`
  if (spec.bounded) return null
  const indexed = new Set(['_id', ...spec.indexes.map((index) => index.field)])
  const narrowing = Object.entries(filter ?? {}).filter(([, condition]) => narrows(condition))
  if (narrowing.some(([field]) => indexed.has(field))) return null
  if (narrowing.length === 0 && Object.keys(filter ?? {}).length === 0) {
    // Reading everything in an index's order (or just counting) needs no scan to find the rows.
    if (!sort || sort.length === 0 || indexed.has((sort[0] as [string, 1 | -1])[0])) return null
  }
  const fields = Object.keys(filter ?? {}).join(', ') || '(none)'
  const order = (sort ?? []).map(([field]) => field).join(', ') || '(none)'
  return `${collection}: filter on ${fields}, sort on ${order} — no index covers it`
}

function narrows(condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return true
  return !('$ne' in condition || '$nin' in condition || '$contains' in condition)
}

/**
 * A store that checks every query against the declared indexes before running it. Tests and the
 * local server under test use it, so a new query without an index fails the suite that makes it.
 */
export class IndexCheckingStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly onUncovered: (problem: string) => void,
  ) {}

  private check(collection: string, filter: Filter | undefined, sort?: SortOrder): void {
    const problem = uncoveredQuery(collection, filter, sort)
    if (problem) this.onUncovered(problem)
  }

  insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome> {
    return this.inner.insert(collection, doc)
  }
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.inner.get(collection, id)
  }
  updateIfVersion(collection: string, id: string, expected: number, fields: Record<string, unknown>) {
    return this.inner.updateIfVersion(collection, id, expected, fields)
  }
  query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]> {
    this.check(collection, options.filter, options.sort)
    return this.inner.query(collection, options)
  }
  count(collection: string, filter?: Filter): Promise<number> {
    this.check(collection, filter)
    return this.inner.count(collection, filter)
  }
  increment(collection: string, id: string, field: string, by?: number): Promise<number> {
    return this.inner.increment(collection, id, field, by)
  }
  addCounts(collection: string, id: string, fields: Record<string, Scalar>, deltas: Record<string, number>) {
    return this.inner.addCounts(collection, id, fields, deltas)
  }
  close(): Promise<void> {
    return this.inner.close()
  }
}

/** The marker the local server prints for an uncovered query when run with STORE_INDEX_CHECK=1. */
export const UNCOVERED_MARKER = '[uncovered query]'
