import { CASE_STATUS_LABELS, type Case } from '@core/case/case'
import { lateness } from '@core/case/overdue'
import { deadlineLabel, overdueText } from '@core/case/supervision'
import type { Checkin } from '@core/fieldwork/fieldwork'
import { householdFor, type Household, type Visit } from '@core/fieldwork/visit'
import { fail, ok, type Result } from '@core/result'
import { resolvePeriod } from '@core/stats/period'
import {
  caseRecords,
  checkinRecord,
  countsEvents,
  figureSource,
  figureTitle,
  visitRecords,
  type CaseFigure,
  type FigureRecord,
  type VisitFigure,
} from '@core/stats/records'
import { formatChinaTime, DAY_MS } from '@core/time'
import type { InputFor, OutputFor } from '@core/functions'
import type { Filter, StoredDoc } from '../ports/store'
import type { HandlerContext } from '../handlers/context'
import { readAll } from '../handlers/paging'
import { overdueNow, subjectFor, type Subject } from './dashboard'

const PAGE_CURSOR = /^\d{1,7}$/

/** Every document matching any of the filters, once. */
async function union<T extends StoredDoc>(
  ctx: HandlerContext,
  collection: string,
  filters: Filter[],
  sortField: string,
) {
  const pages = await Promise.all(filters.map((filter) => readAll<T>(ctx.store, collection, filter, [[sortField, -1]])))
  const seen = new Map<string, T>()
  for (const doc of pages.flat()) seen.set(doc._id, doc)
  return [...seen.values()]
}

/** Where the records of a subject can be, narrowed by an index (the figure's own test picks the rows). */
function caseCandidates(subject: Subject, window: { start: number }, events: boolean): Filter[] {
  const time: Filter = events ? { updatedAt: { $gte: window.start } } : { createdAt: { $gte: window.start } }
  if (subject.openid)
    return [
      { 'createdBy.openid': subject.openid, ...time },
      { handledBy: subject.openid, ...time },
    ]
  return [{ scopeUnitIds: { $in: subject.keys }, ...time }]
}

async function rowsOf(
  input: InputFor<'stats', 'records'>,
  ctx: HandlerContext,
  subject: Subject,
  window: { start: number; end: number },
): Promise<FigureRecord[]> {
  const now = ctx.clock.now()
  const source = figureSource(input.figure)
  const units = subject.openid ? null : subject.keys
  switch (source) {
    case 'cases': {
      const candidates = await union<Case>(
        ctx,
        'cases',
        caseCandidates(subject, window, countsEvents(input.figure)),
        'createdAt',
      )
      return candidates.flatMap((doc) =>
        caseRecords(doc, input.figure as CaseFigure, { subjects: subject.keys, ...window, category: input.category }),
      )
    }
    case 'overdue': {
      const late = (await overdueNow(ctx.store, now)).filter(subject.answersFor)
      return late.map((doc) => {
        // The same words as the 督办 list: whose deadline, and how long ago it passed.
        const missed = lateness(doc, now)
        return {
          kind: 'case',
          id: doc._id,
          number: doc.number,
          category: doc.category,
          status: CASE_STATUS_LABELS[doc.status],
          at: missed?.at ?? doc.dueAt ?? now,
          what: missed ? `${deadlineLabel(missed.kind)}${overdueText(missed.at, now)}` : '已超期',
        }
      })
    }
    case 'visits': {
      const time = { at: { $gte: window.start, $lt: window.end } }
      const visits = await readAll<Visit>(
        ctx.store,
        'visits',
        subject.openid ? { openid: subject.openid, ...time } : { unitPath: { $in: units ?? [] }, ...time },
        [['at', -1]],
      )
      return visits.flatMap((visit) => visitRecords(visit, input.figure as VisitFigure))
    }
    case 'checkins': {
      const time = { signedInAt: { $gte: window.start, $lt: window.end } }
      const checkins = await readAll<Checkin>(
        ctx.store,
        'checkins',
        subject.openid ? { openid: subject.openid, ...time } : { unitPath: { $in: units ?? [] }, ...time },
        [['signedInAt', -1]],
      )
      return checkins.map(checkinRecord)
    }
    case 'households': {
      const ledger = subject.openid ? (ctx.actor.unitId ? [ctx.actor.unitId] : []) : (units ?? [])
      const households = await readAll<Household>(
        ctx.store,
        'households',
        { unitPath: { $in: ledger }, tagged: true, lastVisitedAt: { $gte: window.start } },
        [['lastVisitedAt', -1]],
      )
      return households.map((household) => {
        const seen = householdFor(household, ctx.actor)
        return { kind: 'household', id: seen._id, name: seen.name, at: seen.lastVisitedAt, tags: seen.tags }
      })
    }
  }
}

/**
 * The records behind one figure of the dashboard, for the same subject and period (or one week of
 * the trend): newest first, a page at a time.
 */
export async function figureRecords(
  input: InputFor<'stats', 'records'>,
  ctx: HandlerContext,
): Promise<Result<OutputFor<'stats', 'records'>>> {
  if (input.cursor !== undefined && !PAGE_CURSOR.test(input.cursor)) {
    return fail('INPUT.INVALID', '翻页位置不正确，请从第一页重新加载', 'cursor')
  }
  const period = resolvePeriod(input.period, ctx.clock.now())
  if (!period.ok) return period
  const subject = await subjectFor(ctx.store, ctx.actor, input.unitId)
  if (!subject.ok) return subject
  const window =
    input.weekStart !== undefined
      ? {
          start: input.weekStart,
          end: input.weekStart + 7 * DAY_MS,
          label: `${formatChinaTime(input.weekStart, 'M月D日')}起一周`,
        }
      : { start: period.data.start, end: period.data.end, label: period.data.label }
  const rows = (await rowsOf(input, ctx, subject.data, window)).sort((a, b) => b.at - a.at || a.id.localeCompare(b.id))
  const offset = input.cursor === undefined ? 0 : Number(input.cursor)
  const items = rows.slice(offset, offset + input.pageSize)
  const next = offset + items.length
  const figure = `${figureTitle(input.figure)}${input.category ? `（${input.category}）` : ''}`
  return ok({
    items,
    total: rows.length,
    nextCursor: next < rows.length ? String(next) : null,
    title: `${subject.data.name} · ${window.label} · ${figure}`,
  })
}
