import { FakeCloudbaseApp } from '../support/fake-cloudbase'
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
