import { rolesAllowed, type PermissionAction } from '@core/permissions'
import type { Role } from '@core/roles'

export interface PageAccess {
  url: string
  label: string
  /** The permission the page's work needs: who may use it is the permission table's answer. */
  permission: PermissionAction
}

/** The pages of the menus, with the permission each needs (one place for menus and gates). */
export const PAGES = {
  cadreHome: { url: '/packages/cadre/pages/home/index', label: '干部工作台', permission: 'case.listMyTasks' },
  supervisorHome: {
    url: '/packages/supervisor/pages/home/index',
    label: '督办工作台',
    permission: 'case.listInScope',
  },
  adminHome: { url: '/packages/admin/pages/home/index', label: '管理工作台', permission: 'org.manage' },
  submit: { url: '/pages/submit/index', label: '我要反映', permission: 'case.submit' },
  scopeCases: { url: '/packages/supervisor/pages/cases/index', label: '辖区诉求', permission: 'case.listInScope' },
  supervision: { url: '/packages/supervisor/pages/supervision/index', label: '督办', permission: 'case.supervise' },
  publishLists: {
    url: '/packages/supervisor/pages/lists/index',
    label: '三个清单',
    permission: 'publication.manage',
  },
  /** Every role (and a first-time visitor) may read it: the page needs no gate. */
  publicLists: { url: '/packages/public/pages/lists/index', label: '公开清单', permission: 'publication.read' },
  tasks: { url: '/packages/cadre/pages/tasks/index', label: '我的任务', permission: 'case.listMyTasks' },
  callbacks: { url: '/packages/cadre/pages/callbacks/index', label: '回访', permission: 'case.listCallbacks' },
  checkin: { url: '/packages/cadre/pages/checkin/index', label: '签到签退', permission: 'checkin.own' },
  visit: { url: '/packages/cadre/pages/visit/index', label: '走访记录', permission: 'visit.record' },
  ledger: { url: '/packages/cadre/pages/ledger/index', label: '民情台账', permission: 'household.list' },
  work: { url: '/packages/cadre/pages/work/index', label: '我的工作', permission: 'checkin.own' },
  onTheSpot: { url: '/packages/cadre/pages/onthespot/index', label: '立行立改', permission: 'case.recordOnTheSpot' },
  points: { url: '/packages/supervisor/pages/points/index', label: '联系点管理', permission: 'contactPoint.manage' },
  scopeCheckins: {
    url: '/packages/supervisor/pages/checkins/index',
    label: '辖区签到记录',
    permission: 'checkin.viewInScope',
  },
  org: { url: '/packages/admin/pages/org/index', label: '组织管理', permission: 'org.manage' },
  users: { url: '/packages/admin/pages/users/index', label: '人员管理', permission: 'user.manage' },
  invitations: { url: '/packages/admin/pages/invitations/index', label: '邀请码管理', permission: 'invitation.manage' },
  settings: { url: '/packages/admin/pages/settings/index', label: '办理时限', permission: 'settings.timeLimits' },
  dashboard: { url: '/packages/dashboard/pages/index/index', label: '统计看板', permission: 'stats.view' },
  figureRecords: { url: '/packages/dashboard/pages/records/index', label: '统计明细', permission: 'stats.view' },
  pledges: { url: '/packages/supervisor/pages/pledges/index', label: '领办情况', permission: 'pledge.board' },
} as const satisfies Record<string, PageAccess>

/** Each official's home: the work pages of the role are listed there (我的 only links to it). */
export const STAFF_HOMES: Record<Exclude<Role, 'resident'>, PageAccess> = {
  cadre: PAGES.cadreHome,
  supervisor: PAGES.supervisorHome,
  admin: PAGES.adminHome,
}

/** Where each role's app opens (the resident's home is the main package's first page). */
export const HOME_URLS: Record<Role, string> = {
  resident: '/pages/index/index',
  cadre: PAGES.cadreHome.url,
  supervisor: PAGES.supervisorHome.url,
  admin: PAGES.adminHome.url,
}

export function mayUse(page: PageAccess, role: Role): boolean {
  return rolesAllowed(page.permission).includes(role)
}
