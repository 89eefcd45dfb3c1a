import fs from 'node:fs'
import path from 'node:path'

/**
 * The documents of one collection, read straight from the embedded store's data file (one JSON
 * document per line; a later line for the same _id replaces an earlier one). Deliberately naive:
 * tests use it to count what was stored without going through the code under test.
 */
export function readCollection<T extends { _id: string }>(dataDir: string, collection: string): T[] {
  const file = path.join(dataDir, 'db', `${collection}.db`)
  if (!fs.existsSync(file)) return []
  const docs = new Map<string, T>()
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const doc = JSON.parse(line) as T & { $$deleted?: boolean; $$indexCreated?: unknown }
    if (doc.$$indexCreated) continue
    if (doc.$$deleted) docs.delete(doc._id)
    else docs.set(doc._id, doc)
  }
  return [...docs.values()]
}
