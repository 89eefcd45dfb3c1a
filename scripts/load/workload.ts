/**
 * The mixed workload of `npm run load` and `npm run crashtest`: the local server started on a fresh
 * data folder (demo data), the people it needs seeded through the API first, then autocannon drives
 * each kind of request from its own connections at once — submits, lists, transitions, sign-ins
 * and visits — over loopback only. Refusals arrive as HTTP 200 with `ok: false`: each response is
 * read and counted as the function answered it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Request } from 'autocannon'

const ROOT = path.resolve(__dirname, '..', '..')
const HOST = '127.0.0.1'

export interface LocalServer {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts the local server (API only) on this data folder and waits until its store is open. */
export async function startLocalServer(dataDir: string, port: number): Promise<LocalServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'backend', 'local', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST,
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'no-h5'),
      // Production answers: no output-shape check on every answer.
      CHECK_OUTPUTS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://${HOST}:${port}`
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`the local server exited (${child.exitCode})`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mqt-load-'))
}

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string }

/** One call as a person; throws on a refusal (seeding must succeed). */
export async function call(url: string, openid: string, fn: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': openid },
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as Answer
  if (!answer.ok) throw new Error(`${fn}.${String(body.action)} as ${openid}: ${answer.code} ${answer.message}`)
  return answer.data
}

const SUPERVISOR = 'demo-supervisor-chen'
const ADMIN = 'demo-admin'
const OFFICE = 'unit-donghu-office'
const ESTATE = 'unit-liuan-estate'
/** Inside the 柳岸小区 contact point's fence (demo data, WGS-84). */
const AT_THE_POINT = { lat: 30.4286, lng: 112.8913, system: 'wgs84', accuracy: 15 }

export interface World {
  residents: string[]
  cadres: string[]
  contactPointId: string
  /** Cases assigned to the first cadre, one per transition connection, with their versions. */
  worked: Array<{ id: string; version: number }>
}

/** Seeds the people and cases the workload needs, through the API (as an office would). */
export async function seedWorld(url: string, sizes: { residents: number; cadres: number; worked: number }) {
  const residents = Array.from({ length: sizes.residents }, (_, index) => `load-resident-${index}`)
  // First contact makes each a resident: done here, so no submit pays for it.
  for (let start = 0; start < residents.length; start += 50) {
    await Promise.all(residents.slice(start, start + 50).map((openid) => call(url, openid, 'users', { action: 'me' })))
  }
  const cadres: string[] = []
  for (let index = 0; index < sizes.cadres; index++) {
    const invitation = await call(url, ADMIN, 'invitations', { action: 'issue', role: 'cadre', unitId: OFFICE })
    const openid = `load-cadre-${index}`
    await call(url, openid, 'users', { action: 'redeem', code: invitation.code, name: `干部${index}` })
    cadres.push(openid)
  }
  const points = (await call(url, SUPERVISOR, 'fieldwork', {
    action: 'listManagedContactPoints',
  })) as unknown as Array<{
    _id: string
    name: string
    version: number
    cadres: Array<{ openid: string }>
  }>
  const point = points.find((candidate) => candidate.name === '柳岸小区联系点')
  if (!point) throw new Error('no 柳岸小区联系点 in the demo data')
  await call(url, SUPERVISOR, 'fieldwork', {
    action: 'updateContactPoint',
    id: point._id,
    expectedVersion: point.version,
    cadreOpenids: [...point.cadres.map((cadre) => cadre.openid), ...cadres].slice(0, 50),
  })
  const worked: World['worked'] = []
  for (let index = 0; index < sizes.worked; index++) {
    const created = await call(url, residents[index % residents.length] as string, 'cases', submitBody(`seed-${index}`))
    const assigned = await call(url, SUPERVISOR, 'cases', {
      action: 'assign',
      id: created.id,
      expectedVersion: created.version,
      leadOfficial: '陈立新',
      responsibleUnitId: OFFICE,
      handlerOpenid: cadres[0],
      standard: '一周内处理完毕',
    })
    const acknowledged = await call(url, cadres[0] as string, 'cases', {
      action: 'acknowledge',
      id: created.id,
      expectedVersion: Number(assigned.version),
    })
    worked.push({
      id: String(created.id),
      version: Number(acknowledged.version),
    })
  }
  return { residents, cadres, contactPointId: point._id, worked } satisfies World
}

