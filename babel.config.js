// babel-preset-taro handles React, TypeScript and the mini-program runtime transforms;
// babel-plugin-import pulls in only the NutUI components (and their CSS) a page uses.
const nutuiPackage = '@nutui/nutui-react-taro/dist/es/packages'

// WeChat runs the mini-program's code in its own up-to-date engine (WeChat itself needs iOS 12 or later),
// so the weapp build need not be lowered to ES5: classes, async functions and spread stay as written,
// which keeps the main package small. The browser build keeps package.json's browserslist.
const weappTargets = process.env.TARO_ENV === 'weapp' ? { targets: { ios: '12', chrome: '66' } } : {}

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...weappTargets }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackage}/${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackage}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
