import type { Role } from '@core/roles'
import { mayUse, PAGES, type PageAccess } from './page-access'

/** The staff pages 我的 lists, in this order; who sees one is the permission table's answer. */
const STAFF_ENTRIES: readonly PageAccess[] = [
  PAGES.scopeCases,
  PAGES.dashboard,
  PAGES.supervision,
  PAGES.publishLists,
  PAGES.pledges,
  PAGES.tasks,
  PAGES.callbacks,
  PAGES.checkin,
  PAGES.visit,
  PAGES.ledger,
  PAGES.work,
  PAGES.onTheSpot,
  PAGES.points,
  PAGES.scopeCheckins,
  PAGES.org,
  PAGES.users,
  PAGES.invitations,
  PAGES.settings,
  PAGES.publicLists,
]

/** The staff pages this role may use. */
export function staffEntriesFor(role: Role): PageAccess[] {
  return role === 'resident' ? [] : STAFF_ENTRIES.filter((entry) => mayUse(entry, role))
}
