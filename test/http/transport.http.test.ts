import fs from 'node:fs'
import path from 'node:path'
import { rawRequest } from '../support/raw-http'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

const CHINESE = /[\u4e00-\u9fff]/
const APP_PAGE = '<!doctype html><title>民情通</title>'
const APP_SCRIPT = 'console.log("民情通")'

let server: RunningServer
let outputBefore: number

beforeAll(async () => {
  // A stand-in for the H5 build, so that the static file server is in play too.
  const staticDir = tempDir('mqt-h5-')
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), APP_PAGE)
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), APP_SCRIPT)
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: staticDir })
  outputBefore = server.output().length
})

afterAll(async () => {
  await server?.stop()
})

interface Odd {
  method: string
  path: string
  status: number
  code: string
  label?: string
}

/** Requests that never reach a function, each with the answer it must get. Paths are sent as written. */
const ODD_REQUESTS: Odd[] = [
  // Climbing out, spelled every way: refused before any route or file lookup.
  { method: 'GET', path: '/files/..%2F..%2Fetc%2Fpasswd', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/static/../../package.json', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/js/%2e%2e/%2e%2e/%2e%2e/package.json', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/..%2f..%2fpackage.json', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/%5c..%5c..%5cpackage.json', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/js/..\\..\\package.json', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'POST', path: '/fn/..%2Fx', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'POST', path: '/dev/jobs/..%2F..%2Fx', status: 403, code: 'HTTP.FORBIDDEN' },
  // A NUL byte anywhere in the path.
  { method: 'GET', path: '/files/%00', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/js/%00', status: 403, code: 'HTTP.FORBIDDEN' },
  { method: 'GET', path: '/js/app.js%00.html', status: 403, code: 'HTTP.FORBIDDEN' },
  // Percent-encoding that does not decode.
  { method: 'GET', path: '/%E0%A4%A', status: 400, code: 'HTTP.BAD_URL' },
  { method: 'GET', path: '/files/%E0%A4%A', status: 400, code: 'HTTP.BAD_URL' },
  { method: 'POST', path: '/fn/%E0%A4%A', status: 400, code: 'HTTP.BAD_URL' },
  { method: 'GET', path: '/js/%zz', status: 400, code: 'HTTP.BAD_URL' },
  // Very long.
  {
    label: 'GET /aaaa… (3,000 characters)',
    method: 'GET',
    path: `/${'a'.repeat(3000)}`,
    status: 414,
    code: 'HTTP.URI_TOO_LONG',
  },
  {
    label: 'GET /files/aaaa… (3,000 characters)',
    method: 'GET',
    path: `/files/${'a'.repeat(3000)}`,
    status: 414,
    code: 'HTTP.URI_TOO_LONG',
  },
  {
    label: 'GET /aaaa… (20,000 characters, past the header limit)',
    method: 'GET',
    path: `/${'a'.repeat(20_000)}`,
    status: 431,
    code: 'HTTP.HEADERS_TOO_LARGE',
  },
  // Known paths, methods they do not take.
  { method: 'GET', path: '/fn/cases', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'DELETE', path: '/fn/cases', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'PUT', path: '/fn', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'PUT', path: '/files', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'DELETE', path: `/files/img_${'0'.repeat(32)}.png`, status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'POST', path: '/healthz', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'POST', path: '/demo/users', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'PATCH', path: '/dev/clock', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'GET', path: '/dev/jobs/default-satisfied', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'OPTIONS', path: '/fn/cases', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  { method: 'TRACE', path: '/healthz', status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' },
  // A method HTTP does not have: Node's parser refuses the request line.
  { method: 'FOO', path: '/fn/cases', status: 400, code: 'HTTP.BAD_REQUEST' },
  // Methods no route takes, and paths no route has.
  { method: 'PROPFIND', path: '/fn/cases', status: 404, code: 'HTTP.NOT_FOUND' },
  { method: 'GET', path: '/dev/nothing-here', status: 404, code: 'HTTP.NOT_FOUND' },
  { method: 'POST', path: '/nothing-here', status: 404, code: 'HTTP.NOT_FOUND' },
  { method: 'GET', path: `/files/img_${'0'.repeat(32)}.png`, status: 404, code: 'FILE.NOT_FOUND' },
]

test.each(ODD_REQUESTS.map((odd) => [odd.label ?? `${odd.method} ${odd.path}`, odd] as const))(
  '%s',
  async (_label, { method, path: target, status, code }) => {
    const answer = await rawRequest(server.url, { method, path: target })
    expect({ status: answer.status, body: answer.json }).toEqual({
      status,
      body: { ok: false, code, message: expect.stringMatching(CHINESE) },
    })
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
  },
)

test('405 names the methods the path does take', async () => {
  expect((await rawRequest(server.url, { method: 'DELETE', path: '/fn/cases' })).headers.allow).toBe('POST')
  expect((await rawRequest(server.url, { method: 'POST', path: '/healthz' })).headers.allow).toBe('GET, HEAD')
  expect((await rawRequest(server.url, { method: 'PUT', path: '/dev/clock' })).headers.allow).toBe('GET, HEAD, POST')
})

test('paths that only look odd get the app page, never a file from outside it', async () => {
  // Not traversal: `//` is an empty segment, and `%252e` decodes once, to the text `%2e`.
  for (const target of ['//etc/passwd', '/%252e%252e/%252e%252e/package.json']) {
    const answer = await rawRequest(server.url, { path: target })
    expect([target, answer.status, answer.text]).toEqual([target, 200, APP_PAGE])
  }
})

test('the app and its files are still served, and the functions still answer', async () => {
  const script = await rawRequest(server.url, { path: '/js/app.js' })
  expect([script.status, script.text]).toEqual([200, APP_SCRIPT])
  const page = await rawRequest(server.url, { path: '/' })
  expect([page.status, page.text]).toEqual([200, APP_PAGE])
  const health = await rawRequest(server.url, { path: '/healthz' })
  expect(health.json).toEqual({ ok: true, data: { status: 'up' } })
  const listed = await rawRequest(server.url, {
    method: 'POST',
    path: '/fn/cases',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'demo-resident-zhang' },
    body: [Buffer.from(JSON.stringify({ action: 'listMine' }))],
  })
  expect(listed).toMatchObject({ status: 200, json: { ok: true } })
})

test('none of these requests made the server log anything, let alone a stack', () => {
  expect(server.output().slice(outputBefore)).toBe('')
})
