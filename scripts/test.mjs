// npm test: every check, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const jestReport = path.join(os.tmpdir(), `mqt-jest-${process.pid}.json`)

const steps = [
  ['类型检查 typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['代码规范 lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['格式 prettier', bin('prettier'), ['--check', '.']],
  ['构建 weapp', bin('taro'), ['build', '--type', 'weapp']],
  ['构建 h5', bin('taro'), ['build', '--type', 'h5']],
  ['单元、契约与接口测试 jest', bin('jest'), ['--ci', '--json', `--outputFile=${jestReport}`]],
]

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