function submitBody(requestId: string) {
  return {
    action: 'submit',
    clientRequestId: `load-${requestId}`.slice(0, 64),
    category: '人居环境',
    description: '楼道灯坏了，晚上出入不便，请尽快修理。',
    areaUnitId: ESTATE,
    reporter: { name: '测试居民', phone: '13800000009' },
  }
}

/** What each kind of request did: answered ok, refused (by code), failed on the wire. */
export interface Tally {
  ok: number
  refused: Record<string, number>
  /** Acknowledged submits: the ids the server answered with. */
  acknowledged: string[]
}

interface Kind {
  name: string
  connections: number
  request: (world: World, tally: Tally, next?: () => number) => Request | Request[]
}

const json = { 'content-type': 'application/json' }

/** What one connection remembers between its requests (autocannon's per-connection context). */
interface Connection {
  case?: World['worked'][number]
  cadre?: string
}

function counted(tally: Tally, body: string): Answer | null {
  try {
    const answer = JSON.parse(body) as Answer
    if (answer.ok) tally.ok += 1
    else tally.refused[answer.code] = (tally.refused[answer.code] ?? 0) + 1
    return answer
  } catch {
    tally.refused['NOT_JSON'] = (tally.refused['NOT_JSON'] ?? 0) + 1
    return null
  }
}

/** A counter per kind of request: connections of one kind take turns, never another kind's turn. */
function counter(): () => number {
  let sequence = 0
  return () => (sequence += 1)
}

