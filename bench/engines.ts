/**
 * The embedded engines the store benchmarks compare: BENCH_STORE=nedb, sqlite, or both (the
 * default), measured in one run so that a shared, noisy machine moves both alike.
 */
import { EmbeddedStore } from '../backend/adapters/embedded.store'
import { SqliteStore } from '../backend/adapters/sqlite.store'
import type { Store } from '../backend/ports/store'

export type Engine = 'nedb' | 'sqlite'

export function engines(): Engine[] {
  const chosen = process.env.BENCH_STORE ?? 'both'
  if (chosen === 'nedb' || chosen === 'sqlite') return [chosen]
  if (chosen === 'both') return ['nedb', 'sqlite']
  throw new Error(`BENCH_STORE must be nedb, sqlite or both, not ${chosen}`)
}

export function inMemory(engine: Engine): Store {
  return engine === 'nedb' ? EmbeddedStore.inMemory() : SqliteStore.inMemory()
}

/** A file-backed store; `bulk` skips the flush per commit while a benchmark writes its history. */
export function onDisk(engine: Engine, dir: string, bulk = false): Promise<Store> {
  return engine === 'nedb' ? EmbeddedStore.open(dir) : SqliteStore.open(dir, { durable: !bulk })
}
