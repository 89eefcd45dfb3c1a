// npm run build:functions: bundle each cloudfunctions/<name>/entry.ts into cloudfunctions/<name>/index.js,
// the file CloudBase runs (handler index.main). The SDK stays external: CloudBase installs it from the
// function's package.json (installDependency), which keeps the upload small.
// Each entry imports its own function's unit (backend/handlers/functions/<name>.ts), so its bundle
// holds that function's handlers and schemas only.
// Usage: node scripts/build-functions.mjs [--outdir DIR] [--metafile] (--metafile writes what went
// into each bundle to <outdir>/<name>/meta.json, for the test that checks it).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const functionsDir = path.join(root, 'cloudfunctions')
const outdirArg = process.argv.indexOf('--outdir')
const outRoot = outdirArg > 0 ? path.resolve(process.argv[outdirArg + 1]) : functionsDir
const withMetafile = process.argv.includes('--metafile')

const names = fs
  .readdirSync(functionsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(functionsDir, entry.name, 'entry.ts')))
  .map((entry) => entry.name)

/**
 * zod re-exports all of its locales (`z.locales`, 60-odd languages) from its namespace object, which
 * no bundler can shake off; the app configures zh-CN by importing that one file directly
 * (core/validation/fields.ts) and never reads `z.locales`. The index of all locales is replaced by
 * an empty module: the bundle keeps only the language it speaks.
 */
const oneLocale = {
  name: 'zod-one-locale',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: 'zod-locales', namespace: 'zod-one-locale' }
        : undefined,
    )
    builder.onLoad({ filter: /.*/, namespace: 'zod-one-locale' }, () => ({
      contents: 'module.exports = {}',
      loader: 'js',
    }))
  },
}

/**
 * file-type's zip reader (@tokenizer/inflate) traces through `debug`, which prints only when the
 * DEBUG environment variable names it, and no function sets it: a silent stand-in saves 10 KB a
 * bundle (debug's browser and Node builds, and what they import).
 */
const silentDebug = {
  name: 'silent-debug',
  setup(builder) {
    builder.onResolve({ filter: /^debug$/ }, (args) =>
      args.importer.includes(`${path.sep}@tokenizer${path.sep}inflate${path.sep}`)
        ? { path: 'debug', namespace: 'silent-debug' }
        : undefined,
    )
    builder.onLoad({ filter: /.*/, namespace: 'silent-debug' }, () => ({
      contents: 'module.exports = () => () => {}',
      loader: 'js',
    }))
  },
}

for (const name of names) {
  const outfile = path.join(outRoot, name, 'index.js')
  const { metafile } = await build({
    entryPoints: [path.join(functionsDir, name, 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [oneLocale, silentDebug],
    // gcoord picks its production build by NODE_ENV at run time; decided here, the other copy is left out.
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: withMetafile,
  })
  if (metafile) fs.writeFileSync(path.join(outRoot, name, 'meta.json'), JSON.stringify(metafile))
  if (outRoot !== functionsDir) {
    for (const file of ['package.json', 'config.json']) {
      fs.copyFileSync(path.join(functionsDir, name, file), path.join(outRoot, name, file))
    }
  }
  console.log(`${name}: ${path.relative(root, outfile)} ${(fs.statSync(outfile).size / 1024).toFixed(1)} KB`)
}
