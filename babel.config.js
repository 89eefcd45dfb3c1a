// babel-preset-taro handles React, TypeScript and the mini-program runtime transforms;
// babel-plugin-import pulls in only the NutUI components (and their CSS) a page uses.
const nutuiPackage = '@nutui/nutui-react-taro/dist/es/packages'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
