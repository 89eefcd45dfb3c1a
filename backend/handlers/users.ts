import {
  invitationStatus,
  isWellFormedInvitationCode,
  normalizeInvitationCode,
  type Invitation,
} from '@core/invitation/invitation'
import { unitPath } from '@core/org/org'
import { staffTemplatesFor } from '@core/case/notifications'
import { listScope } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import type { Case } from '@core/case/case'
import { myTasksQuery } from '@core/case/queues'
import {
  OPEN_CASES_NAMED,
  profileAfterReport,
  stillHandlingMessage,
  takesOffDuty,
  toUserView,
  type User,
} from '@core/user/user'
import type { Filter, Store } from '../ports/store'
import type { Handler } from './context'
import { cursorPage } from './paging'
import { activeUnit, unitNames } from './orgs'
import { activeLeaders } from './pledges'

async function viewOf(store: Store, user: User, viewer: Actor) {
  const names = await unitNames(store, [user.unitId])
  return toUserView(user, user.unitId ? (names.get(user.unitId) ?? null) : null, viewer)
}

/** Changes a user record, re-reading and retrying if it changed meanwhile (no one else's input is lost). */
async function changeUser(store: Store, openid: string, change: (user: User) => Partial<User>): Promise<Result<User>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const user = await store.get<User>('users', openid)
    if (!user) return fail('USER.NOT_FOUND')
    const fields = change(user)
    if (await store.updateIfVersion('users', openid, user.version, fields)) {
      return ok({ ...user, ...fields, version: user.version + 1 })
    }
  }
  return fail('RECORD.CONFLICT')
}

/**
 * After a report is stored: what it tells of its sender's own profile is written there (see
 * profileAfterReport). The case stands whatever happens here, so a failure is logged, never answered.
 */
export async function noteReport(
  store: Store,
  openid: string,
  reporter: Parameters<typeof profileAfterReport>[1],
  now: number,
): Promise<void> {
  const user = await store.get<User>('users', openid)
  if (!user || !profileAfterReport(user, reporter)) return
  const changed = await changeUser(store, openid, (current) => ({
    ...profileAfterReport(current, reporter),
    updatedAt: now,
  }))
  if (!changed.ok) console.error('[users] profile not updated after a report', changed.code)
}

export const getMe: Handler<'users', 'me'> = async (_input, { store, actor }) => {
  const user = await store.get<User>('users', actor.openid)
  return user ? ok(await viewOf(store, user, actor)) : fail('USER.NOT_FOUND')
}

export const updateMe: Handler<'users', 'updateMe'> = async ({ name, phone }, { store, clock, actor }) => {
  const changed = await changeUser(store, actor.openid, () => ({
    name,
    ...(phone !== undefined ? { phone } : {}),
    listed: true,
    updatedAt: clock.now(),
  }))
  return changed.ok ? ok(await viewOf(store, changed.data, actor)) : changed
}

/**
 * Redeeming an invitation: the person's name is stored with the role (no official is nameless);
 * rate-limited per person, single use (the invitation is claimed with a conditional update before
 * the role is given), and recorded.
 */
export const redeemInvitation: Handler<'users', 'redeem'> = async ({ code, name }, { store, clock, actor }) => {
  const now = clock.now()
  const named = name ?? actor.name
  if (!named) return fail('INPUT.INVALID', '请填写姓名', 'name')

  const normalized = normalizeInvitationCode(code)
  if (!isWellFormedInvitationCode(normalized)) return fail('INVITE.INVALID', undefined, 'code')
  const invitation = await store.get<Invitation>('invitations', normalized)
  if (!invitation) return fail('INVITE.INVALID', undefined, 'code')
  const status = invitationStatus(invitation, now)
  if (status === 'expired') return fail('INVITE.EXPIRED', undefined, 'code')
  if (status === 'revoked') return fail('INVITE.REVOKED', undefined, 'code')
  if (status === 'redeemed') return fail('INVITE.USED', undefined, 'code')
  const unit = await activeUnit(store, invitation.unitId)
  if (!unit.ok) return fail('ORG.INACTIVE', '邀请对应的组织已停用，请联系管理员')

  const claimed = await store.updateIfVersion('invitations', normalized, invitation.version, {
    redeemedBy: actor.openid,
    redeemedAt: now,
  })
  if (!claimed) return fail('INVITE.USED', undefined, 'code')
  const changed = await changeUser(store, actor.openid, () => ({
    name: named,
    role: invitation.role,
    listed: true,
    unitId: unit.data._id,
    unitPath: unitPath(unit.data),
    updatedAt: now,
  }))
  if (!changed.ok) return changed
  await store.insert('redemptions', {
    _id: normalized,
    openid: actor.openid,
    previousRole: actor.role,
    role: invitation.role,
    unitId: unit.data._id,
    at: now,
  })
  return ok(await viewOf(store, changed.data, { ...actor, role: invitation.role, name: named }))
}

