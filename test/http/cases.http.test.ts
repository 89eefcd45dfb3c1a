import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { SqliteStore } from '../../backend/adapters/sqlite.store'
import { DESCRIPTION_MAX } from '@core/case/case.schemas'
import { requestId, submitEvent } from '../support/backend'
import { TINY_PNG, upload } from '../support/images'
import { pieces, rawRequest, type RawAnswer } from '../support/raw-http'
import { callFn, startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

const RESIDENT_A = 'demo-resident-zhang'
const RESIDENT_B = 'demo-resident-li'
const AREA = 'unit-liuan-estate'
const CHINESE = /[\u4e00-\u9fff]/
const DEMO_CASES = 4
const IMAGE_LIMIT = 10 * 1024 * 1024

let server: RunningServer
let dataDir: string
let acceptedCases = 0

function validSubmit(overrides: Record<string, unknown> = {}) {
  return submitEvent({ areaUnitId: AREA, ...overrides })
}

/** The files the server has stored, by name. */
function storedFiles(): string[] {
  return fs.readdirSync(path.join(dataDir, 'files')).sort()
}

async function myCaseCount(openid = RESIDENT_A): Promise<number> {
  const { body } = await callFn(server, 'cases', { action: 'listMine' }, openid)
  return (body.data as { total: number }).total
}

beforeAll(async () => {
  dataDir = tempDir()
  server = await startServer({ DATA_DIR: dataDir })
})

afterAll(async () => {
  await server?.stop()
})

describe('cases.submit through the HTTP server refuses bad input and stores nothing', () => {
  const longText = '很'.repeat(5000)
  const photos = (n: number) => Array.from({ length: n }, (_, i) => `img_${String(i).padStart(32, '0')}.jpg`)
  const badEvents: Array<[label: string, event: unknown, field: string | undefined]> = [
    ['an event with only the action', { action: 'submit' }, 'clientRequestId'],
    ['a missing description', { ...validSubmit(), description: undefined }, 'description'],
    ['a missing reporter', { ...validSubmit(), reporter: undefined }, 'reporter'],
    ['a missing area', { ...validSubmit(), areaUnitId: undefined }, 'areaUnitId'],
    ['a missing request id', { ...validSubmit(), clientRequestId: undefined }, 'clientRequestId'],
    ['a number for the description', validSubmit({ description: 12345 }), 'description'],
    ['a string for photos', validSubmit({ photos: 'img.jpg' }), 'photos'],
    ['a string for the reporter', validSubmit({ reporter: '王阿姨' }), 'reporter'],
    ['a number for the urgency', validSubmit({ urgency: 3 }), 'urgency'],
    ['an unknown urgency', validSubmit({ urgency: 'whenever' }), 'urgency'],
    [
      'a string latitude',
      validSubmit({ location: { coords: { lat: '30.1', lng: 112.9, system: 'wgs84' } } }),
      'location.coords.lat',
    ],
    [
      'a latitude out of range',
      validSubmit({ location: { coords: { lat: 91, lng: 112.9, system: 'wgs84' } } }),
      'location.coords.lat',
    ],
    [
      'an unknown coordinate system',
      validSubmit({ location: { coords: { lat: 30, lng: 112, system: 'bd09' } } }),
      'location.coords.system',
    ],
    ['a location with neither coordinates nor address', validSubmit({ location: {} }), 'location'],
    ['an empty description', validSubmit({ description: '' }), 'description'],
    ['a description of spaces', validSubmit({ description: '     ' }), 'description'],
    ['a 5,000-character description', validSubmit({ description: longText }), 'description'],
    ['10 photos', validSubmit({ photos: photos(10) }), 'photos'],
    ['a photo id that is not a file id', validSubmit({ photos: ['../../etc/passwd'] }), 'photos.0'],
    ['a malformed mobile number', validSubmit({ reporter: { name: '王阿姨', phone: '1381234567' } }), 'reporter.phone'],
    ['a phone with letters', validSubmit({ reporter: { name: '王阿姨', phone: '138abcd5678' } }), 'reporter.phone'],
    ['a landline without area code', validSubmit({ reporter: { name: '王阿姨', phone: '6231234' } }), 'reporter.phone'],
    ['an empty reporter name', validSubmit({ reporter: { name: ' ', phone: '13812345678' } }), 'reporter.name'],
    ['an unknown category', validSubmit({ category: '外星人' }), 'category'],
    ['a request id with spaces', validSubmit({ clientRequestId: 'has spaces in it' }), 'clientRequestId'],
    ['an array as event', [], undefined],
    ['a JSON string as event', '"submit"', undefined],
    ['a number as event', 42, undefined],
    ['null as event', null, undefined],
  ]

  test.each(badEvents)('%s → ok:false with a stable code and a Chinese message', async (_label, event, field) => {
    const before = await myCaseCount()
    const { status, body } = await callFn(server, 'cases', event, RESIDENT_A)
    expect(status).toBe(200)
    expect(body).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(body.message).toMatch(CHINESE)
    if (field) expect(body.field).toBe(field)
    expect(await myCaseCount()).toBe(before)
  })

  test('the description limit is the one the schema states', () => {
    expect(DESCRIPTION_MAX).toBeLessThan(5000)
  })

  test('a body that is not JSON is a 400 transport error', async () => {
    const { status, body } = await callFn(server, 'cases', '{"action": "submit", ', RESIDENT_A)
    expect(status).toBe(400)
    expect(body).toMatchObject({ ok: false, code: 'HTTP.BAD_JSON' })
    expect(body.message).toMatch(CHINESE)
  })

  test('a 12 MB body is refused with 413 before it reaches the function, every time', async () => {
    const before = await myCaseCount()
    const event = validSubmit({ description: 'x'.repeat(12 * 1024 * 1024) })
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { status, body } = await callFn(server, 'cases', event, RESIDENT_A)
      expect(status).toBe(413)
      expect(body).toMatchObject({ ok: false, code: 'HTTP.BODY_TOO_LARGE' })
      expect(body.message).toMatch(CHINESE)
    }
    expect(await myCaseCount()).toBe(before)
  })

  test('an unknown function is a 404; an unknown action is ok:false', async () => {
    expect(await callFn(server, 'nope', { action: 'x' }, RESIDENT_A)).toMatchObject({
      status: 404,
      body: { ok: false, code: 'HTTP.UNKNOWN_FUNCTION' },
    })
    expect(await callFn(server, 'cases', { action: 'dropAll' }, RESIDENT_A)).toMatchObject({
      status: 200,
      body: { ok: false, code: 'INPUT.UNKNOWN_ACTION' },
    })
  })

  test('a malformed demo identity header is a 400', async () => {
    const response = await fetch(`${server.url}/fn/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': 'not an openid!' },
      body: JSON.stringify({ action: 'listMine' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ ok: false, code: 'HTTP.BAD_IDENTITY' })
  })

  test('no identity header means an anonymous visitor, who must log in to submit', async () => {
    expect(await callFn(server, 'cases', validSubmit())).toMatchObject({
      status: 200,
      body: { ok: false, code: 'AUTH.LOGIN_REQUIRED' },
    })
  })
})

describe('a body over the limit is read to its end before the 413, so that any client sees the answer', () => {
  const MB = 1024 * 1024
  const json = { 'content-type': 'application/json', 'x-demo-user': RESIDENT_A }
  let agent: http.Agent

  beforeEach(() => {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  })
  afterEach(() => agent.destroy())

  async function expectSameConnectionStillServes(first: RawAnswer) {
    const next = await rawRequest(server.url, { path: '/healthz', agent })
    expect(next.status).toBe(200)
    expect(next.localPort).toBe(first.localPort)
  }

  test('a declared 12 MB body to /fn: answered after the last byte, connection kept', async () => {
    const total = 12 * MB
    const answer = await rawRequest(server.url, {
      method: 'POST',
      path: '/fn/cases',
      headers: { ...json, 'content-length': String(total) },
      body: pieces(total),
      agent,
    })
    expect(answer.status).toBe(413)
    expect(answer.json).toMatchObject({ ok: false, code: 'HTTP.BODY_TOO_LARGE' })
    expect(answer.json?.message).toMatch(CHINESE)
    expect(answer.sentBeforeAnswer).toBe(total)
    expect(answer.headers.connection).toBe('keep-alive')
    await expectSameConnectionStillServes(answer)
  })

  test('a chunked 3 MB body to /fn without Content-Length: the same', async () => {
    const total = 3 * MB
    const answer = await rawRequest(server.url, {
      method: 'POST',
      path: '/fn/cases',
      headers: json,
      body: pieces(total, 256 * 1024),
      agent,
    })
    expect(answer.status).toBe(413)
    expect(answer.json).toMatchObject({ ok: false, code: 'HTTP.BODY_TOO_LARGE' })
    expect(answer.sentBeforeAnswer).toBe(total)
    expect(answer.headers.connection).toBe('keep-alive')
    await expectSameConnectionStillServes(answer)
  })

  test('a declared 12 MB upload to /files: FILE.TOO_LARGE after the last byte, connection kept', async () => {
    const total = 12 * MB
    const answer = await rawRequest(server.url, {
      method: 'POST',
      path: '/files',
      headers: {
        'content-type': 'multipart/form-data; boundary=----mqt',
        'x-demo-user': RESIDENT_A,
        'content-length': String(total),
      },
      body: pieces(total),
      agent,
    })
    expect(answer.status).toBe(413)
    expect(answer.json).toMatchObject({ ok: false, code: 'FILE.TOO_LARGE' })
    expect(answer.sentBeforeAnswer).toBe(total)
    expect(answer.headers.connection).toBe('keep-alive')
    await expectSameConnectionStillServes(answer)
  })

  test('a declared length past the 64 MB it is willing to read is refused at once, and the connection closed', async () => {
    const answer = await rawRequest(server.url, {
      method: 'POST',
      path: '/fn/cases',
      // Headers only: bytes left unread when a server closes would reset the connection
      // before this client read the answer, which is the point of not closing below the cap.
      headers: { ...json, 'content-length': String(100 * MB) },
    })
    expect(answer.status).toBe(413)
    expect(answer.json).toMatchObject({ ok: false, code: 'HTTP.BODY_TOO_LARGE' })
    expect(answer.headers.connection).toBe('close')
  })
})

describe('files', () => {
  test('an image uploads and is served back byte for byte', async () => {
    const { status, body } = await upload(server.url, TINY_PNG, 'photo.png', 'image/png', RESIDENT_A)
    expect(status).toBe(200)
    const fileId = (body.data as { fileId: string }).fileId
    expect(fileId).toMatch(/^img_[0-9a-f]{32}\.png$/)
    const response = await fetch(`${server.url}/files/${fileId}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await response.arrayBuffer()).equals(TINY_PNG)).toBe(true)
  })

  test('a non-image is refused even when it claims to be a JPEG', async () => {
    const { status, body } = await upload(
      server.url,
      Buffer.from('<html>not a photo</html>'),
      'photo.jpg',
      'image/jpeg',
      RESIDENT_A,
    )
    expect(status).toBe(415)
    expect(body).toMatchObject({ ok: false, code: 'FILE.NOT_IMAGE' })
    expect(body.message).toMatch(CHINESE)
  })

  test('an image over 10 MB is refused with 413', async () => {
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(11 * 1024 * 1024)])
    const { status, body } = await upload(server.url, big, 'big.png', 'image/png', RESIDENT_A)
    expect(status).toBe(413)
    expect(body).toMatchObject({ ok: false, code: 'FILE.TOO_LARGE' })
  })

  test('twenty 11 MB uploads are each refused with 413, and none of them is stored', async () => {
    const before = storedFiles()
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(11 * 1024 * 1024)])
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const { status, body } = await upload(server.url, big, 'big.png', 'image/png', RESIDENT_A)
      expect({ attempt, status, code: body.code }).toEqual({ attempt, status: 413, code: 'FILE.TOO_LARGE' })
    }
    expect(storedFiles()).toEqual(before)
  })

  test('an upload whose bytes pause exactly at the 10 MB mark is refused, not stored cut short', async () => {
    // The multipart parser marks the file truncated only when bytes past the limit arrive; when
    // they come in a read of their own, none of them is passed on and the file just looks short.
    const before = storedFiles()
    const boundary = '----mqt-cut'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    )
    const image = Buffer.concat([TINY_PNG, Buffer.alloc(IMAGE_LIMIT + 16 * 1024 - TINY_PNG.length)])
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const body = [
      Buffer.concat([head, image.subarray(0, IMAGE_LIMIT)]),
      { pauseMs: 150 },
      image.subarray(IMAGE_LIMIT),
      tail,
    ]
    const length = head.length + image.length + tail.length
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Half declare their length, half are sent chunked.
      const declared = attempt % 2 === 0 ? { 'content-length': String(length) } : {}
      const answer = await rawRequest(server.url, {
        method: 'POST',
        path: '/files',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-demo-user': RESIDENT_A,
          ...declared,
        },
        body,
      })
      expect({ attempt, status: answer.status, code: answer.json?.code }).toEqual({
        attempt,
        status: 413,
        code: 'FILE.TOO_LARGE',
      })
    }
    expect(storedFiles()).toEqual(before)
  })

  test('an upload without identity, or a missing file, is refused', async () => {
    expect((await upload(server.url, TINY_PNG, 'a.png', 'image/png')).status).toBe(401)
    const response = await fetch(`${server.url}/files/img_${'0'.repeat(32)}.png`)
    expect(response.status).toBe(404)
    const climbing = await fetch(`${server.url}/files/..%2F..%2Fpackage.json`)
    expect(climbing.status).toBe(403)
    expect(await climbing.json()).toMatchObject({ ok: false, code: 'HTTP.FORBIDDEN' })
  })
})

