import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

/**
 * The H5 build as the local server sends it: content-hashed assets cached for a year, the page asked
 * for afresh every time, and the build's precompressed copies (brotli, gzip) sent to a browser that
 * takes them.
 */

const PAGE = `<!doctype html><title>民情通</title>${'<!-- 页面 -->'.repeat(200)}`
const SCRIPT = `console.log("民情通 ${'脚本'.repeat(2000)}")`

let server: RunningServer

beforeAll(async () => {
  // A stand-in for the H5 build, precompressed as config/precompress.ts writes it.
  const staticDir = tempDir('mqt-h5-')
  fs.mkdirSync(path.join(staticDir, 'js'))
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(staticDir, name), text)
    fs.writeFileSync(path.join(staticDir, `${name}.br`), brotliCompressSync(Buffer.from(text)))
    fs.writeFileSync(path.join(staticDir, `${name}.gz`), gzipSync(Buffer.from(text)))
  }
  write('index.html', PAGE)
  write('js/app.1a2b3c4d.js', SCRIPT)
  fs.writeFileSync(path.join(staticDir, 'js', 'plain.js'), SCRIPT)
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: staticDir })
})

afterAll(async () => {
  await server?.stop()
})

/** A GET with exactly these request headers; the body as bytes, undecoded. */
function get(urlPath: string, headers: http.OutgoingHttpHeaders = {}) {
  const { hostname, port } = new URL(server.url)
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.get(
      { host: hostname, port: Number(port), path: urlPath, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
  })
}

const IMMUTABLE = 'public, max-age=31536000, immutable'

test.each([
  ['a content-hashed script, to a browser taking brotli', '/js/app.1a2b3c4d.js', 'br, gzip', 'br', IMMUTABLE],
  ['a content-hashed script, to one taking gzip only', '/js/app.1a2b3c4d.js', 'gzip', 'gzip', IMMUTABLE],
  ['a content-hashed script, to one taking neither', '/js/app.1a2b3c4d.js', undefined, undefined, IMMUTABLE],
  ['the page at /', '/', 'br, gzip', 'br', 'no-cache'],
  ['the page by name', '/index.html', 'gzip', 'gzip', 'no-cache'],
  ['a script without a content hash', '/js/plain.js', 'br', undefined, 'no-cache'],
])('%s', async (_label, urlPath, acceptEncoding, encoding, cacheControl) => {
  const answer = await get(urlPath, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {})
  expect(answer.status).toBe(200)
  expect(answer.headers['content-encoding']).toBe(encoding)
  expect(answer.headers['cache-control']).toBe(cacheControl)
  const text = (
    encoding === 'br' ? brotliDecompressSync(answer.body) : encoding === 'gzip' ? gunzipSync(answer.body) : answer.body
  ).toString('utf8')
  expect(text).toBe(urlPath.endsWith('.js') ? SCRIPT : PAGE)
  if (encoding) expect(answer.body.length).toBeLessThan(Buffer.byteLength(text) / 4)
})

test('an app route of the hash router gets the page, asked for afresh every time', async () => {
  const answer = await get('/some/app/route')
  expect(answer.status).toBe(200)
  expect(answer.headers['cache-control']).toBe('no-cache')
  expect(answer.body.toString('utf8')).toBe(PAGE)
})
