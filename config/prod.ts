import path from 'node:path'
import type { UserConfigExport } from '@tarojs/cli'
import { CompileHintsPlugin } from './compile-hints'
import { PrecompressPlugin } from './precompress'
import { smallWeapp } from './weapp-size'

/** The page every visit opens first (officials too: it sends them on to their own home). */
const HOME_PAGE = path.resolve(__dirname, '..', 'src', 'pages', 'index', 'index')

export default {
  mini: {
    webpackChain(chain) {
      smallWeapp(chain)
    },
  },
  h5: {
    webpackChain(chain) {
      // Shared code in shared chunks: Taro's own split ('initial' chunks only) leaves every page's
      // chunk with its own copy of @tarojs/components and NutUI.
      const split = chain.optimization.get('splitChunks') as Record<string, unknown> | undefined
      if (split) chain.optimization.splitChunks({ ...split, chunks: 'all' })
      // The home page in the entry's chunks: its code comes with the app's, in the same round trip,
      // instead of some 25 small chunks asked for once the app has run (the router's import() of it
      // then has nothing left to load). Every visit opens it, officials' too.
      chain.entry('app').add(HOME_PAGE)
      chain.plugin('compile-hints').use(CompileHintsPlugin)
      chain.plugin('precompress').use(PrecompressPlugin)
    },
  },
} satisfies UserConfigExport<'webpack5'>
