import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import type { User } from '@core/user'
import type { Store } from '../ports/store'

/**
 * Who is calling, from the server's own records. A caller we have never seen is a resident
 * (DESIGN.md §4); roles come only from the users collection, never from the request.
 */
export async function resolveActor(store: Store, openid: string): Promise<Result<Actor>> {
  const user = await store.get<User>('users', openid)
  if (!user) return ok({ openid, role: 'resident', unitId: null, name: '' })
  if (!user.active) return fail('AUTH.DEACTIVATED')
  return ok({ openid, role: user.role, unitId: user.unitId, name: user.name })
}
