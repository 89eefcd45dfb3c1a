import { createHash, randomUUID } from 'node:crypto'
import type { Case } from '@core/case/case'
import { newCase } from '@core/case/create'
import {
  autoClose,
  decideSignIn,
  DEFAULT_FIELDWORK_SETTINGS,
  signOut as closeCheckin,
  type Checkin,
  type ContactPoint,
  type FieldworkSettings,
  type Presence,
} from '@core/fieldwork/fieldwork'
import {
  chinaMonth,
  householdFor,
  householdRule,
  monthFigures,
  type Household,
  type Visit,
} from '@core/fieldwork/visit'
import { distanceMeters, toWgs84 } from '@core/geo'
import { unitPath, type OrgUnit } from '@core/org/org'
import { listScope, may } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { DAY_MS } from '@core/time'
import { MAX_PAGE, type Filter, type SortOrder, type Store } from '../ports/store'
import { caseIdFor, createCaseOnce } from './cases'
import type { Deps, Handler, HandlerContext } from './context'
import { cursorPage } from './paging'
import { activeUnit } from './orgs'

/** How far ahead of the server a phone's clock may run. */
const VISIT_CLOCK_SKEW_MS = 10 * 60_000

/** A claimed sign-in slot whose sign-in is not stored yet is left alone this long (it is being written). */
const CLAIM_GRACE_MS = 60_000

export async function loadFieldworkSettings(store: Store): Promise<FieldworkSettings> {
  const doc = await store.get<{ _id: string; settings: Partial<FieldworkSettings> }>('meta', 'fieldwork-settings')
  return { ...DEFAULT_FIELDWORK_SETTINGS, ...(doc?.settings ?? {}) }
}

async function all<T extends { _id: string }>(
  store: Store,
  collection: string,
  filter: Parameters<Store['count']>[1],
  sort: Array<[string, 1 | -1]>,
) {
  const rows: T[] = []
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await store.query<T>(collection, { filter, sort, offset, limit: MAX_PAGE })
    rows.push(...page)
    if (page.length < MAX_PAGE) return rows
  }
}

// ---- Contact points (联系点) ----

export const listContactPoints: Handler<'fieldwork', 'listContactPoints'> = async ({ near }, { store, actor }) => {
  const points = (
    await all<ContactPoint>(store, 'contactPoints', { cadreOpenids: actor.openid, active: true }, [['name', 1]])
  ).map((point) => ({
    ...point,
    distanceMeters: near ? Math.round(distanceMeters(point.location, toWgs84(near, near.system))) : null,
  }))
  if (near) points.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0))
  return ok(points)
}

/** The contact points a supervisor (their subtree) or an admin (all) manages. */
export const listManagedContactPoints: Handler<'fieldwork', 'listManagedContactPoints'> = async (
  _input,
  { store, actor },
) => {
  const scope = listScope(actor, 'contactPoint.manage')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  return ok(
    await all<ContactPoint>(store, 'contactPoints', scope.kind === 'subtree' ? { unitPath: scope.unitId } : {}, [
      ['name', 1],
    ]),
  )
}

export const createContactPoint: Handler<'fieldwork', 'createContactPoint'> = async (
  input,
  { store, clock, actor },
) => {
  const unit = await activeUnit(store, input.unitId)
  if (!unit.ok) return { ...unit, field: 'unitId' }
  if (!may(actor, 'contactPoint.manage', { ownerOpenids: [], unitIds: unitPath(unit.data) })) {
    return fail('AUTH.FORBIDDEN', '只能在本辖区内设立联系点', 'unitId')
  }
  const location = toWgs84(input.position, input.position.system)
  const point: ContactPoint = {
    _id: `cp-${randomUUID()}`,
    type: input.type,
    name: input.name,
    unitId: unit.data._id,
    unitPath: unitPath(unit.data),
    location,
    geo: { type: 'Point', coordinates: [location.lng, location.lat] },
    radiusMeters: input.radiusMeters,
    cadreOpenids: [...new Set(input.cadreOpenids)],
    active: true,
    createdAt: clock.now(),
    version: 1,
  }
  await store.insert('contactPoints', point)
  return ok(point)
}

