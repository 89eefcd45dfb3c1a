import { rolesAllowed, type PermissionAction } from '@core/permissions'
import type { Role } from '@core/roles'

/**
 * The staff pages and the permission each needs. Who sees an entry is the permission table's
 * answer (rolesAllowed), never a second table here.
 */
const STAFF_ENTRIES: ReadonlyArray<{ label: string; url: string; permission: PermissionAction }> = [
  { label: '辖区诉求', url: '/packages/supervisor/pages/cases/index', permission: 'case.listInScope' },
  { label: '我的任务', url: '/packages/cadre/pages/tasks/index', permission: 'case.listMyTasks' },
  { label: '回访', url: '/packages/cadre/pages/callbacks/index', permission: 'case.listCallbacks' },
  { label: '签到签退', url: '/packages/cadre/pages/checkin/index', permission: 'checkin.own' },
  { label: '走访记录', url: '/packages/cadre/pages/visit/index', permission: 'visit.record' },
  { label: '民情台账', url: '/packages/cadre/pages/ledger/index', permission: 'household.list' },
  { label: '我的工作', url: '/packages/cadre/pages/work/index', permission: 'checkin.own' },
  { label: '立行立改', url: '/packages/cadre/pages/onthespot/index', permission: 'case.recordOnTheSpot' },
  { label: '联系点管理', url: '/packages/supervisor/pages/points/index', permission: 'contactPoint.manage' },
  { label: '辖区签到记录', url: '/packages/supervisor/pages/checkins/index', permission: 'checkin.viewInScope' },
  { label: '组织管理', url: '/packages/admin/pages/org/index', permission: 'org.manage' },
  { label: '人员管理', url: '/packages/admin/pages/users/index', permission: 'user.manage' },
  { label: '邀请码管理', url: '/packages/admin/pages/invitations/index', permission: 'invitation.manage' },
  { label: '办理时限', url: '/packages/admin/pages/settings/index', permission: 'settings.timeLimits' },
]

/** The staff pages this role may use. */
export function staffEntriesFor(role: Role) {
  return role === 'resident' ? [] : STAFF_ENTRIES.filter((entry) => rolesAllowed(entry.permission).includes(role))
}
