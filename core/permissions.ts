import { ROLES, type ActorRole, type Principal, type Role } from './roles'

/**
 * Every permission question in 民情通 is answered here, from this one table (DESIGN.md §4).
 * A grant says on which records a role may take an action:
 * - `any`: every record (or the action needs none),
 * - `own`: records that are the actor's own (cases they follow, their own user record),
 * - `subtree`: records whose unit lies in the actor's org unit or below it,
 * - `handler`: cases the actor is the current handler (承办人) of,
 * - `reporter`: cases the actor reported (for themselves or family) — not those merely followed.
 */
export type Grant = 'any' | 'own' | 'subtree' | 'handler' | 'reporter'

const PERMISSIONS = {
  'case.submit': { resident: ['any'], cadre: [], supervisor: [], admin: [] },
  'case.listMine': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'case.view': {
    resident: ['own'],
    cadre: ['own', 'handler'],
    supervisor: ['own', 'handler', 'subtree'],
    admin: ['any'],
  },
  'case.listInScope': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'case.listMyTasks': { resident: [], cadre: ['any'], supervisor: ['any'], admin: [] },
  'case.dispatch': { resident: [], cadre: [], supervisor: ['subtree'], admin: [] },
  'case.handle': { resident: [], cadre: ['handler'], supervisor: ['handler'], admin: [] },
  'case.reviewClosure': { resident: [], cadre: [], supervisor: ['subtree'], admin: [] },
  'case.reviewExtension': { resident: [], cadre: [], supervisor: ['subtree'], admin: [] },
  'case.recordOnTheSpot': { resident: [], cadre: ['subtree'], supervisor: ['subtree'], admin: [] },
  'case.rate': { resident: ['reporter'], cadre: [], supervisor: [], admin: [] },
  // 回访: a cadre or supervisor of the area phones a reporter who could not be told of the closure.
  'case.rateByCall': { resident: [], cadre: ['subtree'], supervisor: ['subtree'], admin: [] },
  'case.listCallbacks': { resident: [], cadre: ['subtree'], supervisor: ['subtree'], admin: [] },
  // 默认满意: only the system, never a person.
  'case.rateByDefault': { resident: [], cadre: [], supervisor: [], admin: [], system: ['any'] },
  // 督办意见: a supervisor chases the handler of an open case in the subtree (never his own).
  'case.supervise': { resident: [], cadre: [], supervisor: ['subtree'], admin: [] },
  'contactPoint.listMine': { resident: [], cadre: ['any'], supervisor: ['any'], admin: [] },
  'contactPoint.manage': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'checkin.own': { resident: [], cadre: ['any'], supervisor: ['any'], admin: [] },
  'checkin.viewInScope': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'visit.record': { resident: [], cadre: ['subtree'], supervisor: ['subtree'], admin: [] },
  'household.list': { resident: [], cadre: ['subtree'], supervisor: ['subtree'], admin: ['any'] },
  'settings.viewTimeLimits': { resident: [], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'settings.timeLimits': { resident: [], cadre: [], supervisor: [], admin: ['any'] },
  'org.listAreas': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'org.view': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'org.manage': { resident: [], cadre: [], supervisor: [], admin: ['any'] },
  'user.viewSelf': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'user.editSelf': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'user.redeemInvitation': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'] },
  'user.list': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'user.manage': { resident: [], cadre: [], supervisor: [], admin: ['any'] },
  // 统计看板: a cadre his own figures; a supervisor his subtree's; an admin everything.
  'stats.view': { resident: [], cadre: ['own'], supervisor: ['subtree'], admin: ['any'] },
  'invitation.manage': { resident: [], cadre: [], supervisor: [], admin: ['any'] },
  // 三个清单 and 典型案例: drafted and published by a supervisor for his subtree, an admin for any unit.
  'publication.manage': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  // What was published is for everyone, signed in or not.
  'publication.read': { resident: ['any'], cadre: ['any'], supervisor: ['any'], admin: ['any'], anyone: ['any'] },
  // 领办: the leaders to choose from (their names and units are public); the month's board of a
  // subtree (all for an admin); the quotas, which only an admin sets.
  'leader.list': { resident: [], cadre: [], supervisor: ['any'], admin: ['any'] },
  'pledge.board': { resident: [], cadre: [], supervisor: ['subtree'], admin: ['any'] },
  'settings.pledgeQuotas': { resident: [], cadre: [], supervisor: [], admin: ['any'] },
} as const satisfies Record<
  string,
  Record<Role, readonly Grant[]> & { system?: readonly Grant[]; anyone?: readonly Grant[] }
>

export type PermissionAction = keyof typeof PERMISSIONS
export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[]

/** What a permission check needs to know of a record: whose it is and where it sits. */
export interface RecordScope {
  /** OPENIDs for whom the record is their own. */
  ownerOpenids: readonly string[]
  /** A case's reporter, or whoever reported it for them (a follower of a merged case is not one). */
  reporterOpenids?: readonly string[]
  /** Org units the record belongs to, each with all its ancestors (a case: area and responsible unit). */
  unitIds: readonly string[]
  /** A case's current handler (承办人). */
  handlerOpenid?: string | null
  /** Everyone who has handled the case: none of them may approve its closure. */
  handledBy?: readonly string[]
  /** Those from whom the reporter is hidden (匿名: everyone who handled the case). */
  reporterHiddenFrom?: readonly string[]
  /** Everyone who approved a closure of the case. */
  approvedBy?: readonly string[]
}

/**
 * Separation of duties: actions that whoever handled the record may never take on it — approving
 * its closure or its extension, recording the reporter's verdict on the work from a 回访 call, or
 * chasing it (督办).
 */
const NOT_BY_HANDLERS: readonly PermissionAction[] = [
  'case.reviewClosure',
  'case.reviewExtension',
  'case.rateByCall',
  'case.supervise',
]

/** The verdict on the work is not recorded by whoever approved it either. */
const NOT_BY_APPROVERS: readonly PermissionAction[] = ['case.rateByCall']

/** Actions that need the reporter's name and phone: never by someone the reporter is hidden from. */
const NEEDS_REPORTER: readonly PermissionAction[] = ['case.rateByCall']

function grantsOf(role: ActorRole, action: PermissionAction): readonly Grant[] {
  const row: Partial<Record<ActorRole, readonly Grant[]>> = PERMISSIONS[action]
  return row[role] ?? []
}

/** The roles that may take the action on at least some records. */
export function rolesAllowed(action: PermissionAction): Role[] {
  return ROLES.filter((role) => grantsOf(role, action).length > 0)
}

/** Whether anyone may take the action, even without an identity (what was published). */
export function isPublicAction(action: PermissionAction): boolean {
  return Object.hasOwn(PERMISSIONS[action], 'anyone')
}

/** May this actor take this action, on this record if the action concerns one? */
export function may(actor: Principal, action: PermissionAction, record?: RecordScope): boolean {
  if (record && NOT_BY_HANDLERS.includes(action) && (record.handledBy ?? []).includes(actor.openid)) return false
  if (record && NOT_BY_APPROVERS.includes(action) && (record.approvedBy ?? []).includes(actor.openid)) return false
  if (record && NEEDS_REPORTER.includes(action) && (record.reporterHiddenFrom ?? []).includes(actor.openid)) {
    return false
  }
  return grantsOf(actor.role, action).some((grant) => {
    if (grant === 'any') return true
    if (!record) return false
    if (grant === 'own') return record.ownerOpenids.includes(actor.openid)
    if (grant === 'handler') return !!record.handlerOpenid && record.handlerOpenid === actor.openid
    if (grant === 'reporter') return (record.reporterOpenids ?? []).includes(actor.openid)
    return actor.unitId !== null && record.unitIds.includes(actor.unitId)
  })
}

/** For list queries: which records the actor may see, as a filter the server applies itself. */
export type ListScope = { kind: 'all' } | { kind: 'subtree'; unitId: string } | { kind: 'none' }

export function listScope(actor: Principal, action: PermissionAction): ListScope {
  const grants = grantsOf(actor.role, action)
  if (grants.includes('any')) return { kind: 'all' }
  if (grants.includes('subtree') && actor.unitId) return { kind: 'subtree', unitId: actor.unitId }
  return { kind: 'none' }
}
