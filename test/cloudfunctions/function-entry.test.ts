import { FakeCloudbaseApp, fakeContext } from '../support/fake-cloudbase'
import { buildFunctions, loadBundledFunction, type Main } from '../support/bundled-function'
import { submitEvent } from '../support/backend'

const CHINESE = /[\u4e00-\u9fff]/

/** Every collection the function opened, in order: an empty list means the store was not touched. */
function watchCollections(app: FakeCloudbaseApp): string[] {
  const opened: string[] = []
  const open = app.db.collection.bind(app.db)
  app.db.collection = (name: string) => {
    opened.push(name)
    return open(name)
  }
  return opened
}

/**
 * The context of a timer-triggered invocation: the function's own, with no caller in it. (The
 * field names are CloudBase's; the values are made up, as no CloudBase is reachable from here.)
 */
function timerContext() {
  return {
    request_id: 'timer-req-1',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 15_000,
    function_name: 'jobs',
    function_version: '$LATEST',
    namespace: 'env-test',
    environment: JSON.stringify({
      SCF_NAMESPACE: 'env-test',
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TRIGGER_SRC',
      TCB_ENV: 'env-test',
      TCB_SEQID: 'seq-1',
      TRIGGER_SRC: 'timer',
    }),
  }
}

function timerEvent(trigger: string) {
  return { Type: 'Timer', TriggerName: trigger, Time: '2026-05-01T02:00:00Z', Message: '' }
}

let outdir: string
let logged: jest.SpyInstance

beforeAll(() => {
  outdir = buildFunctions()
})
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => logged.mockRestore())

describe('a user-facing function answers a Result whatever context it is handed', () => {
  const app = new FakeCloudbaseApp()
  let main: Main
  let opened: string[]

  beforeAll(() => {
    main = loadBundledFunction(outdir, 'cases', app)
    opened = watchCollections(app)
  })
  beforeEach(() => {
    opened.length = 0
  })

  test.each([
    ['an empty object', {}],
    ['a string', 'not a context'],
    ['a number', 42],
    ['an environment that is not JSON', { request_id: 'r', environment: '{"WX_OPENID": ' }],
  ])('%s → SYSTEM.ERROR, logged, and the store untouched', async (_label, context) => {
    const answer = await main(submitEvent({ areaUnitId: 'estate-9' }), context)
    expect(answer).toEqual({ ok: false, code: 'SYSTEM.ERROR', message: expect.stringMatching(CHINESE) })
    expect(logged).toHaveBeenCalled()
    expect(opened).toEqual([])
  })

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['a context without an OPENID', { request_id: 'r', environment: '{}' }],
  ])('%s → AUTH.LOGIN_REQUIRED for an action that needs a user', async (_label, context) => {
    const answer = await main(submitEvent({ areaUnitId: 'estate-9' }), context)
    expect(answer).toMatchObject({ ok: false, code: 'AUTH.LOGIN_REQUIRED' })
  })
})

describe('the jobs function runs a job for its timer only', () => {
  const app = new FakeCloudbaseApp()
  let main: Main
  let opened: string[]

  beforeAll(() => {
    main = loadBundledFunction(outdir, 'jobs', app)
    opened = watchCollections(app)
  })
  beforeEach(() => {
    opened.length = 0
  })

  test.each([
    ['a forged trigger name', { TriggerName: 'default-satisfied' }],
    ['a whole timer event, forged', timerEvent('default-satisfied')],
    ['the other job', timerEvent('close-open-checkins')],
  ])('a mini-program user’s call with %s → AUTH.FORBIDDEN, and no job runs', async (_label, event) => {
    const answer = await main(event, fakeContext('oWX-resident-1'))
    expect(answer).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringMatching(CHINESE) })
    expect(opened).toEqual([])
  })

  /** A call with no user in it that did not come from a timer (another function, a server SDK, a console test). */
  const noCaller = { request_id: 'r', environment: '{}' }
  const calledBy = (source: string) => ({
    request_id: 'r',
    environment: JSON.stringify({ TCB_CONTEXT_KEYS: 'TRIGGER_SRC', TRIGGER_SRC: source }),
  })
  test.each([
    ['a forged trigger name, no caller', { TriggerName: 'default-satisfied' }, noCaller],
    ['a trigger name and a wrong type, no caller', { Type: 'Cos', TriggerName: 'default-satisfied' }, noCaller],
    ['a forged trigger name in a timer’s context', { TriggerName: 'default-satisfied' }, timerContext()],
    ['a whole timer event from a source that is not a timer', timerEvent('default-satisfied'), calledBy('tcb')],
  ])('%s → AUTH.FORBIDDEN, and no job runs', async (_label, event, context) => {
    const answer = await main(event, context)
    expect(answer).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringMatching(CHINESE) })
    expect(opened).toEqual([])
  })

  test.each([
    ['undefined', undefined],
    ['a string', 'not a context'],
    ['an empty object', {}],
  ])('a context that is %s → SYSTEM.ERROR, and no job runs', async (_label, context) => {
    const answer = await main(timerEvent('default-satisfied'), context)
    expect(answer).toEqual({ ok: false, code: 'SYSTEM.ERROR', message: expect.stringMatching(CHINESE) })
    expect(opened).toEqual([])
  })

  test('the timer runs the job its trigger names, and only that one', async () => {
    expect(await main(timerEvent('default-satisfied'), timerContext())).toEqual({
      ok: true,
      data: { rated: 0, skipped: 0 },
    })
    // 默认满意 reads the time limits in force (meta) and the cases.
    expect(new Set(opened)).toEqual(new Set(['cases', 'meta']))
    opened.length = 0
    expect(await main(timerEvent('close-open-checkins'), timerContext())).toMatchObject({
      ok: true,
      data: { closed: 0 },
    })
    expect(opened).not.toContain('cases')
    expect(opened.length).toBeGreaterThan(0)
  })

  test('a timer naming no job is told so', async () => {
    expect(await main(timerEvent('no-such-job'), timerContext())).toMatchObject({ ok: false, code: 'JOB.UNKNOWN' })
    expect(opened).toEqual([])
  })
})
