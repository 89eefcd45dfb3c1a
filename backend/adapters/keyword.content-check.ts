import type { ContentCheck, ContentVerdict, TextToCheck } from '../ports/content-check'
import { BLOCKED_WORDS } from './blocked-words'

/**
 * Folds text for matching: full-width to half-width and lower case (NFKC, then toLowerCase), with
 * every space, punctuation mark and symbol dropped, so "赌 博", "赌-博" and "FUCK" are still found.
 */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

/**
 * The local content check: a text is blocked when it carries a listed word. Stands in for WeChat's
 * checker on the local server, in tests and in a test environment (CONTENT_CHECK=keyword).
 */
export class KeywordContentCheck implements ContentCheck {
  private readonly words: ReadonlyArray<{ word: string; folded: string }>

  /** `words`: the list to refuse (the repository's by default; tests pass their own or add to it). */
  constructor(words: readonly string[] = BLOCKED_WORDS) {
    this.words = words.map((word) => ({ word, folded: fold(word) })).filter(({ folded }) => folded.length > 0)
  }

  /** The word list is the same for everyone: who publishes does not matter here. */
  async check(texts: readonly TextToCheck[], _by: { openid: string }): Promise<ContentVerdict[]> {
    return texts.map(({ key, text }) => {
      const found = this.firstWordIn(fold(text))
      return found === null
        ? { key, verdict: 'pass' }
        : { key, verdict: 'blocked', message: `含有不宜公开的词语“${found}”，请修改` }
    })
  }

  /** The listed word that comes first in the text, null when none does. */
  private firstWordIn(folded: string): string | null {
    let first: { word: string; at: number } | null = null
    for (const { word, folded: needle } of this.words) {
      const at = folded.indexOf(needle)
      if (at >= 0 && (first === null || at < first.at)) first = { word, at }
    }
    return first?.word ?? null
  }
}