describe('cases through the HTTP server', () => {
  test('a case with a photo and a location is stored; markup in the description stays text', async () => {
    const { body: uploaded } = await upload(server.url, TINY_PNG, 'p.png', 'image/png', RESIDENT_A)
    const photo = (uploaded.data as { fileId: string }).fileId
    const description = '<script>alert("x")</script><b>楼道灯</b> & 积水'
    const { body } = await callFn(
      server,
      'cases',
      validSubmit({
        description,
        photos: [photo],
        location: { coords: { lat: 30.43, lng: 112.89, system: 'wgs84', accuracy: 15 }, address: '柳岸小区东门' },
      }),
      RESIDENT_A,
    )
    expect(body.ok).toBe(true)
    acceptedCases += 1
    const view = body.data as { id: string; number: string }
    const fetched = await callFn(server, 'cases', { action: 'get', number: view.number }, RESIDENT_A)
    expect(fetched.body.data).toMatchObject({ description, photos: [photo], location: { address: '柳岸小区东门' } })
  })

  test('the same client request id sent twice in a row and five times at once yields one case each', async () => {
    const before = await myCaseCount()
    const sequential = validSubmit()
    const a = await callFn(server, 'cases', sequential, RESIDENT_A)
    const b = await callFn(server, 'cases', sequential, RESIDENT_A)
    expect((a.body.data as { id: string }).id).toBe((b.body.data as { id: string }).id)
    const concurrent = validSubmit()
    const results = await Promise.all(Array.from({ length: 5 }, () => callFn(server, 'cases', concurrent, RESIDENT_A)))
    expect(new Set(results.map((r) => (r.body.data as { id: string }).id)).size).toBe(1)
    acceptedCases += 2
    expect(await myCaseCount()).toBe(before + 2)
  })

  test('50 different concurrent submits get 50 distinct numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => callFn(server, 'cases', validSubmit(), `resident-concurrent-${i}`)),
    )
    expect(results.every((r) => r.body.ok === true)).toBe(true)
    expect(new Set(results.map((r) => (r.body.data as { number: string }).number)).size).toBe(50)
    acceptedCases += 50
  })

  test('one resident firing 30 reports at once: 20 are taken, the rest told to wait (RATE.LIMITED), over HTTP 200', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => callFn(server, 'cases', validSubmit(), 'resident-flood')),
    )
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.body.ok === true)).toHaveLength(20)
    const refused = results.filter((r) => r.body.ok === false)
    expect(refused.map((r) => r.body.code)).toEqual(Array(10).fill('RATE.LIMITED'))
    expect(refused[0]?.body.message).toMatch(CHINESE)
    acceptedCases += 20
  })

  test('resident B asking for resident A’s case gets ok:false', async () => {
    const { body } = await callFn(server, 'cases', validSubmit(), RESIDENT_A)
    acceptedCases += 1
    const { id, number } = body.data as { id: string; number: string }
    for (const query of [{ id }, { number }]) {
      const { status, body: refused } = await callFn(server, 'cases', { action: 'get', ...query }, RESIDENT_B)
      expect(status).toBe(200)
      expect(refused).toMatchObject({ ok: false, code: 'CASE.NOT_FOUND' })
    }
  })
})

