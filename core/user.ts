import type { Role } from './roles'

export interface User {
  /** The caller's WeChat OPENID, also the record's key. */
  _id: string
  name: string
  phone: string | null
  role: Role
  unitId: string | null
  active: boolean
  createdAt: number
  version: number
}
