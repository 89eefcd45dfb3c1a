import fs from 'node:fs'
import path from 'node:path'
import {
  MAIN_PACKAGE_LIMIT,
  SUBPACKAGE_LIMIT,
  WEAPP_DIST as WEAPP,
  filesUnder,
  mainPackageFiles,
  sizeOf,
  subpackageRoots,
} from '../../scripts/weapp-packages'

const KB = 1024
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

test('the production weapp main package stays under 450 KB, and shows what it is made of', () => {
  const files = mainPackageFiles()
  // A watch (development) build is far larger; this figure is only meaningful for a production build.
  expect(files.some((file) => file.endsWith('.map'))).toBe(false)
  const bytes = sizeOf(files)
  const largest = files
    .map((file) => ({ file: path.relative(WEAPP, file), bytes: fs.statSync(file).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8)
    .map(({ file, bytes: size }) => `  ${kb(size).padStart(9)}  ${file}`)
  console.log(
    `weapp 主包大小：${kb(bytes)}（上限 ${kb(MAIN_PACKAGE_LIMIT)}，${files.length} 个文件）\n${largest.join('\n')}`,
  )
  expect(bytes).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT)
})

test('every subpackage stays under 1 MB', () => {
  const sizes = subpackageRoots().map((root) => ({ root, bytes: sizeOf(filesUnder(path.join(WEAPP, root))) }))
  console.log(
    `weapp 分包大小（上限 ${kb(SUBPACKAGE_LIMIT)}）：\n${sizes.map(({ root, bytes }) => `  ${kb(bytes).padStart(9)}  ${root}`).join('\n')}`,
  )
  expect(sizes.length).toBeGreaterThan(0)
  for (const { root, bytes } of sizes) expect({ root, under: bytes <= SUBPACKAGE_LIMIT }).toEqual({ root, under: true })
})

/** A string ECharts writes into every chart it makes: where it appears, the library was bundled. */
const ECHARTS_MARK = '__ec_inner_'

test('ECharts is bundled into the dashboard subpackage and stays out of the main package', () => {
  const main = mainPackageFiles()
  const dashboard = filesUnder(path.join(WEAPP, 'packages', 'dashboard'))
  const bundles = (files: string[]) =>
    files.filter((file) => file.endsWith('.js') && fs.readFileSync(file, 'utf8').includes(ECHARTS_MARK))
  expect(bundles(dashboard).length).toBeGreaterThan(0)
  expect(bundles(main).map((file) => path.relative(WEAPP, file))).toEqual([])
})

/**
 * Texts only staff and demo code shows (消息提醒 on an official's home, the home's header, the local
 * demo switcher): where one appears in the main package's scripts, that code came with it.
 */
const STAFF_ONLY_TEXTS = ['开启督办提醒', '还可提醒', '我的（身份、个人信息）']
const DEMO_ONLY_TEXTS = ['切换演示身份', '本地演示模式']

test('staff and demo code stays out of the main package (staff code is in the subpackages)', () => {
  const scripts = (files: string[]) =>
    files.filter((file) => file.endsWith('.js')).map((file) => fs.readFileSync(file, 'utf8'))
  const main = scripts(mainPackageFiles())
  const subpackages = scripts(subpackageRoots().flatMap((root) => filesUnder(path.join(WEAPP, root))))
  for (const text of [...STAFF_ONLY_TEXTS, ...DEMO_ONLY_TEXTS])
    expect({ text, inMain: main.some((script) => script.includes(text)) }).toEqual({ text, inMain: false })
  // The markers are real: the staff texts are in the build, where they belong.
  for (const text of STAFF_ONLY_TEXTS)
    expect({ text, inSubpackages: subpackages.some((script) => script.includes(text)) }).toEqual({
      text,
      inSubpackages: true,
    })
})
