import type * as z from 'zod/mini'
import type { ActionSpec } from './catalogue/action-spec'
import { CASES_ACTIONS } from './catalogue/cases'
import { EXPORTS_ACTIONS } from './catalogue/exports'
import { FIELDWORK_ACTIONS } from './catalogue/fieldwork'
import { INVITATIONS_ACTIONS } from './catalogue/invitations'
import { ORGS_ACTIONS } from './catalogue/orgs'
import { PUBLICATIONS_ACTIONS } from './catalogue/publications'
import { SETTINGS_ACTIONS } from './catalogue/settings'
import { STATS_ACTIONS } from './catalogue/stats'
import { USERS_ACTIONS } from './catalogue/users'
import { isPublicAction, rolesAllowed } from './permissions'
import type { Caller } from './roles'

export type { ActionSpec } from './catalogue/action-spec'

/**
 * The catalogue of cloud functions and their actions: the contract between the app and the
 * backend. `GET /fn` is generated from it; the handlers are bound to it by type. Each function's
 * actions are declared in core/catalogue/<function>.ts, so that a deployed function's bundle
 * carries its own schemas alone; the order here is the order of `GET /fn` (new functions go last).
 */
export const FUNCTIONS = {
  cases: CASES_ACTIONS,
  orgs: ORGS_ACTIONS,
  users: USERS_ACTIONS,
  fieldwork: FIELDWORK_ACTIONS,
  settings: SETTINGS_ACTIONS,
  invitations: INVITATIONS_ACTIONS,
  stats: STATS_ACTIONS,
  exports: EXPORTS_ACTIONS,
  publications: PUBLICATIONS_ACTIONS,
} as const satisfies Record<string, Record<string, ActionSpec>>

/** Every role that may call an action at all (for `GET /fn` and the first gate in dispatch). */
export function callersOf(spec: ActionSpec): Caller[] {
  return isPublicAction(spec.permission) ? ['anyone'] : rolesAllowed(spec.permission)
}

export type FunctionName = keyof typeof FUNCTIONS
export type ActionName<F extends FunctionName> = keyof (typeof FUNCTIONS)[F] & string
/** What the handler receives: the input after the schema parsed it (defaults applied, unknown fields dropped). */
export type InputFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodMiniType
}
  ? z.output<S>
  : never
/** What the action answers in `data`. */
export type OutputFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  output: infer S extends z.ZodMiniType
}
  ? z.output<S>
  : never
/** What a page passes: the action's input before defaults are applied, without `action`. */
export type ParamsFor<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodMiniType
}
  ? Omit<z.input<S>, 'action'>
  : never
