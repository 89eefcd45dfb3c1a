import {
  COVERING_SUPERVISORS,
  NOTIFICATION_TEMPLATES,
  planNewCaseNotifications,
  type Notification,
} from '@core/case/notifications'
import type { Case } from '@core/case/case'
import { unitPath, type OrgUnit } from '@core/org/org'
import type { User } from '@core/user/user'
import type { Store } from '../ports/store'
import type { HandlerContext } from './context'

/** Uses up one of an official's grants for this template; false when none is left. */
async function useStaffGrant(store: Store, openid: string, template: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const user = await store.get<User>('users', openid)
    const left = user?.subscriptions?.[template] ?? 0
    if (!user || !user.active || left <= 0) return false
    const subscriptions = { ...user.subscriptions, [template]: left - 1 }
    if (await store.updateIfVersion('users', openid, user.version, { subscriptions })) return true
  }
  return false
}

/**
 * Sends the messages an action planned. A reporter's grants were counted on the case by the core;
 * an official's are counted here, on their user record: without a grant WeChat would refuse, so
 * nothing is sent. A message that cannot be sent does not undo the action; it is logged.
 */
export async function deliver(
  ctx: Pick<HandlerContext, 'store' | 'notifier'>,
  notifications: readonly Notification[],
): Promise<void> {
  for (const planned of notifications) {
    const expanded =
      planned.recipient === COVERING_SUPERVISORS && planned.covering
        ? (await coveringSupervisorsOrNone(ctx.store, await coveredPath(ctx.store, planned.covering)))
            .filter((openid) => !planned.covering?.except.includes(openid))
            .map((recipient) => ({ ...planned, recipient }))
        : [planned]
    for (const notification of expanded) await deliverOne(ctx, notification)
  }
}

async function deliverOne(
  { store, notifier }: Pick<HandlerContext, 'store' | 'notifier'>,
  notification: Notification,
): Promise<void> {
  try {
    const staff = NOTIFICATION_TEMPLATES[notification.template].audience === 'staff'
    if (staff && !(await useStaffGrant(store, notification.recipient, notification.template))) return
    const { covering: _resolved, ...message } = notification
    await notifier.send(message)
  } catch (error) {
    console.error('[notifier]', error)
  }
}

/**
 * The units whose supervisors cover a message: the case's area, or a unit named by the core (the
 * responsible unit of a 督办) with its ancestors — without the unit itself for an escalation, which
 * goes one level up. A unit that is gone falls back to the area.
 */
async function coveredPath(store: Store, covering: NonNullable<Notification['covering']>): Promise<string[]> {
  let path = covering.areaUnitPath
  if (covering.unitId) {
    const unit = await store.get<OrgUnit>('orgUnits', covering.unitId).catch(() => null)
    if (unit) path = unitPath(unit)
  }
  return covering.above ? path.slice(0, -1) : path
}

/** The active supervisors of the case's area unit or, if it has none, of its nearest ancestor that has some. */
async function coveringSupervisors(store: Store, areaUnitPath: readonly string[]): Promise<string[]> {
  for (const unitId of [...areaUnitPath].reverse()) {
    const supervisors = await store.query<User>('users', {
      filter: { unitId, role: 'supervisor', active: true },
      sort: [['_id', 1]],
      offset: 0,
      limit: 100,
    })
    if (supervisors.length > 0) return supervisors.map((user) => user._id)
  }
  return []
}

/** How often the covering supervisors are asked for when the store fails. */
const LOOKUP_ATTEMPTS = 3

/**
 * The covering supervisors, asked for again when the store fails: the action they are told of is
 * already written, so a lookup that keeps failing tells nobody (logged) rather than fail the action.
 */
async function coveringSupervisorsOrNone(store: Store, areaUnitPath: readonly string[]): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await coveringSupervisors(store, areaUnitPath)
    } catch (error) {
      if (attempt >= LOOKUP_ATTEMPTS) {
        console.error('[notifier] the covering supervisors could not be found; not told', error)
        return []
      }
    }
  }
}

/** Tells the covering supervisors of a case that has just been created. */
export async function announceNewCase(ctx: Pick<HandlerContext, 'store' | 'notifier'>, doc: Case): Promise<void> {
  const supervisors = await coveringSupervisorsOrNone(ctx.store, doc.areaUnitPath)
  await deliver(ctx, planNewCaseNotifications(doc, supervisors))
}
