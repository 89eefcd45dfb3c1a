import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * The documents of one collection, read straight from the embedded store's database file (a table
 * per collection, each row a document as JSON). Deliberately naive: tests use it to count what was
 * stored without going through the code under test.
 */
export function readCollection<T extends { _id: string }>(dataDir: string, collection: string): T[] {
  const file = path.join(dataDir, 'db', 'store.sqlite')
  if (!fs.existsSync(file)) return []
  const db = new Database(file, { readonly: true })
  try {
    const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(collection)
    if (!exists) return []
    const rows = db.prepare(`SELECT json(doc) AS doc FROM "${collection}"`).all() as Array<{ doc: string }>
    return rows.map((row) => JSON.parse(row.doc) as T)
  } finally {
    db.close()
  }
}
