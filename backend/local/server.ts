import fs from 'node:fs'
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import * as z from 'zod/mini'
import { ERROR_MESSAGES, type ErrorCode } from '@core/errors'
import { fail, ok } from '@core/result'
import { formatChinaTime } from '@core/time'
import type { OrgUnit } from '@core/org/org'
import type { User } from '@core/user/user'
import { sniffImage } from '../adapters/image-sniff'
import { readOutbox } from '../adapters/outbox.notifier'
import type { AdjustableClock } from '../adapters/system.clock'
import type { Deps } from '../handlers/context'
import type { FileStore } from '../ports/files'
import { describeFunctions } from '../handlers/describe'
import { isFunctionName, runFunction } from '../handlers/dispatch'
import type { Job } from '../jobs/job'

const FUNCTION_BODY_LIMIT = 1024 * 1024
const IMAGE_SIZE_LIMIT = 10 * 1024 * 1024
/** A whole upload: the image and its multipart envelope (boundaries, part headers). */
const UPLOAD_BODY_LIMIT = IMAGE_SIZE_LIMIT + 64 * 1024
/**
 * How much of a body over its limit the server reads, and drops, before it answers 413. Answering
 * while the client is still sending, then closing, loses the answer: the client's next write fails
 * and the bytes left unread reset the connection. Past this cap it answers at once and closes.
 */
const BODY_DRAIN_CAP = 64 * 1024 * 1024
/** Longer URLs are refused with 414: the app's own are short, and its page routes live after the `#`. */
const URL_LENGTH_LIMIT = 2048
const UPLOAD_PATH = '/files'
const DEMO_USER_HEADER = 'x-demo-user'
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export interface LocalServerOptions {
  deps: Deps & { clock: AdjustableClock; files: FileStore }
  jobs: readonly Job[]
  /** The H5 build to serve; the API works without it. */
  staticDir?: string
  isStoreOpen: () => boolean
}

class TransportError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    /** The request's body was read to its end, so the connection can serve the next request. */
    readonly bodyRead = false,
  ) {
    super(message)
  }
}

function sendFail(reply: FastifyReply, status: number, code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
  return reply.code(status).send(fail(code, message))
}

/** Reads and drops what is left of a request's body, up to `cap` bytes; true when it reached the end. */
function drainBody(body: IncomingMessage, cap: number): Promise<boolean> {
  if (body.readableEnded) return Promise.resolve(true)
  return new Promise((resolve) => {
    let seen = 0
    const settle = (whole: boolean) => {
      body.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure)
      resolve(whole)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > cap) {
        body.pause()
        settle(false)
      }
    }
    const onEnd = () => settle(true)
    const onFailure = () => settle(false)
    body.on('data', onData).once('end', onEnd).once('error', onFailure).once('close', onFailure)
  })
}

/** 413 once the client has sent its whole body (it listens only then); past the cap, 413 and close. */
async function refuseOversized(request: FastifyRequest, reply: FastifyReply, code: ErrorCode) {
  const declared = Number(request.headers['content-length'])
  const whole = !(declared > BODY_DRAIN_CAP) && (await drainBody(request.raw, BODY_DRAIN_CAP))
  if (!whole) reply.header('connection', 'close')
  return sendFail(reply, 413, code)
}

/**
 * A chunked body (no Content-Length) passed on up to `limit` bytes; the rest is read and dropped,
 * and the parser then fails with 413 on a connection that can stay open.
 */
function capChunkedBody(source: Readable, limit: number): Readable {
  let seen = 0
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length
      if (seen > BODY_DRAIN_CAP) callback(new TransportError(413, 'HTTP.BODY_TOO_LARGE'))
      else callback(null, seen > limit ? undefined : chunk)
    },
    flush(callback) {
      callback(seen > limit ? new TransportError(413, 'HTTP.BODY_TOO_LARGE', undefined, true) : null)
    },
  })
  source.pipe(capped)
  return capped
}

const bodyLimitOf = (request: FastifyRequest) => request.routeOptions.bodyLimit ?? FUNCTION_BODY_LIMIT
const isUpload = (request: FastifyRequest) => request.routeOptions.url === UPLOAD_PATH

