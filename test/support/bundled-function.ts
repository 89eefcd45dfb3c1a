import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Result } from '@core/result'
import { fakeSdkModule, type FakeCloudbaseApp } from './fake-cloudbase'
import { tempDir } from './temp-dir'

const ROOT = path.resolve(__dirname, '..', '..')

export type Main = (event: unknown, context: unknown) => Promise<Result<Record<string, unknown>>>

/**
 * Bundles every function with `npm run build:functions`' script into a temp folder; answers the
 * folder. Beside each `index.js` lies esbuild's `meta.json`: what went into it.
 */
export function buildFunctions(): string {
  const outdir = tempDir('mqt-fn-')
  const build = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'build-functions.mjs'), '--outdir', outdir, '--metafile'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
  return outdir
}

/**
 * Loads one bundled function with the fake SDK standing where CloudBase would install
 * `@cloudbase/node-sdk`, so the file under test is the file that would be deployed. Its answers are
 * checked against their schemas (CHECK_OUTPUTS=1, read as the bundle loads), as in every other test.
 */
export function loadBundledFunction(outdir: string, name: string, app: FakeCloudbaseApp): Main {
  process.env.CHECK_OUTPUTS = '1'
  const sdkDir = path.join(outdir, name, 'node_modules', '@cloudbase', 'node-sdk')
  fs.mkdirSync(sdkDir, { recursive: true })
  fs.writeFileSync(path.join(sdkDir, 'index.js'), 'module.exports = globalThis.__fakeCloudbaseSdk\n')
  ;(globalThis as Record<string, unknown>).__fakeCloudbaseSdk = fakeSdkModule(app)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(outdir, name, 'index.js')) as { main: Main }).main
}
