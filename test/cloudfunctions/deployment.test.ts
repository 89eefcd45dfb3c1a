import fs from 'node:fs'
import path from 'node:path'
import { FUNCTIONS } from '@core/functions'
import { JOBS } from '../../backend/jobs/registry'

const ROOT = path.resolve(__dirname, '..', '..')
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string; handler: string; runtime: string; envVariables?: Record<string, string> }>
}

test.each(Object.keys(FUNCTIONS))('function %s has an entry, a package and a deployment declaration', (name) => {
  const entry = fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'entry.ts'), 'utf8')
  // Its own unit alone (the bundles' test checks what went in and that it answers its own actions).
  const unit = new RegExp(`import \\{ (\\w+) \\} from '\\.\\./\\.\\./backend/handlers/functions/${name}'`).exec(
    entry,
  )?.[1]
  expect(entry).toMatch(new RegExp(`cloudFunction\\(${unit}[,)]`))
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'package.json'), 'utf8'))
  expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { '@cloudbase/node-sdk': expect.any(String) } })
  expect(rc.functions.find((fn) => fn.name === name)).toMatchObject({
    handler: 'index.main',
    runtime: 'Nodejs18.15',
    envVariables: { ADMIN_OPENIDS: expect.any(String) },
  })
})

test('nothing is deployed that the catalogue does not know, besides the scheduled jobs', () => {
  expect(rc.functions.map((fn) => fn.name).sort()).toEqual([...Object.keys(FUNCTIONS), 'jobs'].sort())
})

test('every scheduled job has a timer trigger on the jobs function', () => {
  const jobs = rc.functions.find((fn) => fn.name === 'jobs') as { triggers?: Array<{ name: string; type: string }> }
  expect((jobs.triggers ?? []).map((t) => `${t.type}:${t.name}`).sort()).toEqual(
    JOBS.map((job) => `timer:${job.name}`).sort(),
  )
})
