import type { ErrorCode } from './errors'

/**
 * How often one person may do something per hour, in one place. CloudBase runs many
 * instances of a function, so the counts live in the store, one counter per person, limit and hour.
 */
export interface RateLimit {
  name: string
  perHour: number
  code: ErrorCode
  message: string
  /** What a call costs against this limit (0: the limit does not concern it). */
  cost(fn: string, action: string, input: Record<string, unknown>): number
}

const FILE_FIELDS = ['photos', 'evidence'] as const

/** How many stored files a call refers to (each one is checked by reading it). */
function fileReferences(input: Record<string, unknown>): number {
  return FILE_FIELDS.reduce((sum, field) => sum + (Array.isArray(input[field]) ? input[field].length : 0), 0)
}

export const RATE_LIMITS: readonly RateLimit[] = [
  {
    name: 'submit',
    perHour: 20,
    code: 'RATE.LIMITED',
    message: '您一小时内已反映了 20 条诉求，请稍后再提交；紧急情况请直接拨打 12345',
    cost: (fn, action) => (fn === 'cases' && action === 'submit' ? 1 : 0),
  },
  {
    name: 'fileReferences',
    perHour: 100,
    code: 'RATE.LIMITED',
    message: '您一小时内提交的照片已超过 100 张，请稍后再试',
    cost: (_fn, _action, input) => fileReferences(input),
  },
  {
    name: 'redeem',
    perHour: 5,
    code: 'INVITE.RATE_LIMITED',
    message: '邀请码尝试次数过多，请一小时后再试',
    cost: (fn, action) => (fn === 'users' && action === 'redeem' ? 1 : 0),
  },
]

/** The limits a call counts against, and by how much. */
export function rateCharges(
  fn: string,
  action: string,
  input: Record<string, unknown>,
  limits: readonly RateLimit[] = RATE_LIMITS,
): Array<{ limit: RateLimit; cost: number }> {
  return limits.map((limit) => ({ limit, cost: limit.cost(fn, action, input) })).filter(({ cost }) => cost > 0)
}

/**
 * Actions that create a record once per client request id: they are charged when the record is
 * new, so a resend after a lost answer costs nothing (the others are charged on every call).
 */
const CHARGED_ON_CREATION = ['cases.submit', 'cases.recordOnTheSpot', 'fieldwork.recordVisit']

export function chargedOnCreation(fn: string, action: string): boolean {
  return CHARGED_ON_CREATION.includes(`${fn}.${action}`)
}
