import Taro from '@tarojs/taro'
import { REPORTER_TEMPLATES, type NotificationTemplate, type StaffTemplate } from '@core/case/notifications'

declare const SUBSCRIBE_TEMPLATE_IDS: string

/**
 * Asks WeChat for these templates (at most 3 at once) and answers the ones the person accepted.
 * In the browser (local mode) there is no WeChat to ask: the demo behaves as if all were accepted.
 */
async function requestSubscriptions<T extends NotificationTemplate>(templates: readonly T[]): Promise<T[]> {
  if (process.env.TARO_ENV !== 'weapp') return [...templates]
  let ids: Partial<Record<NotificationTemplate, string>>
  try {
    ids = JSON.parse(SUBSCRIBE_TEMPLATE_IDS || '{}') as Partial<Record<NotificationTemplate, string>>
  } catch {
    return []
  }
  const wanted = templates.filter((template) => ids[template])
  if (wanted.length === 0) return []
  try {
    const answers = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map((template) => ids[template] as string),
      entityIds: [],
    })) as unknown as Record<string, string>
    return wanted.filter((template) => answers[ids[template] as string] === 'accept')
  } catch {
    return []
  }
}

/**
 * Asks the reporter, once, for every message their case may send them (受理, 不予受理/合并, 办结):
 * each WeChat subscription is good for one message. Declined ones are no loss: the case is still
 * sent, and 回访 reaches the reporter instead.
 */
export function requestReporterSubscriptions(): Promise<NotificationTemplate[]> {
  return requestSubscriptions(REPORTER_TEMPLATES)
}

/**
 * Asks an official for one request's messages of their role (新任务, 待派单, 待审核… or 督办提醒),
 * one grant each: a role has more than WeChat's 3 a request, so each request has its own tap.
 */
export function requestStaffSubscriptions(templates: readonly StaffTemplate[]): Promise<StaffTemplate[]> {
  return requestSubscriptions(templates)
}