/** The workload: 50 connections in all. */
const KINDS: Kind[] = [
  {
    name: 'submit',
    connections: 20,
    request: (world, tally, next = counter()) => ({
      method: 'POST',
      path: '/fn/cases',
      setupRequest: (request) => {
        const n = next()
        const openid = world.residents[n % world.residents.length] as string
        return {
          ...request,
          headers: { ...json, 'x-demo-user': openid },
          body: JSON.stringify(submitBody(`${process.pid}-${Date.now()}-${n}`)),
        }
      },
      onResponse: (_status, body) => {
        const answer = counted(tally, body)
        if (answer?.ok) tally.acknowledged.push(String(answer.data.id))
      },
    }),
  },
  {
    name: 'list',
    connections: 10,
    request: (world, tally, next = counter()) => ({
      method: 'POST',
      path: '/fn/cases',
      setupRequest: (request) => {
        const n = next()
        const [openid, body] =
          n % 3 === 0
            ? [SUPERVISOR, { action: 'listInScope', queue: 'dispatch' }]
            : n % 3 === 1
              ? [world.cadres[0] as string, { action: 'listMyTasks' }]
              : [world.residents[n % world.residents.length] as string, { action: 'listMine' }]
        return { ...request, headers: { ...json, 'x-demo-user': openid }, body: JSON.stringify(body) }
      },
      onResponse: (_status, body) => void counted(tally, body),
    }),
  },
  {
    name: 'transition',
    connections: 10,
    // Each request takes a case nobody else is working on, with the version the last answer gave,
    // and gives it back when answered (autocannon forgets a connection's context between requests).
    request: (world, tally) => {
      const free = [...world.worked]
      return {
        method: 'POST',
        path: '/fn/cases',
        setupRequest: (request, context) => {
          const own = free.shift() ?? (world.worked[0] as World['worked'][number])
          ;(context as Connection).case = own
          return {
            ...request,
            headers: { ...json, 'x-demo-user': world.cadres[0] as string },
            body: JSON.stringify({
              action: 'addProgress',
              id: own.id,
              expectedVersion: own.version,
              note: '已联系施工队，正在处理',
            }),
          }
        },
        onResponse: (_status, body, context) => {
          const answer = counted(tally, body)
          const own = (context as Connection).case
          if (!own) return
          if (answer?.ok && typeof answer.data.version === 'number') own.version = answer.data.version
          // An answer lost with a killed server (crashtest): the case may have moved on a version.
          else if (answer && !answer.ok && answer.code === 'CASE.CONFLICT') own.version += 1
          free.push(own)
        },
      }
    },
  },
  {
    name: 'sign-in',
    connections: 5,
    // 签到 then 签退 by the same cadre (one of those not signed in now), in turn.
    request: (world, tally) => {
      const free = world.cadres.slice(1)
      return [
        {
          method: 'POST',
          path: '/fn/fieldwork',
          setupRequest: (request, context) => {
            const cadre = free.shift() ?? (world.cadres[1] as string)
            ;(context as Connection).cadre = cadre
            const body = { action: 'signIn', contactPointId: world.contactPointId, position: AT_THE_POINT }
            return { ...request, headers: { ...json, 'x-demo-user': cadre }, body: JSON.stringify(body) }
          },
          onResponse: (_status, body) => void counted(tally, body),
        },
        {
          method: 'POST',
          path: '/fn/fieldwork',
          setupRequest: (request, context) => {
            const cadre = (context as Connection).cadre as string
            const body = { action: 'signOut', position: AT_THE_POINT }
            return { ...request, headers: { ...json, 'x-demo-user': cadre }, body: JSON.stringify(body) }
          },
          onResponse: (_status, body, context) => {
            counted(tally, body)
            const cadre = (context as Connection).cadre
            if (cadre) free.push(cadre)
          },
        },
      ]
    },
  },
  {
    name: 'visit',
    connections: 5,
    request: (world, tally, next = counter()) => ({
      method: 'POST',
      path: '/fn/fieldwork',
      setupRequest: (request) => {
        const n = next()
        const openid = world.cadres[1 + (n % (world.cadres.length - 1))] as string
        return {
          ...request,
          headers: { ...json, 'x-demo-user': openid },
          body: JSON.stringify({
            action: 'recordVisit',
            clientRequestId: `visit-${process.pid}-${n}`,
            kind: '敲门入户',
            durationMinutes: 20,
            areaUnitId: ESTATE,
            household: { name: `住户${n % 500}`, address: `柳岸小区${1 + (n % 20)}栋`, tags: [] },
            opinions: ['希望加装楼道扶手'],
          }),
        }
      },
      onResponse: (_status, body) => void counted(tally, body),
    }),
  },
]

export interface KindResult {
  name: string
  requests: number
  rps: number
  p50: number
  p99: number
  /** Errors on the wire (connection refused, reset, timeouts) and non-200 answers. */
  failed: number
  tally: Tally
}

/** Runs every kind at once for `seconds` against the server at `url`. */
export async function runWorkload(url: string, world: World, seconds: number, tallies?: Map<string, Tally>) {
  const runs = KINDS.map(async (kind): Promise<KindResult> => {
    const tally = tallies?.get(kind.name) ?? { ok: 0, refused: {}, acknowledged: [] }
    tallies?.set(kind.name, tally)
    const result = await autocannon({
      url,
      connections: kind.connections,
      duration: seconds,
      requests: [kind.request(world, tally)].flat(),
    })
    return {
      name: kind.name,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failed: result.errors + result.timeouts + result.non2xx,
      tally,
    }
  })
  return Promise.all(runs)
}

export function printResults(results: KindResult[]): void {
  console.log('动作        请求数    req/s    p50 ms   p99 ms   成功     拒绝（按代码）                 连接错误')
  for (const result of results) {
    const refused = Object.entries(result.tally.refused)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ')
    console.log(
      [
        result.name.padEnd(11),
        String(result.requests).padStart(7),
        result.rps.toFixed(0).padStart(8),
        String(result.p50).padStart(8),
        String(result.p99).padStart(8),
        String(result.tally.ok).padStart(7),
        `  ${(refused || '—').padEnd(30)}`,
        String(result.failed).padStart(6),
      ].join(' '),
    )
  }
}
