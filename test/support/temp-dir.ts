import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const made: string[] = []

/**
 * A fresh folder under the system temp dir. Under jest it lies in the run's folder, which the global
 * teardown removes (test/support/global-setup.ts); elsewhere it is removed when the process exits.
 */
export function tempDir(prefix = 'mqt-'): string {
  const dir = fs.mkdtempSync(path.join(process.env.MQT_TEST_TEMP ?? os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})
