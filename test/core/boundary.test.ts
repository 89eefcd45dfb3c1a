import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')
const CORE = path.join(ROOT, 'core')

function lint(files: string[]): Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }> {
  try {
    return JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...files],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    )
  } catch (error) {
    // ESLint exits 1 when it finds problems; its report is still on stdout.
    return JSON.parse((error as { stdout: string }).stdout)
  }
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
  const probeDir = path.join(CORE, `zz_boundary_probe_${process.pid}`)
  const probes: Record<string, { file: string; code: string; allowed: boolean }> = {
    nodeBuiltin: { file: 'a.ts', code: "import fs from 'node:fs'\nexport const x = fs", allowed: false },
    bareBuiltin: { file: 'b.ts', code: "import { readFile } from 'fs'\nexport const x = readFile", allowed: false },
    taro: { file: 'c.ts', code: "import Taro from '@tarojs/taro'\nexport const x = Taro", allowed: false },
    cloudbase: { file: 'd.ts', code: "import tcb from '@cloudbase/node-sdk'\nexport const x = tcb", allowed: false },
    nedb: { file: 'e.ts', code: "import D from '@seald-io/nedb'\nexport const x = D", allowed: false },
    backend: {
      file: 'f.ts',
      code: "import { HANDLERS } from '../../backend/handlers/registry'\nexport const x = HANDLERS",
      allowed: false,
    },
    processEnv: { file: 'g.ts', code: 'export const x = process.env.HOME', allowed: false },
    dynamicRequire: { file: 'h.ts', code: "export const x = require('fs')", allowed: false },
    zod: { file: 'i.ts', code: "import { z } from 'zod'\nexport const x = z", allowed: true },
    dayjs: { file: 'j.ts', code: "import dayjs from 'dayjs'\nexport const x = dayjs", allowed: true },
    siblingCore: { file: 'k.ts', code: "import { ROLES } from '../roles'\nexport const x = ROLES", allowed: true },
  }

  beforeAll(() => {
    fs.mkdirSync(probeDir, { recursive: true })
    for (const probe of Object.values(probes)) fs.writeFileSync(path.join(probeDir, probe.file), `${probe.code}\n`)
  })
  afterAll(() => fs.rmSync(probeDir, { recursive: true, force: true }))

  test('lint refuses I/O, platform and outer-layer imports in core/, and allows zod, dayjs and core files', () => {
    const report = lint(Object.values(probes).map((probe) => path.join(probeDir, probe.file)))
    const verdicts = Object.fromEntries(
      Object.entries(probes).map(([name, probe]) => {
        const result = report.find((r) => r.filePath === path.join(probeDir, probe.file))
        const boundaryErrors = (result?.messages ?? []).filter((m) =>
          ['no-restricted-imports', 'no-restricted-globals'].includes(m.ruleId ?? ''),
        )
        return [name, boundaryErrors.length === 0]
      }),
    )
    expect(verdicts).toEqual(Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, probe.allowed])))
  })

  test('no core file lies deeper than the lint rule reaches', () => {
    for (const file of coreFiles()) {
      expect(path.relative(CORE, file).split(path.sep).length).toBeLessThanOrEqual(3)
    }
  })
})
