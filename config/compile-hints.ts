/**
 * The scripts every page runs at start (the entry's chunks) begin with V8's explicit compile hint
 * `//# allFunctionsCalledOnLoad`: Chromium (136+) then compiles all their functions while the file
 * streams in, on a background thread, instead of one by one on the main thread as they are first
 * called. Other browsers read a comment. Async chunks (the other pages) keep lazy compilation.
 */
const HINT = '//# allFunctionsCalledOnLoad\n'

interface Source {
  source(): string | Buffer
}
interface Compilation {
  hooks: { processAssets: { tap(options: { name: string; stage: number }, run: () => void): void } }
  entrypoints: Map<string, { getFiles(): string[] }>
  updateAsset(file: string, update: (source: Source) => Source): void
}
interface Compiler {
  webpack: {
    Compilation: { PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE: number }
    sources: { ConcatSource: new (...sources: (string | Source)[]) => Source }
  }
  hooks: { thisCompilation: { tap(name: string, run: (compilation: Compilation) => void): void } }
}

export class CompileHintsPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('CompileHintsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minification (which would drop the comment), before the content hashes are computed.
        { name: 'CompileHintsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const files = new Set([...compilation.entrypoints.values()].flatMap((entry) => entry.getFiles()))
          for (const file of files) {
            if (file.endsWith('.js')) compilation.updateAsset(file, (source) => new sources.ConcatSource(HINT, source))
          }
        },
      )
    })
  }
}
