import type { ActionSpec, FunctionName } from '@core/functions'
import { isPublicAction, rolesAllowed } from '@core/permissions'
import { chargedOnCreation } from '@core/rate-limits'
import { fail, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { firstIssue } from '@core/validation/issues'
import { resolveActor } from './actor'
import type { CallerIdentity, Deps, FunctionUnit } from './context'
import { chargeRateLimits } from './rate-limits'

/** Whoever reads a public action: nobody in particular (handlers of public actions never ask who). */
const PUBLIC_VISITOR: Actor = { openid: '', role: 'resident', unitId: null, name: '' }

type AnyHandler = (input: unknown, ctx: Deps & { actor: Actor }) => Promise<Result<unknown>>

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The answer checked against the action's declared output (on in the local server and every test,
 * off in production unless CHECK_OUTPUTS=1): a handler that strays from its shape fails loudly.
 */
function checkOutput(spec: ActionSpec, name: string, result: Result<unknown>): Result<unknown> {
  if (!result.ok) return result
  const checked = spec.output.safeParse(result.data)
  if (checked.success) return result
  console.error(`[${name}] answer does not match its output schema`, JSON.stringify(checked.error.issues.slice(0, 5)))
  return fail('SYSTEM.BAD_OUTPUT')
}

/**
 * Runs one call of one function: the same path for the local server and for CloudBase. Shape,
 * action, caller and role are checked here, once, before any handler sees the input; whatever
 * happens, the answer is a Result, never a throw. It knows only the unit it is handed, so a deployed
 * function (which imports its own unit) carries no other function's handlers or schemas.
 */
export async function runUnit<F extends FunctionName>(
  unit: FunctionUnit<F>,
  event: unknown,
  deps: Deps,
  caller: CallerIdentity,
): Promise<Result<unknown>> {
  const { name } = unit
  try {
    if (!isPlainObject(event)) return fail('INPUT.INVALID', '请求内容须为一个对象')
    const actions = unit.actions as Record<string, ActionSpec>
    const action = event.action
    if (typeof action !== 'string' || !Object.hasOwn(actions, action)) {
      return fail('INPUT.UNKNOWN_ACTION', undefined, 'action')
    }
    const spec = actions[action] as ActionSpec

    let actor: Actor = PUBLIC_VISITOR
    // What was published is read without anyone being looked up (or recorded) at all.
    if (!isPublicAction(spec.permission)) {
      if (!caller.openid) return fail('AUTH.LOGIN_REQUIRED')
      const resolved = await resolveActor(deps, caller.openid)
      if (!resolved.ok) return resolved
      actor = resolved.data
      // The first gate: may this role take this action at all? Record-level rules are the handler's
      // question to the same permissions table.
      if (!rolesAllowed(spec.permission).includes(actor.role)) return fail('AUTH.FORBIDDEN')
    }

    const parsed = spec.input.safeParse(event)
    if (!parsed.success) {
      const issue = firstIssue(parsed.error)
      return fail('INPUT.INVALID', issue.message, issue.field)
    }
    if (!chargedOnCreation(name, action)) {
      const limited = await chargeRateLimits(deps, actor.openid, name, action, parsed.data as Record<string, unknown>)
      if (limited) return limited
    }
    const handler = (unit.handlers as unknown as Record<string, AnyHandler>)[action] as AnyHandler
    const result = await handler(parsed.data, { ...deps, actor })
    return deps.settings.checkOutputs ? checkOutput(spec, `${name}.${action}`, result) : result
  } catch (error) {
    console.error(`[${name}] unexpected error`, error)
    return fail('SYSTEM.ERROR')
  }
}
