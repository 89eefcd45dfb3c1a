import type { FunctionName } from '@core/functions'
import type { FunctionUnit } from './context'
import { CASES } from './functions/cases'
import { EXPORTS } from './functions/exports'
import { FIELDWORK } from './functions/fieldwork'
import { INVITATIONS } from './functions/invitations'
import { ORGS } from './functions/orgs'
import { PUBLICATIONS } from './functions/publications'
import { SETTINGS } from './functions/settings'
import { STATS } from './functions/stats'
import { USERS } from './functions/users'

/**
 * Every function's unit, for the local server and the tests. Each action is bound to its handler
 * once, in its function's unit (backend/handlers/functions/); a deployed function imports its own.
 */
export const UNITS: { [F in FunctionName]: FunctionUnit<F> } = {
  cases: CASES,
  orgs: ORGS,
  users: USERS,
  fieldwork: FIELDWORK,
  settings: SETTINGS,
  invitations: INVITATIONS,
  stats: STATS,
  exports: EXPORTS,
  publications: PUBLICATIONS,
}
