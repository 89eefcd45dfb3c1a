import type { Case } from '@core/case/case'
import { applyTransition, DEFAULT_RATING_AFTER_MS } from '@core/case/lifecycle'
import { SYSTEM_ACTOR } from '@core/roles'
import type { Deps } from '../handlers/context'
import { loadTimeLimits } from '../handlers/settings'
import type { Job } from './job'

/**
 * 默认满意: closed cases left unrated for 7 days get the default answer, through the lifecycle
 * table as the system actor. Each case is one conditional update.
 */
export const defaultSatisfiedJob: Job = {
  name: 'default-satisfied',
  description: '办结 7 天未评价的诉求记为默认满意',
  everyMinutes: 60,
  async run({ store, clock }: Deps) {
    const now = clock.now()
    const { limits } = await loadTimeLimits(store)
    const filter = { awaitingRating: true, closedAt: { $lte: now - DEFAULT_RATING_AFTER_MS } }
    let rated = 0
    let skipped = 0
    // Each rated case leaves the filter, so the next page starts after the ones left behind.
    for (;;) {
      const due = await store.query<Case>('cases', { filter, sort: [['closedAt', 1]], offset: skipped, limit: 100 })
      for (const doc of due) {
        const applied = applyTransition(doc, 'rateByDefault', {}, { actor: SYSTEM_ACTOR, now, limits })
        if (!applied.ok) {
          skipped += 1
          continue
        }
        const { _id, version: _version, ...fields } = applied.data.next
        if (await store.updateIfVersion('cases', _id, doc.version, fields)) rated += 1
        else skipped += 1
      }
      if (due.length < 100) break
    }
    return { rated, skipped }
  },
}