/** Local mode's identity: the demo header stands in for WeChat's OPENID. No header, no identity. */
function callerOf(request: FastifyRequest): { openid: string | null } {
  const header = request.headers[DEMO_USER_HEADER]
  if (header === undefined) return { openid: null }
  if (typeof header !== 'string' || !OPENID_PATTERN.test(header)) throw new TransportError(400, 'HTTP.BAD_IDENTITY')
  return { openid: header }
}

/** The code a 4xx answer carries when nothing more specific is known than its status. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'HTTP.BAD_REQUEST',
  403: 'HTTP.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  408: 'HTTP.TIMEOUT',
  413: 'HTTP.BODY_TOO_LARGE',
  414: 'HTTP.URI_TOO_LONG',
  415: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  431: 'HTTP.HEADERS_TOO_LARGE',
}

/**
 * Fastify's and its plugins' errors, mapped to our response shape and stable codes: a 4xx stays that
 * 4xx (the request was at fault, nothing to log); anything else is ours, a 500.
 */
function transportErrorOf(error: { statusCode?: number; code?: string }): TransportError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new TransportError(413, 'HTTP.BODY_TOO_LARGE')
    case 'FST_REQ_FILE_TOO_LARGE':
      return new TransportError(413, 'FILE.TOO_LARGE')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new TransportError(415, 'HTTP.UNSUPPORTED_MEDIA_TYPE')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new TransportError(400, 'HTTP.BAD_JSON')
    case 'FST_ERR_BAD_URL':
      return new TransportError(400, 'HTTP.BAD_URL')
  }
  const status = error.statusCode
  if (status !== undefined && status >= 400 && status < 500) {
    return new TransportError(status, CODE_BY_STATUS[status] ?? 'HTTP.BAD_REQUEST')
  }
  return new TransportError(500, 'SYSTEM.ERROR')
}

/**
 * A path that climbs (`..`, however encoded or slashed), holds a NUL byte, does not decode, or is
 * too long names nothing we serve: refused before any route or file lookup.
 */
function urlProblem(url: string): TransportError | null {
  if (url.length > URL_LENGTH_LIMIT) return new TransportError(414, 'HTTP.URI_TOO_LONG')
  let path: string
  try {
    path = decodeURIComponent(url.split('?', 1)[0] ?? '')
  } catch {
    return new TransportError(400, 'HTTP.BAD_URL')
  }
  if (path.includes('\0') || path.split(/[/\\]/).includes('..')) return new TransportError(403, 'HTTP.FORBIDDEN')
  return null
}

/** Requests Node's HTTP parser refuses (a head over 16 KB, a broken request line): our shape, then close. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const body = JSON.stringify(fail(CODE_BY_STATUS[status] ?? 'HTTP.BAD_REQUEST'))
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}

const clockInput = z.object({
  offsetHours: z.number().check(z.gte(0), z.lte(24 * 366)),
})

type LocalDeps = LocalServerOptions['deps']

/** Every answer that never reached a function: our JSON shape, a stable code, a stack only for a real 5xx. */
function answerError(error: unknown, reply: FastifyReply) {
  const transport =
    error instanceof TransportError ? error : transportErrorOf(error as { statusCode?: number; code?: string })
  if (transport.statusCode >= 500) console.error('[local server]', error)
  // Fastify closes the connection after a body it gave up on; this one was read to its end,
  // so the connection stays as the client asked.
  if (transport.bodyRead) reply.header('connection', reply.raw.shouldKeepAlive ? 'keep-alive' : 'close')
  return sendFail(reply, transport.statusCode, transport.code, transport.message)
}

/** Odd URLs and over-limit bodies are refused before any route sees them. */
function guardRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const problem = urlProblem(request.url)
    if (problem) throw problem
  })
  // A body declared over its route's limit is refused before it is parsed, but only once it is in.
  app.addHook('onRequest', async (request, reply) => {
    if (Number(request.headers['content-length']) > bodyLimitOf(request)) {
      return refuseOversized(request, reply, isUpload(request) ? 'FILE.TOO_LARGE' : 'HTTP.BODY_TOO_LARGE')
    }
  })
  app.addHook('preParsing', async (request, _reply, payload) =>
    request.headers['content-length'] === undefined &&
    request.headers['transfer-encoding'] !== undefined &&
    !isUpload(request)
      ? capChunkedBody(payload, bodyLimitOf(request))
      : payload,
  )
}

