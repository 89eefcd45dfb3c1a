import type { Notification } from '@core/case/notifications'

/** Sends the messages the lifecycle plans: WeChat subscribe messages in production, an outbox locally. */
export interface Notifier {
  send(notification: Notification): Promise<void>
}
