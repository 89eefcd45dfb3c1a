// npm test: every check, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureSqlite } from './native.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const jestReport = path.join(os.tmpdir(), `mqt-jest-${process.pid}.json`)

const CHROMIUM = '/usr/bin/chromium'
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
const APT_PACKAGES = ['chromium', 'fonts-wqy-microhei']

/** The browser tests need Debian's Chromium (and a CJK font, so screenshots are legible). */
function ensureBrowser() {
  const missing = [!fs.existsSync(CHROMIUM) && 'chromium', !fs.existsSync(CJK_FONT) && 'fonts-wqy-microhei'].filter(
    Boolean,
  )
  if (missing.length === 0) return
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`
  if (process.getuid?.() !== 0) {
    console.error(`✖ 浏览器测试需要 Debian 的 Chromium。请先运行：\n  sudo sh -c '${command}'`)
    process.exit(1)
  }
  console.log(`\n▶ 安装浏览器测试所需的软件包：${APT_PACKAGES.join(' ')}`)
  const run = spawnSync('sh', ['-c', `${command} > /dev/null`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (run.status !== 0 || !fs.existsSync(CHROMIUM)) {
    console.error(`✖ 安装失败，请手动运行：${command}`)
    process.exit(1)
  }
}

const steps = [
  ['类型检查 typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['代码规范 lint', bin('eslint'), ['.', '--max-warnings', '0']],
  [
    '分层规则 dependency-cruiser',
    bin('depcruise'),
    ['--config', '.dependency-cruiser.cjs', 'src', 'core', 'backend', 'cloudfunctions', 'scripts', 'bench'],
  ],
  ['格式 prettier', bin('prettier'), ['--check', '.']],
  ['无用代码 knip', bin('knip'), []],
  ['构建 weapp', bin('taro'), ['build', '--type', 'weapp']],
  ['构建 h5', bin('taro'), ['build', '--type', 'h5']],
  ['单元、契约、接口、浏览器与体积测试 jest', bin('jest'), ['--ci', '--json', `--outputFile=${jestReport}`]],
]

ensureBrowser()
ensureSqlite(root)

for (const [title, command, args] of steps) {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const quiet = title.startsWith('构建')
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  })
  if (run.status !== 0) {
    if (quiet) process.stdout.write(run.stdout ?? '')
    console.error(`✖ ${title} 失败（退出码 ${run.status}）`)
    process.exit(run.status ?? 1)
  }
  console.log(`✔ ${title}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
}

const report = JSON.parse(fs.readFileSync(jestReport, 'utf8'))
fs.rmSync(jestReport, { force: true })
console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed`)
process.exit(report.numFailedTests === 0 ? 0 : 1)
