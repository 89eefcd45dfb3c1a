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
