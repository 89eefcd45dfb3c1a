import type { Result } from '@core/result'

/** The data of an answer that must be ok; a refusal fails the test with its code and message. */
export function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`)
  return result.data as T
}
