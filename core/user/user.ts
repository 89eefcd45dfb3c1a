import { z } from 'zod'
import { maskPhone } from '../privacy/mask'
import { ROLES, type Actor, type Role } from '../roles'

export interface User {
  /** The caller's WeChat OPENID, also the record's key. */
  _id: string
  name: string
  phone: string | null
  role: Role
  unitId: string | null
  /** The unit and its ancestors: "users in my subtree" is one indexed query. */
  unitPath: string[]
  active: boolean
  /** An official's remaining WeChat subscribe-message grants, per template (a reporter's are on the case). */
  subscriptions?: Record<string, number>
  createdAt: number
  updatedAt: number
  version: number
}

export function newResident(openid: string, now: number): User {
  return {
    _id: openid,
    name: '',
    phone: null,
    role: 'resident',
    unitId: null,
    unitPath: [],
    active: true,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
}

export const userViewSchema = z.strictObject({
  openid: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  active: z.boolean(),
  /** The person's own remaining message grants (null for anyone else). */
  subscriptions: z.record(z.string(), z.number()).nullable(),
  version: z.number(),
})
export type UserView = z.infer<typeof userViewSchema>

/** A user as `viewer` may see them: the phone is masked for anyone but its owner and admins. */
export function toUserView(user: User, unitName: string | null, viewer: Actor): UserView {
  const fullPhone = viewer.openid === user._id || viewer.role === 'admin'
  return {
    openid: user._id,
    name: user.name,
    phone: user.phone && !fullPhone ? maskPhone(user.phone) : user.phone,
    role: user.role,
    unitId: user.unitId,
    unitName,
    active: user.active,
    subscriptions: viewer.openid === user._id ? (user.subscriptions ?? {}) : null,
    version: user.version,
  }
}
