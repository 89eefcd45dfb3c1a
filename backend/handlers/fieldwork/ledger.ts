import { householdFor, householdRule, toHouseholdVisit, type Household, type Visit } from '@core/fieldwork/visit'
import { listScope, may } from '@core/permissions'
import { fail, ok } from '@core/result'
import type { Actor } from '@core/roles'
import { DAY_MS } from '@core/time'
import type { Filter, SortOrder } from '../../ports/store'
import type { Handler, HandlerContext } from '../context'
import { cursorPage, readAll } from '../paging'
import { loadFieldworkSettings } from './settings'
import { withRaisedCases, type StoredVisit } from './visits'

/** What an official may see of a household and of what was heard at its door. */
function ledgerRowFor(actor: Actor, household: Household, visits: readonly Visit[]) {
  const rule = householdRule(household, actor)
  return {
    ...householdFor(household, actor),
    visits: visits
      .filter((visit) => visit.householdId === household._id)
      .map(({ at, visitorName, opinions, raisedCaseIds }) => ({
        at,
        visitorName,
        opinions: opinions.map(rule.text),
        casesRaised: raisedCaseIds.length,
      })),
  }
}

async function ledgerPage(
  { store, actor }: HandlerContext,
  filter: Filter,
  sort: SortOrder,
  page: { cursor?: string | undefined; pageSize: number },
) {
  const households = await cursorPage<Household, Household>(store, 'households', { filter, sort, ...page }, (h) => h)
  if (!households.ok) return households
  const ids = households.data.items.map((household) => household._id)
  const visits = ids.length ? await readAll<Visit>(store, 'visits', { householdId: { $in: ids } }, [['at', -1]]) : []
  return ok({ ...households.data, items: households.data.items.map((h) => ledgerRowFor(actor, h, visits)) })
}

/** 民情台账: the households of the caller's area, most recently visited first, with their visits (newest first). */
export const listHouseholds: Handler<'fieldwork', 'listHouseholds'> = async ({ cursor, pageSize }, ctx) => {
  const scope = listScope(ctx.actor, 'household.list')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  const filter: Filter = scope.kind === 'subtree' ? { unitPath: scope.unitId } : {}
  return ledgerPage(ctx, filter, [['lastVisitedAt', -1]], { cursor, pageSize })
}

/** 民情台账: tagged households in the caller's area not visited for the configured number of days, longest first. */
export const listNeglectedHouseholds: Handler<'fieldwork', 'listNeglectedHouseholds'> = async (
  { cursor, pageSize },
  ctx,
) => {
  const scope = listScope(ctx.actor, 'household.list')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  const { neglectDays } = await loadFieldworkSettings(ctx.store)
  const filter = {
    ...(scope.kind === 'subtree' ? { unitPath: scope.unitId } : {}),
    tagged: true,
    lastVisitedAt: { $lt: ctx.clock.now() - neglectDays * DAY_MS },
  }
  const page = await ledgerPage(ctx, filter, [['lastVisitedAt', 1]], { cursor, pageSize })
  return page.ok ? ok({ ...page.data, neglectDays }) : page
}

/**
 * 民情台账: one household's visits, newest first, a page at a time, under the ledger's view rule. A
 * household outside the caller's area is answered as one that does not exist.
 */
export const listHouseholdVisits: Handler<'fieldwork', 'listHouseholdVisits'> = async (
  { householdId, cursor, pageSize },
  { store, actor },
) => {
  const household = await store.get<Household>('households', householdId)
  if (!household || !may(actor, 'household.list', { ownerOpenids: [], unitIds: household.unitPath })) {
    return fail('HOUSEHOLD.NOT_FOUND', undefined, 'householdId')
  }
  const page = await cursorPage<StoredVisit, StoredVisit>(
    store,
    'visits',
    { filter: { householdId }, sort: [['at', -1]], cursor, pageSize },
    (visit) => visit,
  )
  if (!page.ok) return page
  const rule = householdRule(household, actor)
  const visits = await Promise.all(page.data.items.map((visit) => withRaisedCases(store, visit)))
  return ok({ ...page.data, items: visits.map((visit) => toHouseholdVisit(visit, rule)) })
}
