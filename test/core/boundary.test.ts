import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')
const CORE = path.join(ROOT, 'core')

interface Probe {
  name: string
  code: string
  filePath: string
}

/**
 * ESLint's Node API, `lintText` with a `filePath` inside core/: each probe is linted with the
 * project's own config as if it lived there, and nothing is written. It runs in a plain Node child
 * because ESLint loads eslint.config.mjs with a dynamic import, which jest's module sandbox refuses.
 */
const LINT_PROBES = `
const { ESLint } = require('eslint')
let input = ''
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() })
  const rules = {}
  for (const probe of JSON.parse(input)) {
    const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath })
    rules[probe.name] = result.messages.map((message) => message.ruleId)
  }
  process.stdout.write(JSON.stringify(rules))
})
`

function lintProbes(probes: Probe[]): Record<string, Array<string | null>> {
  const run = spawnSync(process.execPath, ['-e', LINT_PROBES], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`)
  return JSON.parse(run.stdout)
}

function coreFiles(dir = CORE): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? coreFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [path.join(dir, entry.name)]
          : [],
    )
}

describe('the domain core stays pure', () => {
  /** Each probe's source, given the relative paths from its folder to the repository root and to core/. */
  const sources: Record<string, { code: (toRoot: string, toCore: string) => string; allowed: boolean }> = {
    nodeBuiltin: { code: () => "import fs from 'node:fs'\nexport const x = fs", allowed: false },
    bareBuiltin: { code: () => "import { readFile } from 'fs'\nexport const x = readFile", allowed: false },
    taro: { code: () => "import Taro from '@tarojs/taro'\nexport const x = Taro", allowed: false },
    cloudbase: { code: () => "import tcb from '@cloudbase/node-sdk'\nexport const x = tcb", allowed: false },
    nedb: { code: () => "import D from '@seald-io/nedb'\nexport const x = D", allowed: false },
    backend: {
      code: (toRoot) => `import { HANDLERS } from '${toRoot}backend/handlers/registry'\nexport const x = HANDLERS`,
      allowed: false,
    },
    processEnv: { code: () => 'export const x = process.env.HOME', allowed: false },
    dynamicRequire: { code: () => "export const x = require('fs')", allowed: false },
    zod: { code: () => "import { z } from 'zod'\nexport const x = z", allowed: true },
    dayjs: { code: () => "import dayjs from 'dayjs'\nexport const x = dayjs", allowed: true },
    siblingCore: {
      code: (_toRoot, toCore) => `import { ROLES } from '${toCore}roles'\nexport const x = ROLES`,
      allowed: true,
    },
  }
  // At every depth the rule covers: core/probe.ts, core/sub/probe.ts, core/sub/deeper/probe.ts.
  const probes = [[], ['sub'], ['sub', 'deeper']].flatMap((folders) =>
    Object.entries(sources).map(([name, source]) => ({
      name: `${name} in ${['core', ...folders, 'probe.ts'].join('/')}`,
      allowed: source.allowed,
      filePath: path.join(CORE, ...folders, 'probe.ts'),
      code: `${source.code('../'.repeat(folders.length + 1), folders.length === 0 ? './' : '../'.repeat(folders.length))}\n`,
    })),
  )

  test('lint refuses I/O, platform and outer-layer imports in core/, and allows zod, dayjs and core files', () => {
    const before = coreFiles()
    const rules = lintProbes(probes)
    expect(coreFiles()).toEqual(before)
    const verdicts = Object.fromEntries(
      probes.map((probe) => {
        const boundaryErrors = (rules[probe.name] ?? ['no answer']).filter((rule) =>
          ['no-restricted-imports', 'no-restricted-globals', 'no answer'].includes(rule ?? ''),
        )
        return [probe.name, boundaryErrors.length === 0]
      }),
    )
    expect(verdicts).toEqual(Object.fromEntries(probes.map((probe) => [probe.name, probe.allowed])))
  })

  test('no core file lies deeper than the lint rule reaches', () => {
    for (const file of coreFiles()) {
      expect(path.relative(CORE, file).split(path.sep).length).toBeLessThanOrEqual(3)
    }
  })
})
