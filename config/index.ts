import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

// One Taro config for both targets; each target builds into its own folder so that
// project.config.json can point WeChat DevTools at dist/weapp and the local server at dist/h5.
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minqingtong',
    date: '2026-11-24',
    // NutUI is drawn for a 375 px design, our pages for 750 px.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    alias: {
      '@core': path.join(root, 'core'),
    },
    defineConstants: {
      // The CloudBase environment the weapp talks to; empty means the mini-program's default.
      CLOUD_ENV_ID: JSON.stringify(process.env.CLOUD_ENV_ID ?? ''),
      // The subscribe-message template ids, as JSON by template name (the same as the functions').
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.SUBSCRIBE_TEMPLATE_IDS ?? '{}'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // NutUI's per-component CSS arrives in different orders on different pages; order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The domain core lives outside src/ and is shared with the backend: compile it too.
      compile: { include: [path.join(root, 'core')] },
      postcss: {
        // Prefixes for the engines WeChat runs on (it needs iOS 12 or later), not for package.json's old
        // browsers: outdated prefixes, NutUI's included, are removed (issue 16: the main package's size).
        autoprefixer: {
          enable: true,
          config: { flexbox: 'no-2009', overrideBrowserslist: ['ios >= 12', 'chrome >= 66'] },
        },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [path.join(root, 'core')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
