import type { Checkin } from '@core/fieldwork/fieldwork'
import { chinaMonth, monthFigures, type Visit } from '@core/fieldwork/visit'
import { ok } from '@core/result'
import type { Handler } from '../context'
import { readAll } from '../paging'

/** 我的工作: this month's figures, counted from the stored records. */
export const myMonth: Handler<'fieldwork', 'myMonth'> = async (_input, { store, clock, actor }) => {
  const month = chinaMonth(clock.now())
  // The cases are counted, not read: a month's closed cases grow with the district, the index holds them.
  const [checkins, visits, casesRaised, casesClosed] = await Promise.all([
    readAll<Checkin>(store, 'checkins', { openid: actor.openid, signedInAt: { $gte: month.start } }, [
      ['signedInAt', 1],
    ]),
    readAll<Visit>(store, 'visits', { openid: actor.openid, at: { $gte: month.start } }, [['at', 1]]),
    store.count('cases', {
      'createdBy.openid': actor.openid,
      source: 'visit',
      createdAt: { $gte: month.start, $lt: month.end },
    }),
    store.count('cases', {
      handledBy: actor.openid,
      status: 'closed',
      closedAt: { $gte: month.start, $lt: month.end },
    }),
  ])
  const before = <T>(rows: T[], at: (row: T) => number | null) => rows.filter((row) => (at(row) ?? 0) < month.end)
  return ok({
    month: month.label,
    figures: monthFigures({
      checkins: before(checkins, (c) => c.signedInAt),
      visits: before(visits, (v) => v.at),
      casesRaised,
      casesClosed,
    }),
  })
}
