import { CONTRIBUTING, type ContributingCollection } from '@core/stats/contributions'
import { rollupDelta, rollupId, type Counts, type RollupRow } from '@core/stats/rollups'
import type { Filter, InsertOutcome, QueryOptions, Scalar, Store, StoredDoc } from './ports/store'

export const ROLLUPS = 'rollups'

function contributing(collection: string): collection is ContributingCollection {
  return Object.hasOwn(CONTRIBUTING, collection)
}

/** The stored form of a rollup row: its key fields, and one numeric field per counter. */
export function rollupFields(row: RollupRow): Record<string, Scalar> {
  return { subject: row.subject, grain: row.grain, slot: row.slot }
}

const KEY_FIELDS = new Set(['_id', 'subject', 'grain', 'slot', 'version'])

/** The counters of a stored rollup document (its other fields are its key). */
export function storedCounts(doc: Record<string, unknown>): Counts {
  const counts: Record<string, number> = {}
  for (const [field, value] of Object.entries(doc)) {
    if (!KEY_FIELDS.has(field) && typeof value === 'number') counts[field] = value
  }
  return counts as Counts
}

/**
 * A store that keeps the figures' rollups on every write of a record that counts (cases, visits,
 * sign-ins), whoever writes it — a handler, a job or a merge — as the difference between what the
 * record contributed before and after, added with the store's atomic `addCounts`.
 *
 * The record's write comes first and is not undone if adding to the rollups fails: a failure is
 * reported (and `npm run rollups:rebuild` repairs the difference), never turned into an error of a
 * write that happened.
 */
export class RollupKeepingStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly onError: (error: unknown) => void = (error) => console.error('[rollups]', error),
  ) {}

  private async apply(collection: ContributingCollection, before: unknown, after: unknown): Promise<void> {
    try {
      const contributions = CONTRIBUTING[collection] as (
        record: unknown,
      ) => ReturnType<(typeof CONTRIBUTING)[ContributingCollection]>
      const rows = rollupDelta(before ? contributions(before) : [], after ? contributions(after) : [])
      await Promise.all(
        rows.map((row) =>
          this.inner.addCounts(ROLLUPS, rollupId(row), rollupFields(row), row.counts as Record<string, number>),
        ),
      )
    } catch (error) {
      this.onError(error)
    }
  }

  async insert<T extends StoredDoc>(collection: string, doc: T): Promise<InsertOutcome> {
    const outcome = await this.inner.insert(collection, doc)
    if (outcome === 'inserted' && contributing(collection)) await this.apply(collection, null, doc)
    return outcome
  }

  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.inner.get(collection, id)
  }

  async updateIfVersion(
    collection: string,
    id: string,
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    if (!contributing(collection)) return this.inner.updateIfVersion(collection, id, expectedVersion, fields)
    // Every write of these records bumps `version`: the document read at the expected version is
    // the one the conditional update replaces, if it applies.
    const before = await this.inner.get(collection, id)
    const applied = await this.inner.updateIfVersion(collection, id, expectedVersion, fields)
    if (applied && before && before.version === expectedVersion) {
      await this.apply(collection, before, { ...before, ...fields, version: expectedVersion + 1 })
    }
    return applied
  }

  query<T extends StoredDoc>(collection: string, options: QueryOptions): Promise<T[]> {
    return this.inner.query(collection, options)
  }
  count(collection: string, filter?: Filter): Promise<number> {
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
