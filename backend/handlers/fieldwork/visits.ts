import { createHash } from 'node:crypto'
import { newCase } from '@core/case/create'
import type { Household, Visit } from '@core/fieldwork/visit'
import { unitPath, type OrgUnit } from '@core/org/org'
import { may } from '@core/permissions'
import { fail, ok } from '@core/result'
import type { Store } from '../../ports/store'
import { caseIdFor, createCaseOnce } from '../cases'
import type { Handler } from '../context'
import { activeUnit } from '../orgs'
import { cursorPage } from '../paging'
import { checkImages } from '../photos'
import { chargeRateLimits } from '../rate-limits'

/** 走访/敲门: a visit, what was heard, the cases it raised, and the household it adds to the ledger. */

/** How far ahead of the server a phone's clock may run. */
const VISIT_CLOCK_SKEW_MS = 10 * 60_000

function householdId(areaUnitId: string, address: string): string {
  const normalized = address.replace(/\s+/g, '')
  return `hh-${createHash('sha256').update(`${areaUnitId}\n${normalized}`).digest('hex').slice(0, 24)}`
}

/** Adds a visit to the ledger: tags only ever accumulate, the last visit only moves forward (safe to repeat). */
async function noteHousehold(
  store: Store,
  area: OrgUnit,
  household: NonNullable<Visit['household']>,
  at: number,
  visitor: string,
): Promise<string> {
  const id = householdId(area._id, household.address)
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await store.get<Household>('households', id)
    if (!existing) {
      const created: Household = {
        _id: id,
        name: household.name,
        address: household.address,
        areaUnitId: area._id,
        unitPath: unitPath(area),
        tags: household.tags,
        tagged: household.tags.length > 0,
        lastVisitedAt: at,
        visitorOpenids: [visitor],
        version: 1,
      }
      if ((await store.insert('households', created)) === 'inserted') return id
      continue
    }
    const tags = [...new Set([...existing.tags, ...household.tags])]
    const fields = {
      name: household.name,
      tags,
      tagged: tags.length > 0,
      lastVisitedAt: Math.max(existing.lastVisitedAt, at),
      visitorOpenids: [...new Set([...existing.visitorOpenids, visitor])],
    }
    if (await store.updateIfVersion('households', id, existing.version, fields)) return id
  }
  throw new Error(`household ${id} kept changing`)
}

/**
 * Records a visit and the cases raised from it. The visit's id and each case's request id derive
 * from the client's request id, so a resend (also concurrent) makes one visit and one set of cases.
 */
export const recordVisit: Handler<'fieldwork', 'recordVisit'> = async (input, ctx) => {
  const { store, clock, actor } = ctx
  const visitId = `visit-${caseIdFor(actor.openid, input.clientRequestId)}`
  const earlier = await store.get<Visit>('visits', visitId)
  if (earlier) return ok(earlier)

  const area = await activeUnit(store, input.areaUnitId)
  if (!area.ok) return { ...area, field: 'areaUnitId' }
  if (!may(actor, 'visit.record', { ownerOpenids: [], unitIds: unitPath(area.data) })) {
    return fail('AUTH.FORBIDDEN', '只能记录本辖区内的走访', 'areaUnitId')
  }
  const notImage = await checkImages(ctx.files, input.photos, 'photos')
  if (notImage) return notImage

  const now = clock.now()
  const at = input.at ?? now
  // A visit is recorded after it happens: a time in the future would skew the ledger and figures.
  if (at > now + VISIT_CLOCK_SKEW_MS) return fail('INPUT.INVALID', '走访时间不能晚于现在', 'at')
  // Charged once the visit passed its checks: a refused one uses up nothing.
  const limited = await chargeRateLimits(ctx, actor.openid, 'fieldwork', 'recordVisit', input)
  if (limited) return limited
  const raisedCaseIds: string[] = []
  for (const [index, raised] of input.raiseCases.entries()) {
    const caseInput = {
      action: 'submit' as const,
      clientRequestId: `${input.clientRequestId}-c${index}`,
      category: raised.category,
      urgency: raised.urgency,
      description: raised.description,
      photos: [],
      areaUnitId: input.areaUnitId,
      reporter: raised.reporter,
      subscriptions: [],
      ...(input.location ? { location: input.location } : {}),
    }
    const created = await createCaseOnce(ctx, {
      clientRequestId: caseInput.clientRequestId,
      areaUnitId: input.areaUnitId,
      files: [],
      build: ({ id, number, areaUnitPath, now: createdAt }) =>
        newCase({ id, areaUnitPath, number, input: caseInput, actor, source: 'visit', now: createdAt, visitId }),
    })
    if (!created.ok) return { ...created, field: `raiseCases.${index}` }
    raisedCaseIds.push(created.data._id)
  }

  const visit: Visit = {
    _id: visitId,
    openid: actor.openid,
    visitorName: actor.name,
    kind: input.kind,
    at,
    durationMinutes: input.durationMinutes,
    areaUnitId: area.data._id,
    unitPath: unitPath(area.data),
    contactPointId: input.contactPointId ?? null,
    householdId: input.household ? await noteHousehold(store, area.data, input.household, at, actor.openid) : null,
    household: input.household ?? null,
    enterpriseName: input.enterpriseName ?? null,
    headcount: input.headcount,
    opinions: input.opinions,
    photos: input.photos,
    location: input.location ?? null,
    raisedCaseIds,
    createdAt: now,
    version: 1,
  }
  if ((await store.insert('visits', visit)) === 'duplicate')
    return ok((await store.get<Visit>('visits', visitId)) as Visit)
  return ok(visit)
}

/** The caller's own visits, newest first, a page at a time. */
export const listMyVisits: Handler<'fieldwork', 'listMyVisits'> = async ({ cursor, pageSize }, { store, actor }) =>
  cursorPage<Visit, Visit>(
    store,
    'visits',
    { filter: { openid: actor.openid }, sort: [['at', -1]], cursor, pageSize },
    (visit) => visit,
  )
