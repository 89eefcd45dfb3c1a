import fs from 'node:fs'
import path from 'node:path'

/** Where `taro build --type weapp` writes the mini-program. */
export const WEAPP_DIST = path.resolve(__dirname, '..', 'dist', 'weapp')

/**
 * The resident's app (the main package) must open fast on a weak phone in a village: issue 16 holds it
 * to 450 KB, far under WeChat's own 2 MB limit.
 */
export const MAIN_PACKAGE_LIMIT = 450 * 1024
/** Each staff subpackage (the dashboard with its chart library included) may take at most 1 MB. */
export const SUBPACKAGE_LIMIT = 1024 * 1024

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** The roots of the subpackages, as the built app.json declares them. */
export function subpackageRoots(weapp = WEAPP_DIST): string[] {
  const appJson = path.join(weapp, 'app.json')
  if (!fs.existsSync(appJson))
    throw new Error('没有找到 weapp 构建：请先运行 npm run build:weapp（npm test 会自动构建）')
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => sub.root)
}

/** The files of the main package: everything outside the subpackages' roots. */
export function mainPackageFiles(weapp = WEAPP_DIST): string[] {
  const roots = subpackageRoots(weapp).map((root) => path.join(weapp, root) + path.sep)
  return filesUnder(weapp).filter((file) => !roots.some((root) => file.startsWith(root)))
}

export const sizeOf = (files: string[]) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0)
