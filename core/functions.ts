import type { z } from 'zod'
import { getCaseInput, listMyCasesInput, submitCaseInput } from './case/case.schemas'
import { listAreasInput } from './org/org.schemas'
import type { Caller } from './roles'

export interface ActionSpec {
  /** Every role that may call the action at all; finer rules live in permissions.ts. */
  callableBy: readonly Caller[]
  input: z.ZodType<{ action: string }>
}

const EVERY_ROLE = ['resident', 'cadre', 'supervisor', 'admin'] as const

/**
 * The catalogue of cloud functions and their actions: the contract between the app and the
 * backend. `GET /fn` is generated from it; the handlers are bound to it by type.
 */
export const FUNCTIONS = {
  cases: {
    submit: { callableBy: ['resident'], input: submitCaseInput },
    listMine: { callableBy: EVERY_ROLE, input: listMyCasesInput },
    get: { callableBy: EVERY_ROLE, input: getCaseInput },
  },
  orgs: {
    listAreas: { callableBy: EVERY_ROLE, input: listAreasInput },
  },
} as const satisfies Record<string, Record<string, ActionSpec>>

export type FunctionName = keyof typeof FUNCTIONS
export type ActionName<F extends FunctionName> = keyof (typeof FUNCTIONS)[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodType
}
  ? z.output<S>
  : never
/** What a page passes: the action's input before defaults are applied, without `action`. */
export type ActionParams<F extends FunctionName, A extends ActionName<F>> = (typeof FUNCTIONS)[F][A] extends {
  input: infer S extends z.ZodType
}
  ? Omit<z.input<S>, 'action'>
  : never
