/**
 * npm run bench (cloud functions part): how long a cold start spends loading each function's bundle,
 * against loading @cloudbase/node-sdk alone — the difference is our code (target ≤ 60 ms; the
 * exports function carries exceljs and has its own budget). Each figure is the median of RUNS fresh
 * Node processes, the targets interleaved so that a busy machine slows them alike. The bundles are
 * built by `npm run build:functions`' script into a temp folder outside the repo.
 *
 * Loading a bundle also initialises the SDK (`init()` and `database()`, as every function does once
 * per instance), and the SDK's `init` starts by asking the cloud's metadata service where it runs:
 * the SDK's own work, timed here on its own too (it costs next to nothing).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const RUNS = 11
const TARGET_MS = 60
const SDK = '@cloudbase/node-sdk'
/** The SDK loaded and initialised as backend/cloudbase/function-entry.ts does. */
const SDK_INIT = `const { init, SYMBOL_CURRENT_ENV } = require('${SDK}')\ninit({ env: SYMBOL_CURRENT_ENV }).database()\n`

/**
 * Times one require() in a fresh process (the process's own start-up left out): wall-clock ms and
 * the CPU ms it took. With a second argument, that module is loaded first, untimed: a bundle timed
 * after the SDK is our code alone, without the noise of two medians subtracted. The CPU figure of
 * that is the one judged: on a machine that others share, wall-clock time measures them too; on an
 * idle one the two agree, loading being single-threaded.
 */
const TIME_REQUIRE = `
if (process.argv[2]) require(process.argv[2])
const started = process.hrtime.bigint()
const cpu = process.cpuUsage()
require(process.argv[1])
const used = process.cpuUsage(cpu)
process.stdout.write(JSON.stringify([Number(process.hrtime.bigint() - started) / 1e6, (used.user + used.system) / 1e3]))
process.exit(0)
`

interface Timing {
  wall: number
  cpu: number
}

function timeRequire(target: string, cwd: string, first = ''): Timing {
  const run = spawnSync(process.execPath, ['-e', TIME_REQUIRE, target, first], { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`require(${target}) failed: ${run.stderr}`)
  const [wall, cpu] = JSON.parse(run.stdout) as [number, number]
  return { wall, cpu }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const cell = (value: number) => value.toFixed(1).padStart(10)

/** Builds the bundles into `outdir`, where they find the SDK as a deployed function does: beside them. */
function buildInto(outdir: string): string[] {
  const script = path.join(ROOT, 'scripts', 'build-functions.mjs')
  const build = spawnSync(process.execPath, [script, '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outdir, 'node_modules'), 'dir')
  fs.writeFileSync(path.join(outdir, 'sdk-init.js'), SDK_INIT)
  return fs
    .readdirSync(outdir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(outdir, entry.name, 'index.js')))
    .map((entry) => entry.name)
    .sort()
}

const AFTER_SDK = ' after the SDK'

/**
 * The median timing of each target over RUNS rounds, each round loading every target once, and
 * each bundle once more after the SDK (keyed `<target> after the SDK`).
 */
function measure(targets: string[], cwd: string): Map<string, Timing> {
  const samples = new Map<string, Timing[]>()
  const add = (key: string, timing: Timing) => samples.set(key, [...(samples.get(key) ?? []), timing])
  for (let run = 0; run < RUNS; run++) {
    for (const target of targets) {
      add(target, timeRequire(target, cwd))
      if (target.endsWith('index.js')) add(target + AFTER_SDK, timeRequire(target, cwd, SDK))
    }
  }
  return new Map(
    [...samples].map(([target, runs]) => [
      target,
      { wall: median(runs.map((one) => one.wall)), cpu: median(runs.map((one) => one.cpu)) },
    ]),
  )
}

function main(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-fn-bench-'))
  try {
    const names = buildInto(outdir)
    const bundleOf = (name: string) => path.join(outdir, name, 'index.js')
    const sdkInit = path.join(outdir, 'sdk-init.js')
    const timings = measure([SDK, sdkInit, ...names.map(bundleOf)], outdir)
    const sdk = timings.get(SDK) as Timing
    const initialised = timings.get(sdkInit) as Timing

    console.log(
      `云函数冷启动加载（每项 ${RUNS} 个新进程的中位数；目标：我们的代码 ≤ ${TARGET_MS} ms，按“其后 CPU”判定）`,
    )
    console.log(
      `  单独加载 SDK ${sdk.wall.toFixed(1)} ms（CPU ${sdk.cpu.toFixed(1)}）；` +
        `加载并初始化 SDK（init 询问云上元数据服务）${initialised.wall.toFixed(1)} ms（CPU ${initialised.cpu.toFixed(1)}）`,
    )
    console.log('  差 = 加载包 − 单独加载 SDK；其后 = SDK 已加载后再加载包，即我们的代码（含 SDK 的初始化）')
    const labels = ['包 ms', '差 ms', '包 CPU', '差 CPU', '其后 ms', '其后 CPU']
    console.log(`  ${'函数'.padEnd(12)}${'包 KB'.padStart(9)}${labels.map((label) => label.padStart(10)).join('')}`)
    for (const name of names) {
      const bundle = timings.get(bundleOf(name)) as Timing
      const after = timings.get(bundleOf(name) + AFTER_SDK) as Timing
      const verdict = name === 'exports' ? '  exceljs，另有预算' : after.cpu <= TARGET_MS ? '  ✓' : '  ✗ 超出目标'
      const kb = (fs.statSync(bundleOf(name)).size / 1024).toFixed(1).padStart(9)
      const figures = [bundle.wall, bundle.wall - sdk.wall, bundle.cpu, bundle.cpu - sdk.cpu, after.wall, after.cpu]
      console.log(`  ${name.padEnd(12)}${kb}${figures.map(cell).join('')}${verdict}`)
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true })
  }
}

main()
