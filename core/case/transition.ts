import type { Result } from '../result'
import type { Principal } from '../roles'
import type { Case, Rating, SendBackReason } from './case'
import type { CaseAction } from './actions'
import type { TimeLimits } from './time-limits'
import type { PledgeChoice } from '../pledge/pledges'

/** What a rating carries, from the reporter or a 回访 call. */
export interface RatingAnswer {
  solved: Rating['solved']
  satisfaction: Rating['satisfaction']
  comment: string
}

/** The parameters of each action, as validated by the schemas (ids already resolved by the server). */
export interface TransitionParams {
  assign: {
    leadOfficial: string
    /** The leader's record when one was chosen (null or absent: a name typed by hand). */
    leadOfficialId?: string | null
    /** 领办 named at 派单 (null or absent: none). */
    pledge?: PledgeChoice | null
    responsibleUnit: { id: string; path: string[] }
    handler: { openid: string; name: string }
    standard: string
    deadline?: number
  }
  acknowledge: Record<string, never>
  sendBack: { reason: SendBackReason; note: string }
  reassign: { handler: { openid: string; name: string }; reason: string }
  addProgress: { note: string; photos: string[]; visibleToReporter: boolean }
  requestExtension: { deadline: number; reason: string }
  approveExtension: Record<string, never>
  rejectExtension: { reason: string }
  requestClosure: { note: string; evidence: string[]; standardMet: string }
  approveClosure: { note: string }
  rejectClosure: { reason: string }
  decline: { reason: string }
  merge: { target: { id: string; number: string } }
  rate: RatingAnswer
  rateByCall: RatingAnswer
  rateByDefault: Record<string, never>
  addSupervisionNote: { note: string }
  replySupervisionNote: { note: string }
  markPledge: PledgeChoice
}

export interface TransitionContext {
  actor: Principal
  now: number
  limits: TimeLimits
}

/** What an action changes besides status and timeline. */
interface Change {
  fields: Partial<Case>
  note: string
  attachments: string[]
  data?: Record<string, unknown>
  /** A rating that sends the case back to work. */
  reopen?: boolean
}

/** One action's change, once the table allowed it. */
export type ChangeOf<A extends CaseAction> = (
  doc: Case,
  params: TransitionParams[A],
  ctx: TransitionContext,
) => Result<Change>
