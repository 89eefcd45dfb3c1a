import type { Case } from './case/case'
import type { Actor } from './roles'

/**
 * The one place that answers "may this actor see this case". The identity issue grows this into
 * the full table of DESIGN.md §4 (supervisor subtrees, handlers); until then only the people who
 * follow a case and admins see it.
 */
export function canViewCase(actor: Actor, doc: Pick<Case, 'followerOpenids'>): boolean {
  if (actor.role === 'admin') return true
  return doc.followerOpenids.includes(actor.openid)
}