describe('the rest of the local server surface', () => {
  test('exports.workbook answers a URL under /files that serves the workbook', async () => {
    const { body } = await callFn(server, 'exports', { action: 'workbook' }, 'demo-supervisor-chen')
    const answer = body as { ok: boolean; data: { url: string; fileName: string } }
    expect(answer.ok).toBe(true)
    expect(answer.data.fileName).toMatch(/^东湖办事处-\d{4}年\d{1,2}月-民情通统计\.xlsx$/)
    const file = await fetch(`${server.url}${answer.data.url}`)
    expect([file.status, file.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ])
    // An .xlsx is a zip: it starts PK.
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
  })

  test('GET /fn lists every function and action with roles and a JSON Schema of its input', async () => {
    const list = (await (await fetch(`${server.url}/fn`)).json()) as Array<{
      name: string
      actions: Array<{
        action: string
        roles: string[]
        input: { type: string; properties: Record<string, { maxLength?: number }> }
      }>
    }>
    const cases = list.find((fn) => fn.name === 'cases')
    expect(cases?.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['submit', 'listMine', 'get', 'listInScope', 'assign', 'rate']),
    )
    expect(list.map((fn) => fn.name)).toEqual([
      'cases',
      'orgs',
      'users',
      'fieldwork',
      'settings',
      'invitations',
      'stats',
      'exports',
      'publications',
    ])
    // What was published is for anyone, with or without an identity.
    const publications = list.find((fn) => fn.name === 'publications')
    expect(publications?.actions.find((a) => a.action === 'getPublished')?.roles).toEqual(['anyone'])
    const submit = cases?.actions.find((a) => a.action === 'submit')
    expect(submit?.roles).toEqual(['resident'])
    expect(submit?.input.type).toBe('object')
    expect(submit?.input.properties.description?.maxLength).toBe(DESCRIPTION_MAX)
    expect(cases?.actions.find((a) => a.action === 'get')?.roles).toEqual(['resident', 'cadre', 'supervisor', 'admin'])
  })

  test('GET /fn also publishes each action’s output as a JSON Schema (added beside input)', async () => {
    const list = (await (await fetch(`${server.url}/fn`)).json()) as Array<{
      name: string
      actions: Array<{ action: string; output?: Record<string, unknown> }>
    }>
    const withoutOutput = list.flatMap((fn) => fn.actions.filter((a) => !a.output).map((a) => `${fn.name}.${a.action}`))
    expect(withoutOutput).toEqual([])
    const get = list.find((fn) => fn.name === 'cases')?.actions.find((a) => a.action === 'get')
    // The case view differs by viewer: a union discriminated by kind.
    expect(JSON.stringify(get?.output)).toContain('"staff"')
    expect(JSON.stringify(get?.output)).toContain('"reporter"')
  })

  test('GET /demo/users lists users of every role across at least two 办事处', async () => {
    const users = (await (await fetch(`${server.url}/demo/users`)).json()) as Array<Record<string, string>>
    for (const user of users)
      expect(Object.keys(user)).toEqual(expect.arrayContaining(['openid', 'name', 'role', 'unit']))
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['resident', 'cadre', 'supervisor', 'admin']))
    const offices = new Set(users.filter((u) => u.role === 'supervisor' || u.role === 'cadre').map((u) => u.unit))
    expect(offices.size).toBeGreaterThanOrEqual(2)
  })

  test('GET /healthz answers 200', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
  })

  test('/dev/jobs lists jobs and refuses an unknown one', async () => {
    expect((await fetch(`${server.url}/dev/jobs`)).status).toBe(200)
    const response = await fetch(`${server.url}/dev/jobs/no-such-job`, { method: 'POST' })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ ok: false, code: 'JOB.UNKNOWN' })
  })

  test('POST /dev/clock moves the server clock forward, and new cases carry the moved time', async () => {
    const bad = await fetch(`${server.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetHours: -5 }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ ok: false, code: 'CLOCK.INVALID' })
    const moved = await fetch(`${server.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetHours: 48 }),
    })
    const { data } = (await moved.json()) as { data: { now: number; offsetHours: number } }
    expect(data.offsetHours).toBe(48)
    expect(data.now - Date.now()).toBeGreaterThan(47.9 * 3600_000)
    const { body } = await callFn(server, 'cases', validSubmit({ clientRequestId: requestId() }), RESIDENT_A)
    acceptedCases += 1
    expect((body.data as { createdAt: number }).createdAt - Date.now()).toBeGreaterThan(47.9 * 3600_000)
  })
})

describe('after the server stops', () => {
  test('the store holds exactly the demo cases and the accepted ones: no refused input was stored', async () => {
    await server.stop()
    const store = await SqliteStore.open(`${dataDir}/db`)
    expect(await store.count('cases')).toBe(DEMO_CASES + acceptedCases)
    const markup = await store.query<{ _id: string; description: string }>('cases', {
      filter: { description: { $in: ['<script>alert("x")</script><b>楼道灯</b> & 积水'] } },
      offset: 0,
      limit: 5,
    })
    expect(markup).toHaveLength(1)
    await store.close()
  })
})
