import { randomUUID } from 'node:crypto'
import {
  autoClose,
  decideSignIn,
  signOut as closeCheckin,
  type Checkin,
  type ContactPoint,
  type Presence,
} from '@core/fieldwork/fieldwork'
import { toWgs84 } from '@core/geo'
import { listScope } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Store } from '../../ports/store'
import type { Deps, Handler } from '../context'
import { cursorPage, readAll } from '../paging'
import { loadFieldworkSettings } from './settings'

/** 签到/签退: one open sign-in per person, geofenced on the server; sign-out is never refused. */

/** A claimed sign-in slot whose sign-in is not stored yet is left alone this long (it is being written). */
const CLAIM_GRACE_MS = 60_000

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
  const settings = await loadFieldworkSettings(store)
  return closeOpen(store, actor.openid, clock.now(), (checkin) =>
    closeCheckin(checkin, clock.now(), point, fix, settings),
  )
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
  const open = await readAll<Presence>(store, 'presence', { open: true }, [['_id', 1]])
  let closed = 0
  for (const presence of open) {
    const result = await closeOpen(store, presence._id, now, (checkin) => autoClose(checkin, now, settings))
    if (result.ok) closed += 1
  }
  return { closed }
}
