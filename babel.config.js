// babel-preset-taro handles React, TypeScript and the mini-program runtime transforms.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
