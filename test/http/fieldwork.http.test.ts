import type { Checkin, ContactPoint } from '@core/fieldwork/fieldwork'
import { callFn, startServer, type RunningServer } from '../support/server-process'
import { readCollection } from '../support/datafiles'
import { tempDir } from '../support/temp-dir'

const CADRE = 'demo-cadre-wang'
let server: RunningServer
let dataDir: string

beforeAll(async () => {
  dataDir = tempDir()
  server = await startServer({ DATA_DIR: dataDir })
})
afterAll(() => server?.stop())

test('未签退: POST /dev/jobs/close-open-checkins closes a sign-in left open past 12 h, hours capped and flagged', async () => {
  const points = (await callFn(server, 'fieldwork', { action: 'listContactPoints' }, CADRE)).body.data as ContactPoint[]
  const point = points.find((p) => p.name === '柳岸小区联系点') as ContactPoint
  const position = { lat: point.location.lat, lng: point.location.lng, system: 'wgs84', accuracy: 10 }
  expect(
    (await callFn(server, 'fieldwork', { action: 'signIn', contactPointId: point._id, position }, CADRE)).body.ok,
  ).toBe(true)

  const post = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    }).then((response) => response.json() as Promise<{ ok: boolean; data: unknown }>)

  await post('/dev/clock', { offsetHours: 11 })
  expect(await post('/dev/jobs/close-open-checkins')).toEqual({ ok: true, data: { closed: 0 } })
  await post('/dev/clock', { offsetHours: 2 })
  expect(await post('/dev/jobs/close-open-checkins')).toEqual({ ok: true, data: { closed: 1 } })

  expect((await callFn(server, 'fieldwork', { action: 'currentCheckin' }, CADRE)).body).toEqual({
    ok: true,
    data: null,
  })
  const stored = readCollection<Checkin>(dataDir, 'checkins').filter((c) => c.openid === CADRE)
  expect(stored.map((c) => [c.hours, c.autoClosed])).toEqual([[12, true]])
})
