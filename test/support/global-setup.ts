import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * One folder under the system temp dir for the whole jest run: tempDir() makes its folders inside
 * it, and the global teardown removes it. (Jest never calls the `exit` listeners a test file adds,
 * so a per-file clean-up on exit left every folder behind.) Test workers start after this runs and
 * inherit the variable.
 */
export default function globalSetup(): void {
  process.env.MQT_TEST_TEMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-run-'))
}
