import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

/**
 * ESLint's Node API, `lintText` with a `filePath` where the probe would live: each probe is linted
 * with the project's own config as if it were there, and nothing is written. It runs in a plain
 * Node child: ESLint loads eslint.config.mjs with a dynamic import, which jest's sandbox refuses.
 */
const LINT = `
const { ESLint } = require('eslint')
let input = ''
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() })
  const rules = {}
  for (const probe of JSON.parse(input)) {
    const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath })
    rules[probe.filePath + ' ' + probe.code] = result.messages.map((message) => message.ruleId)
  }
  process.stdout.write(JSON.stringify(rules))
})
`

function lint(probes: Array<{ filePath: string; code: string }>): Record<string, Array<string | null>> {
  const run = spawnSync(process.execPath, ['-e', LINT], { cwd: ROOT, input: JSON.stringify(probes), encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as Record<string, Array<string | null>>
}

/** Rules about calls, which the import graph cannot see (written out: probe → the rules it breaks). */
const PROBES: Array<[filePath: string, code: string, rules: string[]]> = [
  ['core/case/probe.ts', 'export const env = process.env.X\n', ['no-restricted-globals']],
  ['core/probe.ts', "export const get = () => fetch('/x')\n", ['no-restricted-globals']],
  ['core/a/b/probe.ts', "export const w = wx.getStorageSync('x')\n", ['no-restricted-globals']],
  ['core/probe.ts', 'export const one = 1\n', []],
  [
    'src/pages/probe/index.tsx',
    "import Taro from '@tarojs/taro'\nexport const go = () => Taro.request({ url: '/fn/cases' })\n",
    ['no-restricted-properties'],
  ],
  [
    'src/components/Probe.tsx',
    "import Taro from '@tarojs/taro'\nexport const go = () => Taro.cloud.callFunction({ name: 'cases' })\n",
    ['no-restricted-properties'],
  ],
  ...['request', 'uploadFile', 'downloadFile', 'connectSocket', 'cloud'].map((name): [string, string, string[]] => [
    'src/pages/probe/index.tsx',
    `import { ${name} } from '@tarojs/taro'\nexport const go = ${name}\n`,
    ['no-restricted-imports'],
  ]),
  [
    'src/components/Probe.tsx',
    "import { navigateTo, request as send } from '@tarojs/taro'\nexport const go = [navigateTo, send]\n",
    ['no-restricted-imports'],
  ],
  ['src/services/backend.ts', "import { request } from '@tarojs/taro'\nexport const go = request\n", []],
  ['src/services/identity.ts', "import { request } from '@tarojs/taro'\nexport const go = request\n", []],
  // The export's file, by the URL the backend gave for it: only the download service fetches it.
  [
    'src/services/download.ts',
    "import Taro from '@tarojs/taro'\nexport const go = () => Taro.downloadFile({ url: '/files/x' })\n",
    [],
  ],
  ['src/pages/probe/index.tsx', "import { navigateTo } from '@tarojs/taro'\nexport const go = navigateTo\n", []],
  ['src/pages/probe/index.tsx', "export const go = () => fetch('/fn/cases')\n", ['no-restricted-globals']],
  ['src/services/backend.ts', "export const go = () => fetch('/fn/cases')\n", []],
  [
    'src/pages/probe/index.tsx',
    "import Taro from '@tarojs/taro'\nexport const go = () => Taro.navigateTo({ url: '/pages/mine/index' })\n",
    [],
  ],
]

let found: Record<string, Array<string | null>>
beforeAll(() => {
  found = lint(PROBES.map(([filePath, code]) => ({ filePath: path.join(ROOT, filePath), code })))
})

test.each(PROBES)('%s: %s → %j', (filePath, code, rules) => {
  expect(found[`${path.join(ROOT, filePath)} ${code}`]).toEqual(rules)
})
