import type * as z from 'zod/mini'
import type { PermissionAction } from '../permissions'

/** One action of the catalogue: who may call it, what it takes, what it answers. */
export interface ActionSpec {
  /** The question asked of permissions.ts before the handler runs. */
  permission: PermissionAction
  input: z.ZodMiniType<{ action: string }>
  /** The shape of `data` in the answer: handlers are typed to it, pages read it, tests check it. */
  output: z.ZodMiniType
}