/** The functions, their catalogue, the demo users and the health check. */
function apiRoutes(app: FastifyInstance, deps: LocalDeps, isStoreOpen: () => boolean): void {
  app.get('/healthz', async (_request, reply) =>
    isStoreOpen() ? ok({ status: 'up' }) : sendFail(reply, 503, 'SYSTEM.ERROR', '数据存储不可用'),
  )

  app.get('/fn', async () => describeFunctions())

  app.post<{ Params: { name: string } }>('/fn/:name', async (request, reply) => {
    if (!isFunctionName(request.params.name)) {
      return sendFail(reply, 404, 'HTTP.UNKNOWN_FUNCTION', `没有名为 ${request.params.name} 的功能`)
    }
    return runFunction(request.params.name, request.body, deps, callerOf(request))
  })

  app.get('/demo/users', async () => {
    const [users, units] = await Promise.all([
      deps.store.query<User>('users', { sort: [['role', 1]], offset: 0, limit: 1000 }),
      deps.store.query<OrgUnit>('orgUnits', { offset: 0, limit: 1000 }),
    ])
    const unitNames = new Map(units.map((unit) => [unit._id, unit.name]))
    return users
      .filter((user) => user.active)
      .map((user) => ({
        openid: user._id,
        name: user.name,
        role: user.role,
        unit: user.unitId ? (unitNames.get(user.unitId) ?? null) : null,
        unitId: user.unitId,
      }))
  })
}

/** Uploads (images only, sniffed by their bytes) and the stored files. */
function fileRoutes(app: FastifyInstance, deps: LocalDeps): void {
  app.post(UPLOAD_PATH, { bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    if (!callerOf(request).openid) return sendFail(reply, 401, 'AUTH.LOGIN_REQUIRED')
    const part = await request.file()
    if (!part) return sendFail(reply, 400, 'FILE.MISSING')
    let bytes: Buffer
    try {
      bytes = await part.toBuffer()
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error
      return refuseOversized(request, reply, 'FILE.TOO_LARGE')
    }
    // toBuffer() misses a cut made when the bytes past the limit arrive in a read of their own
    // (none of them reaches the stream); the stream's own flag does not.
    if (part.file.truncated) return refuseOversized(request, reply, 'FILE.TOO_LARGE')
    // Trust the bytes, not the declared type or the file name.
    const image = await sniffImage(bytes)
    if (!image) return sendFail(reply, 415, 'FILE.NOT_IMAGE')
    const fileId = await deps.files.save(bytes, image.extension, image.mime)
    return ok({ fileId })
  })

  app.get<{ Params: { fileId: string } }>('/files/:fileId', async (request, reply) => {
    const file = await deps.files.read(request.params.fileId)
    if (!file) return sendFail(reply, 404, 'FILE.NOT_FOUND')
    return reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(file.bytes)
  })
}

/** Local only, for demos and tests: jobs run now, the outbox, the clock moved on. */
function devRoutes(app: FastifyInstance, deps: LocalDeps, jobs: readonly Job[]): void {
  app.get('/dev/jobs', async () =>
    ok(jobs.map(({ name, description, everyMinutes }) => ({ name, description, everyMinutes }))),
  )

  app.post<{ Params: { name: string } }>('/dev/jobs/:name', async (request, reply) => {
    const job = jobs.find((candidate) => candidate.name === request.params.name)
    if (!job) return sendFail(reply, 404, 'JOB.UNKNOWN', `没有名为 ${request.params.name} 的定时任务`)
    return ok(await job.run(deps))
  })

  // Local only: the messages the lifecycle would have sent, for the demo UI and tests.
  app.get<{ Querystring: { recipient?: string } }>('/dev/outbox', async (request) =>
    ok(await readOutbox(deps.store, typeof request.query.recipient === 'string' ? request.query.recipient : undefined)),
  )

  const clockState = () => {
    const now = deps.clock.now()
    return { now, nowText: formatChinaTime(now, 'YYYY-MM-DD HH:mm:ss'), offsetHours: deps.clock.offsetHours }
  }
  app.get('/dev/clock', async () => ok(clockState()))
  app.post('/dev/clock', async (request, reply) => {
    const parsed = clockInput.safeParse(request.body)
    if (!parsed.success) return sendFail(reply, 400, 'CLOCK.INVALID')
    deps.clock.advanceHours(parsed.data.offsetHours)
    return ok(clockState())
  })
}

