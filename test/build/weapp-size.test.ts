import fs from 'node:fs'
import path from 'node:path'

const WEAPP = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
/** WeChat refuses a main package over 2 MB. */
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** The files of the main package: everything outside the subpackages' roots. */
function mainPackageFiles(): string[] {
  const appJson = path.join(WEAPP, 'app.json')
  if (!fs.existsSync(appJson))
    throw new Error('没有找到 weapp 构建：请先运行 npm run build:weapp（npm test 会自动构建）')
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const subpackageRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) =>
    path.join(WEAPP, sub.root),
  )
  return filesUnder(WEAPP).filter((file) => !subpackageRoots.some((root) => file.startsWith(root)))
}

const sizeOf = (files: string[]) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0)

test('the production weapp main package stays under WeChat’s 2 MB limit', () => {
  const files = mainPackageFiles()
  // A watch (development) build is far larger; this figure is only meaningful for a production build.
  expect(files.some((file) => file.endsWith('.map'))).toBe(false)
  const bytes = sizeOf(files)
  console.log(`weapp 主包大小：${(bytes / 1024).toFixed(1)} KB（上限 2048 KB，${files.length} 个文件）`)
  expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
})

/** The dashboard (issue 14) may take at most 1 MB, its chart library included. */
const DASHBOARD_LIMIT = 1024 * 1024
/** A string ECharts writes into every chart it makes: where it appears, the library was bundled. */
const ECHARTS_MARK = '__ec_inner_'

test('the dashboard subpackage, ECharts included, stays under 1 MB; ECharts stays out of the main package', () => {
  const main = mainPackageFiles()
  const dashboard = filesUnder(path.join(WEAPP, 'packages', 'dashboard'))
  const bytes = sizeOf(dashboard)
  console.log(`weapp 统计看板分包大小：${(bytes / 1024).toFixed(1)} KB（上限 1024 KB）`)
  expect(bytes).toBeLessThan(DASHBOARD_LIMIT)
  const bundles = (files: string[]) =>
    files.filter((file) => file.endsWith('.js') && fs.readFileSync(file, 'utf8').includes(ECHARTS_MARK))
  expect(bundles(dashboard).length).toBeGreaterThan(0)
  expect(bundles(main).map((file) => path.relative(WEAPP, file))).toEqual([])
})
