import type { Notification } from '@core/case/notifications'
import type { HandlerContext } from './context'

/** Sends the messages an action planned. A message that cannot be sent does not undo the action; it is logged. */
export async function deliver({ notifier }: Pick<HandlerContext, 'notifier'>, notifications: readonly Notification[]) {
  for (const notification of notifications) {
    await notifier.send(notification).catch((error: unknown) => console.error('[notifier]', error))
  }
}