/** A known path asked with a method it does not take: 405, naming those it does. */
function refuseOtherMethods(app: FastifyInstance, methodsOf: Map<string, Set<string>>): void {
  const refusals = [...methodsOf].map(([url, methods]) => ({
    url,
    allow: app.supportedMethods.filter((method) => methods.has(method)).join(', '),
    refused: app.supportedMethods.filter((method) => !methods.has(method)),
  }))
  for (const { url, allow, refused } of refusals) {
    app.route({
      method: refused,
      url,
      handler: async (_request, reply) => sendFail(reply.header('allow', allow), 405, 'HTTP.METHOD_NOT_ALLOWED'),
    })
  }
}

/** A content hash in a file name (app.1a2b3c4d.js, 120.48dcc1df37cebf8ad8a9.css): the file never changes. */
const CONTENT_HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/

/**
 * How long a browser may keep a file of the H5 build: content-hashed assets for a year without
 * asking again; the page itself (and anything unhashed) is asked after every time, so a new build
 * is seen at once.
 */
function cacheControlFor(filePath: string): string {
  // A precompressed copy (app.1a2b3c4d.js.br) is cached as the file it stands for.
  const served = path.basename(filePath).replace(/\.(br|gz)$/, '')
  return CONTENT_HASHED.test(served) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** The H5 build, and the app page for every other GET (hash routing); anything else is a 404. */
async function appRoutes(app: FastifyInstance, staticDir: string | undefined): Promise<void> {
  const indexHtml = staticDir ? path.join(staticDir, 'index.html') : null
  if (staticDir && indexHtml && fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      // The page at / is sent by the route below, precompressed like the rest (the plugin's own
      // directory index is not).
      index: false,
      // The build writes .br and .gz beside each asset (config/precompress.ts): sent as the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => response.setHeader('cache-control', cacheControlFor(filePath)),
    })
    app.get('/', (_request, reply) => reply.sendFile('index.html'))
  }
  app.setNotFoundHandler((request, reply) => {
    const apiPath = /^\/(fn|files|dev|demo|healthz)(\/|$)/.test(request.url)
    if (request.method === 'GET' && !apiPath && indexHtml && fs.existsSync(indexHtml)) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', cacheControlFor(indexHtml))
        .send(fs.createReadStream(indexHtml))
    }
    if (request.method === 'GET' && request.url === '/') {
      return reply
        .type('text/plain; charset=utf-8')
        .send('民情通本地服务已启动，但尚未构建 H5 页面：请运行 npm run build:h5')
    }
    return sendFail(reply, 404, 'HTTP.NOT_FOUND')
  })
}

/** The local server of DESIGN.md §7: the same handlers as CloudBase, over HTTP. */
export async function buildLocalServer(options: LocalServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: FUNCTION_BODY_LIMIT,
    logger: false,
    frameworkErrors: (error, _request, reply) => answerError(error, reply),
    clientErrorHandler: answerClientError,
  })
  app.setErrorHandler((error, _request, reply) => answerError(error, reply))
  guardRequests(app)
  await app.register(multipart, { limits: { fileSize: IMAGE_SIZE_LIMIT, files: 1, fields: 4, parts: 5 } })

  // Each API path and the methods it takes, as the routes are declared, for the 405s after them.
  const methodsOf = new Map<string, Set<string>>()
  app.addHook('onRoute', ({ url, method }) => {
    const methods = methodsOf.get(url) ?? new Set<string>()
    for (const one of [method].flat()) methods.add(one)
    if (methods.has('GET')) methods.add('HEAD')
    methodsOf.set(url, methods)
  })
  apiRoutes(app, options.deps, options.isStoreOpen)
  fileRoutes(app, options.deps)
  devRoutes(app, options.deps, options.jobs)
  refuseOtherMethods(app, methodsOf)
  await appRoutes(app, options.staticDir)
  return app
}
