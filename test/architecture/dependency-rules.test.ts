import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../support/temp-dir'

const ROOT = path.resolve(__dirname, '..', '..')
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs')
const CLI = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')

interface Violation {
  rule: { name: string }
  from: string
  to: string
}

/** A small tree outside the source tree, cruised with the project's own rules. */
function cruise(files: Record<string, string>): Violation[] {
  const dir = tempDir('mqt-depcruise-')
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }))
  // Packages resolve as they do in the repository (zod is one core may use).
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  const folders = [...new Set(Object.keys(files).map((file) => file.split('/')[0] as string))]
  const run = spawnSync(process.execPath, [CLI, '--config', CONFIG, '--output-type', 'json', ...folders], {
    cwd: dir,
    encoding: 'utf8',
  })
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.stderr}`)
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations
}

const names = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)

describe('every layer rule refuses a tree that breaks it', () => {
  test('core-is-pure: core/ may not reach Node, a platform, or the layers above it', () => {
    expect(
      names(
        cruise({
          'core/io.ts': "import fs from 'node:fs'\nexport const read = fs.readFileSync\n",
          'core/above.ts': "import { x } from '../backend/x'\nexport const y = x\n",
          'backend/x.ts': 'export const x = 1\n',
        }),
      ),
    ).toEqual(['core-is-pure: core/above.ts → backend/x.ts', 'core-is-pure: core/io.ts → fs'])
  })

  test('core-is-pure allows core files and zod', () => {
    expect(
      cruise({
        'core/a.ts': "import * as z from 'zod/mini'\nimport { b } from './b'\nexport const a = z.string().parse(b)\n",
        'core/b.ts': "export const b = 'b'\n",
      }),
    ).toEqual([])
  })

  test('handlers-know-no-platform: a handler may not import an adapter, the local server or CloudBase', () => {
    expect(
      names(
        cruise({
          'backend/handlers/h.ts':
            "import { a } from '../adapters/a'\nimport { l } from '../local/l'\nimport { c } from '../cloudbase/c'\nexport const h = [a, l, c]\n",
          'backend/adapters/a.ts': 'export const a = 1\n',
          'backend/local/l.ts': 'export const l = 1\n',
          'backend/cloudbase/c.ts': 'export const c = 1\n',
        }),
      ).sort(),
    ).toEqual([
      'handlers-know-no-platform: backend/handlers/h.ts → backend/adapters/a.ts',
      'handlers-know-no-platform: backend/handlers/h.ts → backend/cloudbase/c.ts',
      'handlers-know-no-platform: backend/handlers/h.ts → backend/local/l.ts',
    ])
  })

  test('app-does-not-import-backend: a page may not import the backend', () => {
    expect(
      names(
        cruise({
          'src/pages/p.ts': "import { b } from '../../backend/b'\nexport const p = b\n",
          'backend/b.ts': 'export const b = 1\n',
        }),
      ),
    ).toEqual(['app-does-not-import-backend: src/pages/p.ts → backend/b.ts'])
  })

  test('zod-mini-only: classic zod is refused wherever it is imported', () => {
    expect(
      names(
        cruise({
          'core/a.ts': "import { z } from 'zod'\nexport const a = z.string()\n",
          'src/b.ts': "import { z } from 'zod/v4'\nexport const b = z.string()\n",
          'backend/c.ts':
            "import * as z from 'zod/mini'\nimport zhCN from 'zod/v4/locales/zh-CN.js'\nexport const c = [z, zhCN]\n",
        }),
      ).map((line) => line.replace(/→ .*node_modules\//, '→ ')),
    ).toEqual(['zod-mini-only: core/a.ts → zod/index.cjs', 'zod-mini-only: src/b.ts → zod/v4/index.cjs'])
  })

  test('no-circular: two modules importing each other are refused', () => {
    const found = names(
      cruise({
        'backend/jobs/registry.ts':
          "import { job } from './job'\nexport const jobs = [job]\nexport type Job = string\n",
        'backend/jobs/job.ts': "import type { Job } from './registry'\nexport const job: Job = 'j'\n",
      }),
    )
    expect(found.filter((line) => line.startsWith('no-circular:')).length).toBeGreaterThan(0)
  })
})

test('the repository itself keeps every rule', () => {
  const run = spawnSync(
    process.execPath,
    [CLI, '--config', CONFIG, '--output-type', 'json', 'src', 'core', 'backend', 'cloudfunctions', 'scripts', 'bench'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  expect(names((JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations)).toEqual([])
})
