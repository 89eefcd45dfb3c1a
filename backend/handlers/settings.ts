import { DEFAULT_TIME_LIMITS, type TimeLimits } from '@core/case/time-limits'
import { fail, ok } from '@core/result'
import type { Store } from '../ports/store'
import type { Handler } from './context'

const TIME_LIMITS_ID = 'time-limits'
interface TimeLimitsDoc {
  _id: string
  limits: TimeLimits
  version: number
}

/** The time limits in force: an admin's setting, or the defaults. */
export async function loadTimeLimits(store: Store): Promise<{ limits: TimeLimits; version: number }> {
  const doc = await store.get<TimeLimitsDoc>('meta', TIME_LIMITS_ID)
  return doc ? { limits: doc.limits, version: doc.version } : { limits: DEFAULT_TIME_LIMITS, version: 0 }
}

export const getTimeLimits: Handler<'settings', 'getTimeLimits'> = async (_input, { store }) =>
  ok(await loadTimeLimits(store))

export const setTimeLimits: Handler<'settings', 'setTimeLimits'> = async ({ limits, expectedVersion }, { store }) => {
  const saved =
    expectedVersion === 0
      ? (await store.insert('meta', { _id: TIME_LIMITS_ID, limits, version: 1 })) === 'inserted'
      : await store.updateIfVersion('meta', TIME_LIMITS_ID, expectedVersion, { limits })
  if (!saved) return fail('RECORD.CONFLICT')
  return ok(await loadTimeLimits(store))
}
