import { chinaTime } from '../time'
import type { Contribution, Counter } from './contributions'

/**
 * The rollups: per subject (unit or person), per day and per month (UTC+8), the sum of every
 * record's contributions. Month rows spare a long period from reading every day; a period reads
 * whole months where it can and days at its edges.
 */
export type Grain = 'd' | 'm'
const GRAINS: readonly Grain[] = ['d', 'm']

export type Counts = Partial<Record<Counter, number>>

export interface RollupKey {
  subject: string
  grain: Grain
  /** YYYYMMDD for a day, YYYYMM for a month. */
  slot: number
}

export interface RollupRow extends RollupKey {
  counts: Counts
}

/** The day or month (UTC+8) a moment falls in. */
export function slotOf(at: number, grain: Grain): number {
  return Number(chinaTime(at).format(grain === 'd' ? 'YYYYMMDD' : 'YYYYMM'))
}

export function rollupId(key: RollupKey): string {
  return `${key.subject}|${key.grain}${key.slot}`
}

function addInto(rows: Map<string, RollupRow>, key: RollupKey, counts: Counts, sign: 1 | -1): void {
  const id = rollupId(key)
  const row = rows.get(id) ?? { ...key, counts: {} }
  for (const [counter, value] of Object.entries(counts) as Array<[Counter, number]>) {
    row.counts[counter] = (row.counts[counter] ?? 0) + sign * value
  }
  rows.set(id, row)
}

/** The rollup rows some contributions add up to (each subject once per contribution). */
export function rollupRows(contributions: readonly Contribution[], sign: 1 | -1 = 1): Map<string, RollupRow> {
  const rows = new Map<string, RollupRow>()
  addContributions(rows, contributions, sign)
  return rows
}

function addContributions(rows: Map<string, RollupRow>, contributions: readonly Contribution[], sign: 1 | -1): void {
  for (const contribution of contributions) {
    for (const subject of new Set(contribution.subjects)) {
      for (const grain of GRAINS)
        addInto(rows, { subject, grain, slot: slotOf(contribution.at, grain) }, contribution.counts, sign)
    }
  }
}

/** What a write changes in the rollups: after − before, without the rows and counters it leaves alone. */
export function rollupDelta(before: readonly Contribution[], after: readonly Contribution[]): RollupRow[] {
  const rows = rollupRows(after)
  addContributions(rows, before, -1)
  const changed: RollupRow[] = []
  for (const row of rows.values()) {
    const counts = Object.fromEntries(Object.entries(row.counts).filter(([, value]) => value !== 0)) as Counts
    if (Object.keys(counts).length > 0) changed.push({ ...row, counts })
  }
  return changed
}

/** The sum of some rows' counts. */
export function sumCounts(rows: Iterable<{ counts: Counts }>): Counts {
  const total: Counts = {}
  for (const row of rows) {
    for (const [counter, value] of Object.entries(row.counts) as Array<[Counter, number]>) {
      total[counter] = (total[counter] ?? 0) + value
    }
  }
  return total
}