export const updateContactPoint: Handler<'fieldwork', 'updateContactPoint'> = async (input, { store, actor }) => {
  const point = await store.get<ContactPoint>('contactPoints', input.id)
  if (!point) return fail('CONTACT_POINT.NOT_FOUND')
  if (!may(actor, 'contactPoint.manage', { ownerOpenids: [], unitIds: point.unitPath })) return fail('AUTH.FORBIDDEN')
  const fields: Partial<ContactPoint> = {}
  if (input.cadreOpenids) fields.cadreOpenids = [...new Set(input.cadreOpenids)]
  if (input.radiusMeters !== undefined) fields.radiusMeters = input.radiusMeters
  if (input.active !== undefined) fields.active = input.active
  if (!(await store.updateIfVersion('contactPoints', point._id, input.expectedVersion, fields)))
    return fail('RECORD.CONFLICT')
  return ok({ ...point, ...fields, version: input.expectedVersion + 1 })
}

// ---- Sign-in / sign-out (签到/签退) ----

export const signIn: Handler<'fieldwork', 'signIn'> = async ({ contactPointId, position }, { store, clock, actor }) => {
  const point = await store.get<ContactPoint>('contactPoints', contactPointId)
  if (!point || !point.active) return fail('CONTACT_POINT.NOT_FOUND', undefined, 'contactPointId')
  if (!point.cadreOpenids.includes(actor.openid)) return fail('CHECKIN.NOT_ASSIGNED', undefined, 'contactPointId')
  const presence = await store.get<Presence>('presence', actor.openid)
  if (presence?.openCheckinId) return fail('CHECKIN.ALREADY_SIGNED_IN')

  const now = clock.now()
  const settings = await loadFieldworkSettings(store)
  const fix = { position: toWgs84(position, position.system), accuracy: position.accuracy }
  const [previous] = await store.query<Checkin>('checkins', {
    filter: { openid: actor.openid },
    sort: [['signedInAt', -1]],
    offset: 0,
    limit: 1,
  })
  const decided = decideSignIn(point, fix, previous ?? null, now, settings)
  if (!decided.ok) return decided

  const checkin: Checkin = {
    _id: `ck-${randomUUID()}`,
    openid: actor.openid,
    personName: actor.name,
    contactPointId: point._id,
    contactPointName: point.name,
    unitPath: point.unitPath,
    signedInAt: now,
    signedOutAt: null,
    hours: null,
    autoClosed: false,
    position: fix.position,
    accuracy: fix.accuracy,
    distanceMeters: decided.data.distanceMeters,
    suspiciousTravel: decided.data.suspiciousTravel,
    signOutPosition: null,
    signOutDistanceMeters: null,
    signedOutFar: false,
    signOutUnlocated: false,
    version: 1,
  }
  // Claim the person's single open slot first: of two racing sign-ins only one gets it.
  const claimed = presence
    ? await store.updateIfVersion('presence', actor.openid, presence.version, {
        openCheckinId: checkin._id,
        open: true,
        claimedAt: now,
      })
    : (await store.insert('presence', {
        _id: actor.openid,
        openCheckinId: checkin._id,
        open: true,
        claimedAt: now,
        version: 1,
      })) === 'inserted'
  if (!claimed) return fail('CHECKIN.ALREADY_SIGNED_IN')
  await store.insert('checkins', checkin)
  return ok(checkin)
}

async function closeOpen(
  store: Store,
  openid: string,
  now: number,
  close: (checkin: Checkin) => Checkin | null,
): Promise<Result<Checkin>> {
  const presence = await store.get<Presence>('presence', openid)
  if (!presence?.openCheckinId) return fail('CHECKIN.NOT_SIGNED_IN')
  const open = await store.get<Checkin>('checkins', presence.openCheckinId)
  // Claimed a moment ago and not stored yet: the sign-in is being written; freeing the slot now
  // would leave it open for ever.
  if (!open && now - (presence.claimedAt ?? 0) < CLAIM_GRACE_MS) return fail('CHECKIN.NOT_SIGNED_IN')
  const closed = open ? close(open) : null
  if (open && !closed) return fail('CHECKIN.NOT_SIGNED_IN') // not due (the automatic close)
  if (open && closed) {
    const { _id, version: _version, ...fields } = closed
    if (!(await store.updateIfVersion('checkins', _id, open.version, fields))) return fail('RECORD.CONFLICT')
  }
  // Free the slot (also when it pointed at a sign-in that was never stored).
  if (!(await store.updateIfVersion('presence', openid, presence.version, { openCheckinId: null, open: false })))
    return fail('RECORD.CONFLICT')
  return closed ? ok(closed) : fail('CHECKIN.NOT_SIGNED_IN')
}

