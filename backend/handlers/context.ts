import type { ActionName, FUNCTIONS, FunctionName, InputFor, OutputFor } from '@core/functions'
import type { Result } from '@core/result'
import type { RateLimit } from '@core/rate-limits'
import type { Actor } from '@core/roles'
import type { Clock } from '../ports/clock'
import type { ContentCheck } from '../ports/content-check'
import type { ExportFiles, FileCheck } from '../ports/files'
import type { Notifier } from '../ports/notifier'
import type { Store } from '../ports/store'
import type { WorkbookWriter } from '../ports/workbook'

export interface Settings {
  /**
   * OPENIDs that are admins whatever the users collection says: how the first admin of a fresh
   * deployment comes to exist (the ADMIN_OPENIDS environment variable of the functions).
   */
  bootstrapAdminOpenids: readonly string[]
  /** The hourly limits in force: core/rate-limits.ts's, or none for bulk tools and benchmarks. */
  rateLimits?: readonly RateLimit[]
  /** Check every answer against its action's output schema (local server and tests; CHECK_OUTPUTS=1 in production). */
  checkOutputs?: boolean
}

/** What every handler is given besides its input: the ports, never a concrete platform. */
export interface Deps {
  store: Store
  files: FileCheck & ExportFiles
  clock: Clock
  notifier: Notifier
  /** Checks text before it is published (WeChat's msgSecCheck on CloudBase, a word list elsewhere). */
  contentCheck: ContentCheck
  settings: Settings
  /** Only the exports function has one (it alone bundles the spreadsheet library). */
  workbooks?: WorkbookWriter
}

export function settingsFromEnv(env: Record<string, string | undefined>): Settings {
  return {
    checkOutputs: env.CHECK_OUTPUTS === '1',
    bootstrapAdminOpenids: (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((openid) => openid.trim())
      .filter(Boolean),
  }
}

/** The caller as the platform saw it: WeChat's OPENID, or the local demo header. */
export interface CallerIdentity {
  openid: string | null
}

export type HandlerContext = Deps & { actor: Actor }

/** A handler takes its action's parsed input and answers exactly its declared output (core/functions.ts). */
export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: InputFor<F, A>,
  ctx: HandlerContext,
) => Promise<Result<OutputFor<F, A>>>

/** One handler for every action of the catalogue: a missing one is a type error. */
type FunctionHandlers = { [F in FunctionName]: { [A in ActionName<F>]: Handler<F, A> } }

/**
 * One deployable function: its actions from the catalogue and a handler for each. A function's
 * bundle imports its own unit alone (backend/handlers/functions/<name>.ts), so it carries its own
 * handlers and schemas; the full registry (registry.ts) is these units put together.
 */
export interface FunctionUnit<F extends FunctionName> {
  name: F
  actions: (typeof FUNCTIONS)[F]
  handlers: FunctionHandlers[F]
}
