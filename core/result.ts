import { ERROR_MESSAGES, type ErrorCode } from './errors'

/** The one response shape of every function (DESIGN.md §5). */
export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: ErrorCode; message: string; field?: string }
export type Result<T> = Ok<T> | Fail

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })

export function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code], field?: string): Fail {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }
}