export const signOut: Handler<'fieldwork', 'signOut'> = async ({ position }, { store, clock, actor }) => {
  const fix = position ? { position: toWgs84(position, position.system), accuracy: position.accuracy } : null
  const presence = await store.get<Presence>('presence', actor.openid)
  const open = presence?.openCheckinId ? await store.get<Checkin>('checkins', presence.openCheckinId) : null
  const point = open ? await store.get<ContactPoint>('contactPoints', open.contactPointId) : null
  return closeOpen(store, actor.openid, clock.now(), (checkin) => closeCheckin(checkin, clock.now(), point, fix))
}

/** 签到记录: the caller's own sign-ins, newest first, with their flags (未签退, 行程异常, 签退地点). */
export const listMyCheckins: Handler<'fieldwork', 'listMyCheckins'> = async ({ cursor, pageSize }, { store, actor }) =>
  cursorPage<Checkin, Checkin>(
    store,
    'checkins',
    { filter: { openid: actor.openid }, sort: [['signedInAt', -1]], cursor, pageSize },
    (checkin) => checkin,
  )

/** The sign-ins at the contact points of a supervisor's subtree (all for an admin), newest first. */
export const listCheckinsInScope: Handler<'fieldwork', 'listCheckinsInScope'> = async (
  { cursor, pageSize },
  { store, actor },
) => {
  const scope = listScope(actor, 'checkin.viewInScope')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  return cursorPage<Checkin, Checkin>(
    store,
    'checkins',
    {
      filter: scope.kind === 'subtree' ? { unitPath: scope.unitId } : {},
      sort: [['signedInAt', -1]],
      cursor,
      pageSize,
    },
    (checkin) => checkin,
  )
}

export const currentCheckin: Handler<'fieldwork', 'currentCheckin'> = async (_input, { store, actor }) => {
  const presence = await store.get<Presence>('presence', actor.openid)
  return ok(presence?.openCheckinId ? await store.get<Checkin>('checkins', presence.openCheckinId) : null)
}

/** 未签退: the scheduled job that closes sign-ins left open past the limit, hours capped and flagged. */
export async function closeStaleCheckins({ store, clock }: Deps): Promise<{ closed: number }> {
  const settings = await loadFieldworkSettings(store)
  const now = clock.now()
  const open = await all<Presence>(store, 'presence', { open: true }, [['_id', 1]])
  let closed = 0
  for (const presence of open) {
    const result = await closeOpen(store, presence._id, now, (checkin) => autoClose(checkin, now, settings))
    if (result.ok) closed += 1
  }
  return { closed }
}

// ---- Visits (走访/敲门) and the household ledger (民情台账) ----

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
  for (const photo of input.photos)
    if (!(await ctx.files.isImage(photo))) return fail('CASE.PHOTO_NOT_FOUND', undefined, 'photos')

  const now = clock.now()
  const at = input.at ?? now
  // A visit is recorded after it happens: a time in the future would skew the ledger and figures.
  if (at > now + VISIT_CLOCK_SKEW_MS) return fail('INPUT.INVALID', '走访时间不能晚于现在', 'at')
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

export const listMyVisits: Handler<'fieldwork', 'listMyVisits'> = async (_input, { store, actor }) =>
  ok(await store.query<Visit>('visits', { filter: { openid: actor.openid }, sort: [['at', -1]], offset: 0, limit: 50 }))

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
  const visits = ids.length ? await all<Visit>(store, 'visits', { householdId: { $in: ids } }, [['at', -1]]) : []
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

/** 我的工作: this month's figures, counted from the stored records. */
export const myMonth: Handler<'fieldwork', 'myMonth'> = async (_input, { store, clock, actor }) => {
  const month = chinaMonth(clock.now())
  const [checkins, visits, raised, closed] = await Promise.all([
    all<Checkin>(store, 'checkins', { openid: actor.openid, signedInAt: { $gte: month.start } }, [['signedInAt', 1]]),
    all<Visit>(store, 'visits', { openid: actor.openid, at: { $gte: month.start } }, [['at', 1]]),
    all<Case>(store, 'cases', { 'createdBy.openid': actor.openid, source: 'visit', createdAt: { $gte: month.start } }, [
      ['createdAt', 1],
    ]),
    all<Case>(store, 'cases', { handledBy: actor.openid, status: 'closed', closedAt: { $gte: month.start } }, [
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
