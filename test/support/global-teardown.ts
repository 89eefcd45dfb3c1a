import fs from 'node:fs'

/** Removes the run's temp folder (see global-setup.ts), with every test's folders in it. */
export default function globalTeardown(): void {
  const root = process.env.MQT_TEST_TEMP
  if (root) fs.rmSync(root, { recursive: true, force: true })
}
