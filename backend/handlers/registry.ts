import type { FunctionHandlers } from './context'
import { getCase, listMyCases, submitCase } from './cases'
import { listAreas } from './orgs'

/** Binds each action of the core's catalogue to its handler. */
export const HANDLERS: FunctionHandlers = {
  cases: { submit: submitCase, listMine: listMyCases, get: getCase },
  orgs: { listAreas },
}
