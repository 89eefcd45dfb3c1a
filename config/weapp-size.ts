/**
 * What keeps the weapp main package small (issue 16: at most 450 KB), for the mini-program build only.
 *
 * WeChat runs the code in its own current engine (WeChat itself needs iOS 12 or later), so the output
 * need not be ES5: Taro's defaults for mini-programs minify very cautiously and write every Chinese
 * character as a six-byte `\uXXXX` escape.
 */

interface Chain {
  optimization: {
    minimizer(name: string): { tap(change: (args: unknown[]) => unknown[]): unknown }
  }
  output: { set(key: string, value: unknown): unknown }
}

/** Terser as webpack itself configures it, for ES2017, writing Chinese as UTF-8 (3 bytes, not 6). */
const TERSER_OPTIONS = {
  parse: { ecma: 2020 },
  compress: { ecma: 2017, passes: 2 },
  format: { ecma: 2017, comments: false, ascii_only: false },
}

export function smallWeapp(chain: Chain): void {
  // Taro names its (production) minimizer so; prod.ts is read for production builds only.
  chain.optimization
    .minimizer('terserPlugin')
    .tap(([options]) => [{ ...(options as object), terserOptions: TERSER_OPTIONS }])
  // webpack's own wrappers (one per module) as arrow functions.
  chain.output.set('environment', {
    arrowFunction: true,
    const: true,
    destructuring: true,
    forOf: true,
    templateLiteral: true,
  })
}
