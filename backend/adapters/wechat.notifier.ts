import type { Notification, NotificationTemplate } from '@core/case/notifications'
import type { Notifier } from '../ports/notifier'

/** The part of wx-server-sdk's `cloud.openapi` this uses. */
export interface SubscribeMessageApi {
  subscribeMessage: {
    send(message: {
      touser: string
      templateId: string
      page: string
      data: Record<string, { value: string }>
      miniprogramState?: 'developer' | 'trial' | 'formal'
    }): Promise<unknown>
  }
}

/** Template ids from the WeChat console, by our template name (env SUBSCRIBE_TEMPLATE_IDS, JSON). */
export type TemplateIds = Partial<Record<NotificationTemplate, string>>

const clip = (text: string, max: number) =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`
    : text

/**
 * WeChat subscribe messages through the open API. Each template must have the fields
 * thing1 (title), character_string2 (case number) and thing3 (text) in the WeChat console.
 */
export class WechatNotifier implements Notifier {
  constructor(
    private readonly openapi: () => SubscribeMessageApi,
    private readonly templateIds: TemplateIds,
  ) {}

  async send(notification: Notification): Promise<void> {
    const templateId = this.templateIds[notification.template]
    if (!templateId) {
      console.warn(`[notifier] no template id for ${notification.template}; not sent`)
      return
    }
    await this.openapi().subscribeMessage.send({
      touser: notification.recipient,
      templateId,
      page: notification.page,
      data: {
        thing1: { value: clip(notification.title, 20) },
        character_string2: { value: notification.caseNumber },
        thing3: { value: clip(notification.text || notification.title, 20) },
      },
    })
  }
}
