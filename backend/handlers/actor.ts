import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { newResident, type User } from '@core/user/user'
import type { Deps } from './context'

/**
 * Who is calling, from the server's own records. First contact creates a resident (DESIGN.md §4);
 * roles come only from the users collection, never from the request. An OPENID listed in the
 * bootstrap setting is made admin, which is how a fresh deployment gets its first one.
 */
export async function resolveActor({ store, clock, settings }: Deps, openid: string): Promise<Result<Actor>> {
  let user = await store.get<User>('users', openid)
  if (!user) {
    await store.insert('users', newResident(openid, clock.now()))
    user = await store.get<User>('users', openid)
    if (!user) return fail('SYSTEM.ERROR')
  }
  if (settings.bootstrapAdminOpenids.includes(openid) && (user.role !== 'admin' || !user.active)) {
    const promoted = { role: 'admin' as const, active: true, listed: true, updatedAt: clock.now() }
    if (await store.updateIfVersion('users', openid, user.version, promoted)) user = { ...user, ...promoted }
  }
  if (!user.active) return fail('AUTH.DEACTIVATED')
  return ok({ openid, role: user.role, unitId: user.unitId, name: user.name })
}
