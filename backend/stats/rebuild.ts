import { CONTRIBUTING, type Contribution, type ContributingCollection } from '@core/stats/contributions'
import { rollupRows, type Counts, type RollupRow } from '@core/stats/rollups'
import { MAX_PAGE, type Store, type StoredDoc } from '../ports/store'
import { ROLLUPS, rollupFields, storedCounts } from '../rollups'

/** A rollup counter whose stored value is not what the records add up to. */
export interface RollupDifference {
  id: string
  counter: string
  stored: number
  recomputed: number
}

/** Every document of a collection, a page at a time in `_id` order (the rebuild reads everything once). */
async function* everything<T extends StoredDoc>(store: Store, collection: string): AsyncGenerator<T> {
  let after: string | undefined
  for (;;) {
    const page = await store.query<T>(collection, {
      sort: [['_id', 1]],
      offset: 0,
      limit: MAX_PAGE,
      ...(after !== undefined ? { after: [after] } : {}),
    })
    yield* page
    if (page.length < MAX_PAGE) return
    after = (page.at(-1) as T)._id
  }
}

/** The rollups as stored: one row per document, its counters only. */
async function storedRows(store: Store): Promise<Map<string, Counts>> {
  const rows = new Map<string, Counts>()
  for await (const doc of everything<StoredDoc & Record<string, unknown>>(store, ROLLUPS)) {
    rows.set(doc._id, storedCounts(doc))
  }
  return rows
}

/** The rollups recomputed from every record that counts. */
async function recomputedRows(store: Store): Promise<Map<string, RollupRow>> {
  const contributions: Contribution[] = []
  for (const collection of Object.keys(CONTRIBUTING) as ContributingCollection[]) {
    const contribute = CONTRIBUTING[collection] as (record: unknown) => Contribution[]
    for await (const record of everything(store, collection)) contributions.push(...contribute(record))
  }
  return rollupRows(contributions)
}

/**
 * Recomputes the rollups from the raw records and compares them with the stored ones; with
 * `repair`, adds the differences so that the stored rollups equal the recomputed ones. Run it
 * while nobody writes (a write between the two readings would be counted as a difference).
 */
export async function rebuildRollups(store: Store, options: { repair: boolean }): Promise<RollupDifference[]> {
  const [stored, recomputed] = await Promise.all([storedRows(store), recomputedRows(store)])
  const differences: RollupDifference[] = []
  const ids = new Set([...stored.keys(), ...recomputed.keys()])
  for (const id of [...ids].sort()) {
    const want = recomputed.get(id)?.counts ?? {}
    const have = stored.get(id) ?? {}
    for (const counter of new Set([...Object.keys(want), ...Object.keys(have)])) {
      const recomputedValue = (want as Record<string, number>)[counter] ?? 0
      const storedValue = (have as Record<string, number>)[counter] ?? 0
      if (recomputedValue !== storedValue)
        differences.push({ id, counter, stored: storedValue, recomputed: recomputedValue })
    }
  }
  if (options.repair) {
    const byId = new Map<string, Record<string, number>>()
    for (const difference of differences) {
      const deltas = byId.get(difference.id) ?? {}
      deltas[difference.counter] = difference.recomputed - difference.stored
      byId.set(difference.id, deltas)
    }
    for (const [id, deltas] of byId) {
      const row = recomputed.get(id)
      // A row no record contributes to any more is zeroed (its key fields are already stored).
      await store.addCounts(ROLLUPS, id, row ? rollupFields(row) : {}, deltas)
    }
  }
  return differences
}
