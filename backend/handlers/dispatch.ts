import type { FunctionName } from '@core/functions'
import { fail, type Result } from '@core/result'
import type { CallerIdentity, Deps } from './context'
import { UNITS } from './registry'
import { runUnit } from './run'

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(UNITS, name)
}

/**
 * Runs one call of any function by its name (the local server, the tests, the tools): the full
 * registry's unit of that name, through the same `runUnit` a deployed function uses.
 */
export async function runFunction(
  name: string,
  event: unknown,
  deps: Deps,
  caller: CallerIdentity,
): Promise<Result<unknown>> {
  if (!isFunctionName(name)) return fail('INPUT.UNKNOWN_ACTION', `没有名为 ${name} 的功能`)
  return runUnit(UNITS[name] as Parameters<typeof runUnit>[0], event, deps, caller)
}
