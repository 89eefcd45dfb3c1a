/**
 * Content safety for text that will be published (DESIGN.md §4, the public lists): WeChat's
 * `security.msgSecCheck` v2 in production, a keyword list locally and in tests.
 */

/** One text to check, with the key the caller uses to say which row or field it came from. */
export interface TextToCheck {
  key: string
  text: string
}

/**
 * The verdict on one text: `pass`, `blocked` (the checker judged it unfit: WeChat's `review` or
 * `risky`, or a listed word) or `unchecked` (the checker could not answer — also blocks publishing).
 */
export type ContentVerdict =
  { key: string; verdict: 'pass' } | { key: string; verdict: 'blocked' | 'unchecked'; message: string }

export interface ContentCheck {
  /** One verdict per text, in the order given; never throws (a failure to check is `unchecked`). */
  check(texts: readonly TextToCheck[], by: { openid: string }): Promise<ContentVerdict[]>
}
