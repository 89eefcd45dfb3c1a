import Taro from '@tarojs/taro'
import { REPORTER_TEMPLATES, type NotificationTemplate } from '@core/case/notifications'

declare const SUBSCRIBE_TEMPLATE_IDS: string

/**
 * Asks the reporter, once, for every message their case may send them (受理, 不予受理/合并, 办结):
 * each WeChat subscription is good for one message. Answers the templates they accepted. In the
 * browser (local mode) there is no WeChat to ask: the demo behaves as if all were accepted.
 */
export async function requestReporterSubscriptions(): Promise<NotificationTemplate[]> {
  if (process.env.TARO_ENV !== 'weapp') return [...REPORTER_TEMPLATES]
  let ids: Partial<Record<NotificationTemplate, string>>
  try {
    ids = JSON.parse(SUBSCRIBE_TEMPLATE_IDS || '{}') as Partial<Record<NotificationTemplate, string>>
  } catch {
    return []
  }
  const wanted = REPORTER_TEMPLATES.filter((template) => ids[template])
  if (wanted.length === 0) return []
  try {
    const answers = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map((template) => ids[template] as string),
      entityIds: [],
    })) as unknown as Record<string, string>
    return wanted.filter((template) => answers[ids[template] as string] === 'accept')
  } catch {
    // Declined or unsupported: the case is still sent; 回访 reaches the reporter instead.
    return []
  }
}
