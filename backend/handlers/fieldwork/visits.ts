import { createHash } from 'node:crypto'
import type { Case } from '@core/case/case'
import { newCase } from '@core/case/create'
import type { InputFor } from '@core/functions'
import { raisedCaseLocation, type Household, type Visit } from '@core/fieldwork/visit'
import { unitPath, type OrgUnit } from '@core/org/org'
import { may } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Store } from '../../ports/store'
import { caseIdFor, createCaseOnce } from '../cases'
import type { Handler, HandlerContext } from '../context'
import { activeUnit } from '../orgs'
import { cursorPage } from '../paging'
import { checkImages } from '../photo-check'
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

type VisitInput = InputFor<'fieldwork', 'recordVisit'>
type RaisedCase = Visit['raisedCases'][number]

/**
 * The cases a visit raises, each once per visit request (its request id derives from the visit's).
 * Each keeps the visit's place and address (or the household's), and the urgency the cadre chose.
 */
async function raiseCases(ctx: HandlerContext, input: VisitInput, visitId: string): Promise<Result<RaisedCase[]>> {
  const raised: RaisedCase[] = []
  const location = raisedCaseLocation(input)
  for (const [index, item] of input.raiseCases.entries()) {
    const caseInput = {
      action: 'submit' as const,
      clientRequestId: `${input.clientRequestId}-c${index}`,
      category: item.category,
      urgency: item.urgency,
      description: item.description,
      photos: [],
      areaUnitId: input.areaUnitId,
      reporter: item.reporter,
      subscriptions: [],
      ...(location ? { location } : {}),
    }
    const created = await createCaseOnce(ctx, {
      clientRequestId: caseInput.clientRequestId,
      areaUnitId: input.areaUnitId,
      files: [],
      build: ({ id, number, areaUnitPath, now }) =>
        newCase({ id, areaUnitPath, number, input: caseInput, actor: ctx.actor, source: 'visit', now, visitId }),
    })
    if (!created.ok) return { ...created, field: `raiseCases.${index}` }
    raised.push({ id: created.data._id, number: created.data.number })
  }
  return ok(raised)
}

/** A visit stored before visits named their cases: named from the cases themselves. */
export type StoredVisit = Omit<Visit, 'raisedCases'> & { raisedCases?: RaisedCase[] }
export async function withRaisedCases(store: Store, visit: StoredVisit): Promise<Visit> {
  if (visit.raisedCases) return { ...visit, raisedCases: visit.raisedCases }
  const cases = await Promise.all(visit.raisedCaseIds.map((id) => store.get<Case>('cases', id)))
  const raisedCases = cases
    .filter((doc): doc is Case => doc !== null)
    .map((doc) => ({ id: doc._id, number: doc.number }))
  return { ...visit, raisedCases }
}

/**
 * Records a visit and the cases raised from it. The visit's id and each case's request id derive
 * from the client's request id, so a resend (also concurrent) makes one visit and one set of cases.
 */
export const recordVisit: Handler<'fieldwork', 'recordVisit'> = async (input, ctx) => {
  const { store, clock, actor } = ctx
  const visitId = `visit-${caseIdFor(actor.openid, input.clientRequestId)}`
  const earlier = await store.get<StoredVisit>('visits', visitId)
  if (earlier) return ok(await withRaisedCases(store, earlier))

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
  const raised = await raiseCases(ctx, input, visitId)
  if (!raised.ok) return raised

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
    raisedCaseIds: raised.data.map((item) => item.id),
    raisedCases: raised.data,
    createdAt: now,
    version: 1,
  }
  if ((await store.insert('visits', visit)) === 'duplicate')
    return ok(await withRaisedCases(store, (await store.get<StoredVisit>('visits', visitId)) as StoredVisit))
  return ok(visit)
}

/** The caller's own visits, newest first, a page at a time, each naming the cases it raised. */
export const listMyVisits: Handler<'fieldwork', 'listMyVisits'> = async ({ cursor, pageSize }, { store, actor }) => {
  const page = await cursorPage<StoredVisit, StoredVisit>(
    store,
    'visits',
    { filter: { openid: actor.openid }, sort: [['at', -1]], cursor, pageSize },
    (visit) => visit,
  )
  if (!page.ok) return page
  return ok({ ...page.data, items: await Promise.all(page.data.items.map((visit) => withRaisedCases(store, visit))) })
}
