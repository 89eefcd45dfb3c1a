export const ROLES = ['resident', 'cadre', 'supervisor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '群众',
  cadre: '党员干部',
  supervisor: '督办领导',
  admin: '管理员',
}

/** Who may call an action at all; `anyone` also admits callers without an identity. */
export type Caller = Role | 'anyone'

/** The person behind a request, as the server resolved it (never as the client claimed). */
export interface Actor {
  openid: string
  role: Role
  unitId: string | null
  name: string
}

/**
 * Whoever takes an action on a record: a person, or the system itself running a scheduled rule
 * (默认满意). The system is never a caller of a function; it only appears in the tables.
 */
export const ACTOR_ROLES = [...ROLES, 'system'] as const
export type ActorRole = (typeof ACTOR_ROLES)[number]
export type Principal = Omit<Actor, 'role'> & { role: ActorRole }

export const SYSTEM_ACTOR: Principal = { openid: 'system', role: 'system', unitId: null, name: '系统' }

/** What each kind of actor is called where people see it (a timeline entry). */
export const ACTOR_LABELS: Record<ActorRole, string> = { ...ROLE_LABELS, system: '系统' }
