import { randomUUID } from 'node:crypto'
import type { ContactPoint } from '@core/fieldwork/fieldwork'
import { distanceMeters, toWgs84, type GeoPoint } from '@core/geo'
import { unitPath } from '@core/org/org'
import { listScope, may } from '@core/permissions'
import { fail, ok, type Fail } from '@core/result'
import type { Actor } from '@core/roles'
import { isActiveOfficial, type User } from '@core/user/user'
import type { CoordinateSystem } from '@core/case/case'
import type { Store } from '../../ports/store'
import type { Handler } from '../context'
import { activeUnit } from '../orgs'
import { readAll } from '../paging'

/** 联系点: where cadres sign in; listed to their cadres, managed by supervisors (their subtree) and admins. */

export const listContactPoints: Handler<'fieldwork', 'listContactPoints'> = async ({ near }, { store, actor }) => {
  const points = (
    await readAll<ContactPoint>(store, 'contactPoints', { cadreOpenids: actor.openid, active: true }, [['name', 1]])
  ).map((point) => ({
    ...point,
    distanceMeters: near ? Math.round(distanceMeters(point.location, toWgs84(near, near.system))) : null,
  }))
  if (near) points.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0))
  return ok(points)
}

/** The contact points a supervisor (their subtree) or an admin (all) manages, each with its place (WGS-84). */
export const listManagedContactPoints: Handler<'fieldwork', 'listManagedContactPoints'> = async (
  _input,
  { store, actor },
) => {
  const scope = listScope(actor, 'contactPoint.manage')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  const points = await readAll<ContactPoint>(
    store,
    'contactPoints',
    scope.kind === 'subtree' ? { unitPath: scope.unitId } : {},
    [['name', 1]],
  )
  // Each person once, however many points they go to.
  const openids = [...new Set(points.flatMap((point) => point.cadreOpenids))]
  const users = await Promise.all(openids.map((openid) => store.get<User>('users', openid)))
  const names = new Map(users.filter((user): user is User => user !== null).map((user) => [user._id, user.name]))
  return ok(
    points.map((point) => ({
      ...point,
      cadres: point.cadreOpenids.map((openid) => ({ openid, name: names.get(openid) ?? '' })),
    })),
  )
}

/** A place as the phone or map gave it, stored in WGS-84 with its GeoJSON copy. */
function placeOf(position: GeoPoint & { system: CoordinateSystem }): Pick<ContactPoint, 'location' | 'geo'> {
  const location = toWgs84(position, position.system)
  return { location, geo: { type: 'Point', coordinates: [location.lng, location.lat] } }
}

/** Who may be sent to a contact point: active cadres and supervisors the manager may manage (an admin: anyone). */
async function checkCadres(store: Store, actor: Actor, openids: readonly string[]): Promise<Fail | null> {
  for (const openid of new Set(openids)) {
    const user = await store.get<User>('users', openid)
    if (!user) return fail('CONTACT_POINT.BAD_CADRE', undefined, 'cadreOpenids')
    if (!isActiveOfficial(user) || !may(actor, 'contactPoint.manage', { ownerOpenids: [], unitIds: user.unitPath })) {
      const message = `“${user.name || '此人'}”不能派到联系点：须是您辖区内在岗的党员干部或督办领导`
      return fail('CONTACT_POINT.BAD_CADRE', message, 'cadreOpenids')
    }
  }
  return null
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
  const badCadre = await checkCadres(store, actor, input.cadreOpenids)
  if (badCadre) return badCadre
  const point: ContactPoint = {
    _id: `cp-${randomUUID()}`,
    type: input.type,
    name: input.name,
    unitId: unit.data._id,
    unitPath: unitPath(unit.data),
    ...placeOf(input.position),
    radiusMeters: input.radiusMeters,
    cadreOpenids: [...new Set(input.cadreOpenids)],
    active: true,
    createdAt: clock.now(),
    version: 1,
  }
  await store.insert('contactPoints', point)
  return ok(point)
}

/** Changes a point's name, place, radius or cadres, deactivates it, or brings it back (not in a deactivated unit). */
export const updateContactPoint: Handler<'fieldwork', 'updateContactPoint'> = async (input, { store, actor }) => {
  const point = await store.get<ContactPoint>('contactPoints', input.id)
  if (!point) return fail('CONTACT_POINT.NOT_FOUND')
  if (!may(actor, 'contactPoint.manage', { ownerOpenids: [], unitIds: point.unitPath })) return fail('AUTH.FORBIDDEN')
  if (input.cadreOpenids) {
    const badCadre = await checkCadres(store, actor, input.cadreOpenids)
    if (badCadre) return badCadre
  }
  if (input.active && !point.active && !(await activeUnit(store, point.unitId)).ok) {
    return fail('ORG.INACTIVE', '联系点所在的组织已停用，请先重新启用该组织', 'active')
  }
  const fields: Partial<ContactPoint> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.position ? placeOf(input.position) : {}),
    ...(input.cadreOpenids ? { cadreOpenids: [...new Set(input.cadreOpenids)] } : {}),
    ...(input.radiusMeters !== undefined ? { radiusMeters: input.radiusMeters } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  }
  if (!(await store.updateIfVersion('contactPoints', point._id, input.expectedVersion, fields)))
    return fail('RECORD.CONFLICT')
  return ok({ ...point, ...fields, version: input.expectedVersion + 1 })
}
