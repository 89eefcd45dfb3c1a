import * as z from 'zod/mini'
import { callersOf, FUNCTIONS, type ActionSpec } from '@core/functions'

export interface ActionDescription {
  action: string
  roles: string[]
  input: unknown
  /** The shape of `data` in a successful answer. */
  output: unknown
}

/** `GET /fn`: every function and action, generated from the very schemas the handlers validate with. */
export function describeFunctions(): Array<{ name: string; actions: ActionDescription[] }> {
  return Object.entries(FUNCTIONS).map(([name, actions]) => ({
    name,
    actions: Object.entries(actions as Record<string, ActionSpec>).map(([action, spec]) => ({
      action,
      roles: callersOf(spec),
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
    })),
  }))
}
