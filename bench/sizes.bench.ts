/**
 * npm run bench (sizes): what the builds weigh — the mini-program's main package and each
 * subpackage (production weapp build), and the H5 build's scripts and styles as sent (brotli) and
 * unpacked. The size test holds the main package to 450 KB and each subpackage to 1 MB; the cloud
 * functions' bundles are printed by functions.bench.ts. Needs both builds (npm test makes them).
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  filesUnder,
  MAIN_PACKAGE_LIMIT,
  mainPackageFiles,
  sizeOf,
  SUBPACKAGE_LIMIT,
  subpackageRoots,
  WEAPP_DIST,
} from '../scripts/weapp-packages'

const H5_DIST = path.resolve(__dirname, '..', 'dist', 'h5')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`

function main(): void {
  console.log('\n构建体积（生产构建）\n')
  console.log(`weapp 主包           ${kb(sizeOf(mainPackageFiles()))}（上限 ${kb(MAIN_PACKAGE_LIMIT).trim()}）`)
  for (const root of subpackageRoots())
    console.log(
      `weapp 分包 ${root.padEnd(18)}${kb(sizeOf(filesUnder(path.join(WEAPP_DIST, root))))}（上限 ${kb(SUBPACKAGE_LIMIT).trim()}）`,
    )
  if (!fs.existsSync(H5_DIST)) throw new Error('没有找到 H5 构建：请先运行 npm run build:h5')
  const files = filesUnder(H5_DIST)
  for (const ext of ['.js', '.css']) {
    const plain = files.filter((file) => file.endsWith(ext))
    const sent = plain.map((file) => `${file}.br`).filter((file) => fs.existsSync(file))
    console.log(
      `H5 ${ext.slice(1).padEnd(3)} ${String(plain.length).padStart(3)} 个文件  ${kb(sizeOf(plain))}，brotli 传输 ${kb(sizeOf(sent))}`,
    )
  }
}

main()
