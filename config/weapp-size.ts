/**
 * What keeps the weapp main package small (issue 16: at most 450 KB), for the mini-program build only.
 *
 * WeChat runs the code in its own current engine (WeChat itself needs iOS 12 or later), so the output
 * need not be ES5: Taro's defaults for mini-programs minify very cautiously and write every Chinese
 * character as a six-byte `\uXXXX` escape.
 */

import postcss, { type Root } from 'postcss'
import type { Compilation, Compiler } from 'webpack'

interface Chain {
  optimization: {
    minimizer(name: string): { tap(change: (args: unknown[]) => unknown[]): unknown }
  }
  output: { set(key: string, value: unknown): unknown }
  plugin(name: string): { use(plugin: new () => unknown): unknown }
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
  chain.plugin('unusedNutuiCss').use(UnusedNutuiCss)
}

/**
 * NutUI's CSS for what the app never draws (test/build/nutui-variants.test.ts holds src to it):
 * right-to-left layout (no ConfigProvider sets it), icon animations (no icon is given an am- class),
 * and the button types, fills, sizes and shape no <Button> asks for.
 */
const UNUSED_NUTUI_SELECTORS = [
  /\.nut-rtl\b|\[dir=rtl\]/,
  /\.nut-icon-am-/,
  /\.nut-button-(info|success|warning|danger|small|mini|xlarge|square)\b/,
  /\.nut-button-[a-z-]*dashed\b/,
]
/** The Button props the app may use: every other value's CSS is dropped (see above). */
export const USED_BUTTON_PROPS: Record<string, readonly string[]> = {
  type: ['primary', 'default'],
  fill: ['solid', 'outline', 'none'],
  size: ['large', 'normal'],
  shape: ['round'],
}

/** Drops the selectors above from every stylesheet, then the @keyframes nothing (no CSS, no script) names any more. */
function purge(sheets: Root[], scripts: string): void {
  const named = new Set<string>()
  for (const root of sheets) {
    root.walkRules((rule) => {
      const kept = rule.selectors.filter((selector) => !UNUSED_NUTUI_SELECTORS.some((unused) => unused.test(selector)))
      if (kept.length === 0) rule.remove()
      else if (kept.length < rule.selectors.length) rule.selectors = kept
    })
    root.walkDecls(/^(-webkit-)?animation(-name)?$/, (decl) => {
      for (const word of decl.value.split(/[\s,]+/)) named.add(word)
    })
  }
  for (const root of sheets) {
    root.walkAtRules(/keyframes$/, (atRule) => {
      if (!named.has(atRule.params) && !scripts.includes(atRule.params)) atRule.remove()
    })
  }
}

class UnusedNutuiCss {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('UnusedNutuiCss', (compilation: Compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'UnusedNutuiCss', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          const names = Object.keys(assets)
          const scripts = names
            .filter((name) => name.endsWith('.js'))
            .map((name) => String(assets[name].source()))
            .join('\n')
          const sheets = names
            .filter((name) => name.endsWith('.wxss'))
            .map((name) => ({ name, root: postcss.parse(String(assets[name].source())) }))
          purge(
            sheets.map((sheet) => sheet.root),
            scripts,
          )
          for (const { name, root } of sheets)
            compilation.updateAsset(name, new compiler.webpack.sources.RawSource(root.toString()))
        },
      )
    })
  }
}
