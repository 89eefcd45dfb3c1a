import { OPEN_STATUSES, type Case } from '@core/case/case'
import { applySupervision, nextSuperviseAt } from '@core/case/supervision'
import type { Deps } from '../handlers/context'
import { deliver } from '../handlers/notify'
import type { Scalar, Store } from '../ports/store'
import type { Job } from './job'

const PAGE = 100
/** The meta document that says open cases stored before `superviseAt` existed were given one. */
const BACKFILLED_ID = 'supervise-at-backfilled'

/**
 * Open cases stored before 督办 carry no `superviseAt`, and the job asks for it: each is given the
 * one the core derives, once, a page at a time in `_id` order; then a meta document says so.
 */
async function backfill(store: Store, now: number): Promise<void> {
  if (await store.get('meta', BACKFILLED_ID)) return
  let after: Scalar[] | undefined
  for (;;) {
    const page = await store.query<Case>('cases', {
      filter: { status: { $in: [...OPEN_STATUSES] } },
      sort: [['_id', 1]],
      offset: 0,
      limit: PAGE,
      ...(after ? { after } : {}),
    })
    for (const doc of page) {
      if (doc.superviseAt !== undefined) continue
      const fields = { superviseAt: nextSuperviseAt({ ...doc, timeline: doc.timeline ?? [] }), supervisionNote: null }
      await store.updateIfVersion('cases', doc._id, doc.version, fields)
    }
    const last = page.at(-1)
    if (page.length < PAGE || !last) break
    after = [last._id]
  }
  await store.insert('meta', { _id: BACKFILLED_ID, at: now })
}

/**
 * 督办: every case whose next reminder, 督办 or escalation has fallen due (one indexed range query
 * on `superviseAt`, kept by every transition), recorded as the core says through one conditional
 * update each, then its messages sent. A case changed meanwhile is left for the next run; a run
 * twice records nothing new, because what was recorded is on the case.
 */
export const superviseJob: Job = {
  name: 'supervise',
  description: '超期诉求自动督办：到期前 24 小时提醒经办人，超期督办，督办 3 天后仍超期报上级',
  everyMinutes: 15,
  async run(deps: Deps) {
    const { store, clock } = deps
    const now = clock.now()
    await backfill(store, now)
    const filter = { superviseAt: { $lte: now } }
    let recorded = 0
    let skipped = 0
    // Each case written leaves the filter (its next moment is later), so the next page starts after the ones left behind.
    for (;;) {
      const due = await store.query<Case>('cases', { filter, sort: [['superviseAt', 1]], offset: skipped, limit: PAGE })
      for (const doc of due) {
        const applied = applySupervision(doc, now)
        // Nothing due after all (a stale moment): store the right one, so the case leaves the filter.
        const {
          _id,
          version: _version,
          ...fields
        } = applied?.next ?? { _id: doc._id, superviseAt: nextSuperviseAt(doc) }
        if (!(await store.updateIfVersion('cases', _id, doc.version, fields))) {
          skipped += 1
          continue
        }
        if (!applied) continue
        recorded += applied.events.length
        await deliver(deps, applied.notifications)
      }
      if (due.length < PAGE) break
    }
    return { recorded, skipped }
  },
}
