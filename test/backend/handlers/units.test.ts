import { FUNCTIONS, type FunctionName } from '@core/functions'
import { UNITS } from '../../../backend/handlers/registry'

const NAMES = Object.keys(FUNCTIONS) as FunctionName[]

/** A deployed function runs its own unit alone: each must be exactly its function of the catalogue. */
describe('each function’s unit binds exactly its actions of core/functions.ts', () => {
  test('the registry has one unit per function of the catalogue, in its order', () => {
    expect(Object.keys(UNITS)).toEqual(NAMES)
  })

  test.each(NAMES)(
    '%s: its name, the catalogue’s own actions, and a handler for each of them and nothing else',
    (name) => {
      const unit = UNITS[name]
      expect(unit.name).toBe(name)
      expect(unit.actions).toBe(FUNCTIONS[name])
      expect(Object.keys(unit.handlers).sort()).toEqual(Object.keys(FUNCTIONS[name]).sort())
      const notFunctions = Object.entries(unit.handlers).filter(([, handler]) => typeof handler !== 'function')
      expect(notFunctions).toEqual([])
    },
  )
})
