import { randomUUID } from 'node:crypto'
import type { ContactPoint } from '@core/fieldwork/fieldwork'
import { distanceMeters, toWgs84 } from '@core/geo'
import { unitPath } from '@core/org/org'
import { listScope, may } from '@core/permissions'
import { fail, ok } from '@core/result'
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

/** The contact points a supervisor (their subtree) or an admin (all) manages. */
export const listManagedContactPoints: Handler<'fieldwork', 'listManagedContactPoints'> = async (
  _input,
  { store, actor },
) => {
  const scope = listScope(actor, 'contactPoint.manage')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织')
  return ok(
    await readAll<ContactPoint>(store, 'contactPoints', scope.kind === 'subtree' ? { unitPath: scope.unitId } : {}, [
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
