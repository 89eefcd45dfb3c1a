/**
 * npm run bench (cloud functions part): how long a cold start spends loading each function's bundle,
 * against loading @cloudbase/node-sdk alone — the difference is our code (target ≤ 60 ms; the
 * exports function carries exceljs and has its own budget). Each figure is the median of RUNS fresh
 * Node processes, the targets interleaved so that a busy machine slows them alike. The bundles are
 * built by `npm run build:functions`' script into a temp folder outside the repo.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const RUNS = 11
const TARGET_MS = 60
const SDK = '@cloudbase/node-sdk'

/**
 * Times one require() in a fresh process (the process's own start-up left out): wall-clock ms and
 * the CPU ms it took (the CPU figure is the steadier on a machine that others share). With a second
 * argument, that module is loaded first, untimed: a bundle timed after the SDK is our code alone.
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

function timeRequire(target: string, cwd: string, first = ''): { wall: number; cpu: number } {
  const run = spawnSync(process.execPath, ['-e', TIME_REQUIRE, target, first], { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`require(${target}) failed: ${run.stderr}`)
  const [wall, cpu] = JSON.parse(run.stdout) as [number, number]
  return { wall, cpu }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

function main(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-fn-bench-'))
  try {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-functions.mjs'), '--outdir', outdir], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
    // The bundles find the SDK as a deployed function does: in a node_modules beside them.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outdir, 'node_modules'), 'dir')

    const names = fs
      .readdirSync(outdir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(outdir, entry.name, 'index.js')))
      .map((entry) => entry.name)
      .sort()
    const targets = [SDK, ...names.map((name) => path.join(outdir, name, 'index.js'))]
    const samples = new Map<string, Array<{ wall: number; cpu: number }>>()
    const sample = (key: string, timed: { wall: number; cpu: number }) =>
      samples.set(key, [...(samples.get(key) ?? []), timed])
    for (let run = 0; run < RUNS; run++) {
      for (const target of targets) {
        sample(target, timeRequire(target, outdir))
        if (target !== SDK) sample(`${target} after the SDK`, timeRequire(target, outdir, SDK))
      }
    }
    const medians = (key: string) => {
      const runs = samples.get(key) ?? []
      return { wall: median(runs.map((one) => one.wall)), cpu: median(runs.map((one) => one.cpu)) }
    }

    const sdk = medians(SDK)
    const cell = (value: number, width = 9) => value.toFixed(1).padStart(width)
    console.log(
      `云函数冷启动加载（每项 ${RUNS} 个新进程的中位数；我们的代码 = 整个包 − 单独的 SDK，目标 ≤ ${TARGET_MS} ms）`,
    )
    console.log(
      '  墙钟与 CPU 时间各三列：单独加载 SDK、加载整个包、两者之差；末两列：SDK 已加载后再加载包（直接量出我们的代码）',
    )
    console.log(
      `  ${'函数'.padEnd(12)}${'包 KB'.padStart(9)}` +
        ['SDK', '包', '差', 'SDK·CPU', '包·CPU', '差·CPU', '其后', '其后·CPU']
          .map((label) => label.padStart(9))
          .join(''),
    )
    for (const name of names) {
      const file = path.join(outdir, name, 'index.js')
      const bundle = medians(file)
      const ours = { wall: bundle.wall - sdk.wall, cpu: bundle.cpu - sdk.cpu }
      const after = medians(`${file} after the SDK`)
      const mark = name === 'exports' ? '  （exceljs，另有预算）' : after.wall <= TARGET_MS ? '' : '  ✗ 超出目标'
      console.log(
        `  ${name.padEnd(12)}${cell(fs.statSync(file).size / 1024)}` +
          [sdk.wall, bundle.wall, ours.wall, sdk.cpu, bundle.cpu, ours.cpu, after.wall, after.cpu]
            .map((value) => cell(value))
            .join('') +
          mark,
      )
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true })
  }
}

main()