/** People in the caller's subtree (all for an admin), by name, anonymous visitors left out; searchable and filtered by role on the server. */
export const listUsers: Handler<'users', 'list'> = async (
  { query, role, roles, active, cursor, pageSize },
  { store, actor },
) => {
  const scope = listScope(actor, 'user.list')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织，暂时看不到人员')
  const filter: Filter = {
    // Never the records first contact made for anonymous visitors.
    listed: true,
    ...(scope.kind === 'subtree' ? { unitPath: scope.unitId } : {}),
    ...(role ? { role } : {}),
    ...(roles && !role ? { role: { $in: roles } } : {}),
    ...(active !== undefined ? { active } : {}),
    // By the start of the name (王, 王强): a range on the name index, however many users there are.
    ...(query ? { name: { $prefix: query } } : {}),
  }
  const page = await cursorPage<User, User>(store, 'users', { filter, sort: [['name', 1]], cursor, pageSize }, (u) => u)
  if (!page.ok) return page
  const names = await unitNames(
    store,
    page.data.items.map((user) => user.unitId),
  )
  return ok({
    ...page.data,
    items: page.data.items.map((user) =>
      toUserView(user, user.unitId ? (names.get(user.unitId) ?? null) : null, actor),
    ),
  })
}

/**
 * An official who is the current handler of open cases is not taken off duty (停用, or a role that
 * does no case work) until a supervisor reassigns them: the refusal names the cases.
 */
async function refuseIfStillHandling(store: Store, user: User, change: Partial<User>): Promise<Result<never> | null> {
  if (!takesOffDuty(user, change)) return null
  const { filter, sort } = myTasksQuery(user._id)
  const total = await store.count('cases', filter as Filter)
  if (total === 0) return null
  const first = await store.query<Case>('cases', { filter: filter as Filter, sort, offset: 0, limit: OPEN_CASES_NAMED })
  return fail(
    'USER.HANDLES_OPEN_CASES',
    stillHandlingMessage(
      user.name,
      first.map((doc) => doc.number),
      total,
    ),
    change.active === false ? 'active' : 'role',
  )
}

export const updateUser: Handler<'users', 'update'> = async (input, { store, clock, actor }) => {
  if (input.openid === actor.openid && (input.role !== undefined || input.active !== undefined)) {
    return fail('USER.SELF_CHANGE')
  }
  const user = await store.get<User>('users', input.openid)
  if (!user) return fail('USER.NOT_FOUND')
  const fields: Partial<User> = { updatedAt: clock.now() }
  if (input.role !== undefined) Object.assign(fields, { role: input.role, listed: true })
  if (input.active !== undefined) fields.active = input.active
  if (input.leaderRank !== undefined) fields.leaderRank = input.leaderRank
  if (input.unitId !== undefined) {
    if (input.unitId === null) Object.assign(fields, { unitId: null, unitPath: [] })
    else {
      const unit = await activeUnit(store, input.unitId)
      if (!unit.ok) return { ...unit, field: 'unitId' }
      Object.assign(fields, { unitId: unit.data._id, unitPath: unitPath(unit.data) })
    }
  }
  const refused = await refuseIfStillHandling(store, user, fields)
  if (refused) return refused
  const role = fields.role ?? user.role
  const unitId = fields.unitId !== undefined ? fields.unitId : user.unitId
  if ((role === 'cadre' || role === 'supervisor') && !unitId) {
    return fail('INPUT.INVALID', '党员干部和督办领导须有所属组织', 'unitId')
  }
  // 领导职务 is for officials: a leader leads cases and is counted on the 领办 board (a leader who
  // becomes a resident or an admin has his rank taken off in the same change).
  const rank = fields.leaderRank !== undefined ? fields.leaderRank : (user.leaderRank ?? null)
  if (rank !== null && role !== 'cadre' && role !== 'supervisor') {
    return fail('INPUT.INVALID', '只有党员干部和督办领导可以设为领导，请先把领导职务改为“不是领导”', 'leaderRank')
  }
  if (!(await store.updateIfVersion('users', user._id, input.expectedVersion, fields))) return fail('RECORD.CONFLICT')
  return ok(await viewOf(store, { ...user, ...fields, version: input.expectedVersion + 1 }, actor))
}

/** 消息提醒: an official records the message grants they just accepted in WeChat; each is good for one message. */
export const subscribe: Handler<'users', 'subscribe'> = async ({ templates }, { store, clock, actor }) => {
  const allowed = staffTemplatesFor(actor.role)
  if (templates.some((template) => !allowed.includes(template))) {
    return fail('INPUT.INVALID', '这类消息不适用于您的身份', 'templates')
  }
  const changed = await changeUser(store, actor.openid, (user) => {
    const subscriptions = { ...(user.subscriptions ?? {}) }
    for (const template of templates) subscriptions[template] = (subscriptions[template] ?? 0) + 1
    return { subscriptions, updatedAt: clock.now() }
  })
  return changed.ok ? ok(await viewOf(store, changed.data, actor)) : changed
}

/** The leaders to choose 领办领导 from: every active leader, with their unit (names and units are public). */
export const listLeaders: Handler<'users', 'listLeaders'> = async (_input, { store }) => {
  const leaders = await activeLeaders(store, null)
  const names = await unitNames(
    store,
    leaders.map((user) => user.unitId),
  )
  return ok(
    leaders.map((user) => ({
      openid: user._id,
      name: user.name,
      leaderRank: user.leaderRank ?? 'other',
      unitId: user.unitId,
      unitName: user.unitId ? (names.get(user.unitId) ?? null) : null,
    })),
  )
}
