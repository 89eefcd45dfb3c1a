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

test('the production weapp main package stays under WeChat’s 2 MB limit', () => {
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
  const files = filesUnder(WEAPP).filter((file) => !subpackageRoots.some((root) => file.startsWith(root)))
  // A watch (development) build is far larger; this figure is only meaningful for a production build.
  expect(files.some((file) => file.endsWith('.map'))).toBe(false)
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0)
  console.log(`weapp 主包大小：${(bytes / 1024).toFixed(1)} KB（上限 2048 KB，${files.length} 个文件）`)
  expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
})
