import type { Case } from '@core/case/case'
import type { Checkin } from '@core/fieldwork/fieldwork'
import { chinaMonth, monthFigures, type Visit } from '@core/fieldwork/visit'
import { ok } from '@core/result'
import type { Handler } from '../context'
import { readAll } from '../paging'

/** 我的工作: this month's figures, counted from the stored records. */
export const myMonth: Handler<'fieldwork', 'myMonth'> = async (_input, { store, clock, actor }) => {
  const month = chinaMonth(clock.now())
  const [checkins, visits, raised, closed] = await Promise.all([
    readAll<Checkin>(store, 'checkins', { openid: actor.openid, signedInAt: { $gte: month.start } }, [
      ['signedInAt', 1],
    ]),
    readAll<Visit>(store, 'visits', { openid: actor.openid, at: { $gte: month.start } }, [['at', 1]]),
    readAll<Case>(
      store,
      'cases',
      { 'createdBy.openid': actor.openid, source: 'visit', createdAt: { $gte: month.start } },
      [['createdAt', 1]],
    ),
    readAll<Case>(store, 'cases', { handledBy: actor.openid, status: 'closed', closedAt: { $gte: month.start } }, [
      ['closedAt', 1],
    ]),
  ])
  const before = <T>(rows: T[], at: (row: T) => number | null) => rows.filter((row) => (at(row) ?? 0) < month.end)
  return ok({
    month: month.label,
    figures: monthFigures({
      checkins: before(checkins, (c) => c.signedInAt),
      visits: before(visits, (v) => v.at),
      casesRaised: before(raised, (c) => c.createdAt).length,
      casesClosed: before(closed, (c) => c.closedAt).length,
    }),
  })
}
