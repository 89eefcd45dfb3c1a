import * as z from 'zod/mini'
import { maskPhone } from '../privacy/mask'
import { ROLES, type Actor, type Role } from '../roles'

/** 领导职务: the plan's 管理区党政主职领导 (2 领办 a month) and 其他领导班子成员 (1). */
export const LEADER_RANKS = ['principal', 'other'] as const
export type LeaderRank = (typeof LEADER_RANKS)[number]
export const LEADER_RANK_LABELS: Record<LeaderRank, string> = { principal: '主要领导', other: '其他领导' }

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
  /**
   * Shown in 人员管理 and the pickers of people: set once the person has a name, has reported a
   * case or holds a role, and never unset. The records first contact creates for anonymous
   * visitors stay unlisted (an indexed flag, so the list stays one query however many they are).
   */
  listed: boolean
  /**
   * 领导职务 for 领办 (主要领导 / 其他领导), set by an admin; null or absent (records older than the
   * field) for everyone else.
   */
  leaderRank?: LeaderRank | null
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
    listed: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
}

/** Whether a person is more than an anonymous visitor: named, or holding a role (reporting is the store's to tell). */
export function isKnownPerson(user: Pick<User, 'name' | 'role'>): boolean {
  return user.name !== '' || user.role !== 'resident'
}

/** An official who can be sent to work: a case's handler, a contact point's cadre. */
export function isActiveOfficial(user: Pick<User, 'active' | 'role'>): boolean {
  return user.active && (user.role === 'cadre' || user.role === 'supervisor')
}

/** A leader a case may be led by (领办领导) or pledged to: an active official with a rank. */
export function isActiveLeader(user: Pick<User, 'active' | 'role' | 'leaderRank'>): boolean {
  return isActiveOfficial(user) && (user.leaderRank ?? null) !== null
}

/**
 * Whether a change to a user takes an active official off duty (停用, or a role that does no case
 * work): the current handler of an open case must stay one, so such a change waits for 改派.
 */
export function takesOffDuty(
  user: Pick<User, 'active' | 'role'>,
  change: Partial<Pick<User, 'active' | 'role'>>,
): boolean {
  return isActiveOfficial(user) && !isActiveOfficial({ ...user, ...change })
}

/** How many of the open cases a refusal names; the rest are counted. */
export const OPEN_CASES_NAMED = 5

/**
 * Why an official cannot be taken off duty yet: the open cases they handle, by number (the first
 * few when there are many — the soonest due — and how many more), so the admin knows what to have
 * reassigned.
 */
export function stillHandlingMessage(name: string, numbers: readonly string[], total: number): string {
  // In number order, easy to look up one by one.
  const named = numbers.slice(0, OPEN_CASES_NAMED).sort().join('、')
  const more = total > OPEN_CASES_NAMED ? `等，另有 ${total - OPEN_CASES_NAMED} 条` : ''
  return `${name || '此人'}还在承办 ${total} 条未办结的诉求：${named}${more}。请督办领导先在诉求页“改派”给别人，再停用或更改角色。`
}

/**
 * What a report changes in its sender's own profile: a reporter is listed, and one who reports for
 * themself gets the name and phone they typed where their profile has none yet, so the next
 * report is prefilled (null: nothing to change).
 */
export function profileAfterReport(
  user: Pick<User, 'name' | 'phone' | 'listed'>,
  reporter: { name: string; phone: string; relation: 'self' | 'family' },
): Partial<User> | null {
  const self = reporter.relation === 'self'
  const fields: Partial<User> = {
    ...(user.listed ? {} : { listed: true }),
    ...(self && !user.name ? { name: reporter.name } : {}),
    ...(self && !user.phone ? { phone: reporter.phone } : {}),
  }
  return Object.keys(fields).length > 0 ? fields : null
}

export const userViewSchema = z.strictObject({
  openid: z.string(),
  name: z.string(),
  phone: z.nullable(z.string()),
  role: z.enum(ROLES),
  unitId: z.nullable(z.string()),
  unitName: z.nullable(z.string()),
  active: z.boolean(),
  /** 领导职务 (null: not a leader). */
  leaderRank: z.nullable(z.enum(LEADER_RANKS)),
  /** The person's own remaining message grants (null for anyone else). */
  subscriptions: z.nullable(z.record(z.string(), z.number())),
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
    leaderRank: user.leaderRank ?? null,
    subscriptions: viewer.openid === user._id ? (user.subscriptions ?? {}) : null,
    version: user.version,
  }
}

/** One choice in the pickers of leaders (领办领导): leaders' names and units are public. */
export const leaderSchema = z.strictObject({
  openid: z.string(),
  name: z.string(),
  leaderRank: z.enum(LEADER_RANKS),
  unitId: z.nullable(z.string()),
  unitName: z.nullable(z.string()),
})
export type Leader = z.infer<typeof leaderSchema>
