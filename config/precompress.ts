import fs from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Text assets worth compressing; anything under a kilobyte gains less than a request's headers. */
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/
const MIN_BYTES = 1024

interface Compiler {
  options: { output: { path?: string } }
  hooks: {
    afterEmit: {
      tapPromise(name: string, run: (compilation: { assets: Record<string, unknown> }) => Promise<void>): void
    }
  }
}

/**
 * Writes `<asset>.br` (brotli, best) and `<asset>.gz` (gzip -9) beside every text asset of the H5
 * build, once, at build time: the local server sends them as the browser accepts
 * (`@fastify/static`'s preCompressed), so nothing is compressed per request.
 */
export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tapPromise('PrecompressPlugin', async (compilation) => {
      const outDir = compiler.options.output.path ?? ''
      for (const name of Object.keys(compilation.assets)) {
        if (!COMPRESSIBLE.test(name)) continue
        const file = path.join(outDir, name)
        const bytes = await fs.promises.readFile(file)
        if (bytes.length < MIN_BYTES) continue
        const brotli = brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })
        await fs.promises.writeFile(`${file}.br`, brotli)
        await fs.promises.writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }))
      }
    })
  }
}
