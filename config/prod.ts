import type { UserConfigExport } from '@tarojs/cli'
import { PrecompressPlugin } from './precompress'
import { smallWeapp } from './weapp-size'

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
      chain.plugin('precompress').use(PrecompressPlugin)
    },
  },
} satisfies UserConfigExport<'webpack5'>
