import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const made: string[] = []

/** A fresh folder under the system temp dir, removed when the test process exits. */
export function tempDir(prefix = 'mqt-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})
