import { randomUUID } from 'node:crypto'
import type { Notification } from '@core/case/notifications'
import type { Clock } from '../ports/clock'
import type { Notifier } from '../ports/notifier'
import type { Store } from '../ports/store'

export interface OutboxMessage extends Notification {
  _id: string
  at: number
}

/** Local mode: messages land in the `outbox` collection, which the demo UI and tests read. */
export class OutboxNotifier implements Notifier {
  private sequence = 0

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async send(notification: Notification): Promise<void> {
    const at = this.clock.now()
    this.sequence += 1
    // Ids sort in sending order, even for messages sent in the same millisecond.
    const _id = `${String(at).padStart(15, '0')}-${String(this.sequence).padStart(9, '0')}-${randomUUID().slice(0, 8)}`
    const message: OutboxMessage = { _id, at, ...notification }
    await this.store.insert('outbox', message)
  }
}

export function readOutbox(store: Store, recipient?: string): Promise<OutboxMessage[]> {
  return store.query<OutboxMessage>('outbox', {
    filter: recipient ? { recipient } : {},
    sort: [['_id', -1]],
    offset: 0,
    limit: 200,
  })
}
