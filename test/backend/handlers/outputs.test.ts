import { FUNCTIONS } from '@core/functions'
import { ok } from '@core/result'
import { UNITS } from '../../../backend/handlers/registry'
import { addUser, call, makeDeps } from '../../support/backend'

type Deps = Awaited<ReturnType<typeof makeDeps>>

describe('every answer is checked against its action’s declared output', () => {
  let deps: Deps
  const real = UNITS.settings.handlers.getTimeLimits
  beforeEach(async () => {
    deps = await makeDeps()
    await addUser(deps, 'admin', 'admin')
  })
  afterEach(async () => {
    UNITS.settings.handlers.getTimeLimits = real
    await deps.store.close()
  })

  test('every action of the catalogue declares an output schema', () => {
    const missing = Object.entries(FUNCTIONS).flatMap(([fn, actions]) =>
      Object.entries(actions as Record<string, { output?: unknown }>)
        .filter(([, spec]) => !spec.output)
        .map(([action]) => `${fn}.${action}`),
    )
    expect(missing).toEqual([])
  })

  test.each([
    ['a field it does not declare (a leak)', { limits: {}, version: 1, secret: '13812345678' }],
    ['a field of the wrong type', { limits: 'none', version: 1 }],
    ['a field missing', { version: 1 }],
  ])('a handler answering %s fails loudly with SYSTEM.BAD_OUTPUT', async (_label, data) => {
    UNITS.settings.handlers.getTimeLimits = (async () => ok(data)) as unknown as typeof real
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await call(deps, 'admin', { action: 'getTimeLimits' }, 'settings')).toMatchObject({
      ok: false,
      code: 'SYSTEM.BAD_OUTPUT',
    })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('settings.getTimeLimits'), expect.any(String))
    errors.mockRestore()
  })

  test('in production (checkOutputs off unless CHECK_OUTPUTS=1) the answer passes as it is', async () => {
    UNITS.settings.handlers.getTimeLimits = (async () => ok({ odd: true })) as unknown as typeof real
    deps.settings = { ...deps.settings, checkOutputs: false }
    expect(await call(deps, 'admin', { action: 'getTimeLimits' }, 'settings')).toEqual({
      ok: true,
      data: { odd: true },
    })
  })

  test('the real handler’s answer passes', async () => {
    expect(await call(deps, 'admin', { action: 'getTimeLimits' }, 'settings')).toMatchObject({ ok: true })
  })
})
