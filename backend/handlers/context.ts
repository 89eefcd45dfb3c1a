import type { z } from 'zod'
import type { ActionName, FunctionName, FUNCTIONS } from '@core/functions'
import type { Result } from '@core/result'
import type { Actor } from '@core/roles'
import type { Clock } from '../ports/clock'
import type { FileCheck } from '../ports/files'
import type { Store } from '../ports/store'

/** What every handler is given besides its input: the ports, never a concrete platform. */
export interface Deps {
  store: Store
  files: FileCheck
  clock: Clock
}

/** The caller as the platform saw it: WeChat's OPENID, or the local demo header. */
export interface CallerIdentity {
  openid: string | null
}

type Spec<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A]

/** Actions open to `anyone` may run without an identity; all others always have an actor. */
type ActorFor<F extends FunctionName, A extends ActionName<F>> =
  Spec<F, A> extends { callableBy: readonly (infer C)[] } ? ('anyone' extends C ? Actor | null : Actor) : never

type InputFor<F extends FunctionName, A extends ActionName<F>> =
  Spec<F, A> extends { input: infer S extends z.ZodType } ? z.output<S> : never

export type HandlerContext<F extends FunctionName, A extends ActionName<F>> = Deps & { actor: ActorFor<F, A> }

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: InputFor<F, A>,
  ctx: HandlerContext<F, A>,
) => Promise<Result<unknown>>

/** One handler for every action of the catalogue: a missing one is a type error. */
export type FunctionHandlers = { [F in FunctionName]: { [A in ActionName<F>]: Handler<F, A> } }
