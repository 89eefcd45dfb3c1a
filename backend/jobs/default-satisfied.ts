import type { Case } from '@core/case/case'
import { applyDefaultRating, DEFAULT_RATING_AFTER_MS } from '@core/case/lifecycle'
import type { Deps } from '../handlers/context'
import type { Job } from './registry'

/** 默认满意: closed cases left unrated for 7 days. Each case is one conditional update. */
export const defaultSatisfiedJob: Job = {
  name: 'default-satisfied',
  description: '办结 7 天未评价的诉求记为默认满意',
  everyMinutes: 60,
  async run({ store, clock }: Deps) {
    const now = clock.now()
    const filter = { status: 'closed', awaitingRating: true, closedAt: { $lte: now - DEFAULT_RATING_AFTER_MS } }
    let rated = 0
    let skipped = 0
    // Each rated case leaves the filter, so the next page starts after the ones left behind.
    for (;;) {
      const due = await store.query<Case>('cases', { filter, sort: [['closedAt', 1]], offset: skipped, limit: 100 })
      for (const doc of due) {
        const next = applyDefaultRating(doc, now)
        const { _id, version: _version, ...fields } = next ?? doc
        if (next && (await store.updateIfVersion('cases', _id, doc.version, fields))) rated += 1
        else skipped += 1
      }
      if (due.length < 100) break
    }
    return { rated, skipped }
  },
}
