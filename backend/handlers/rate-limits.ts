import { rateCharges, RATE_LIMITS } from '@core/rate-limits'
import { fail, type Fail } from '@core/result'
import { HOUR_MS } from '@core/time'
import type { Deps } from './context'

/**
 * Counts a call against the caller's hourly limits (in the store: every instance sees the same
 * counts) and answers the refusal of the first limit it goes over, or null.
 */
export async function chargeRateLimits(
  { store, clock, settings }: Deps,
  openid: string,
  fn: string,
  action: string,
  input: Record<string, unknown>,
): Promise<Fail | null> {
  const hour = Math.floor(clock.now() / HOUR_MS)
  for (const { limit, cost } of rateCharges(fn, action, input, settings.rateLimits ?? RATE_LIMITS)) {
    const used = await store.increment('rateCounters', `${limit.name}:${openid}:${hour}`, 'value', cost)
    if (used > limit.perHour) return fail(limit.code, limit.message)
  }
  return null
}
