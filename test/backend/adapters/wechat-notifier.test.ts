import type { Notification } from '@core/case/notifications'
import { WechatNotifier, type SubscribeMessageApi } from '../../../backend/adapters/wechat.notifier'

function notifierSending(): { sent: unknown[]; notifier: WechatNotifier } {
  const sent: unknown[] = []
  const api: SubscribeMessageApi = {
    subscribeMessage: {
      send: async (message) => {
        sent.push(message)
        return {}
      },
    },
  }
  return { sent, notifier: new WechatNotifier(() => api, { taskAssigned: 'tmpl-task' }) }
}

const base: Notification = {
  template: 'taskAssigned',
  recipient: 'cadre-old',
  caseId: 'case-1',
  caseNumber: '2026-000001',
  title: '您的办理任务已改派他人',
  text: '已改派给李娜，您无需再办理',
  page: 'packages/staff/pages/case/index?id=case-1',
}

test('a message goes out on its template with its own title (改派 rides on the task template)', async () => {
  const { sent, notifier } = notifierSending()
  await notifier.send(base)
  expect(sent).toEqual([
    {
      touser: 'cadre-old',
      templateId: 'tmpl-task',
      page: 'packages/staff/pages/case/index?id=case-1',
      data: {
        thing1: { value: '您的办理任务已改派他人' },
        character_string2: { value: '2026-000001' },
        thing3: { value: '已改派给李娜，您无需再办理' },
      },
    },
  ])
})

test('a template without an id in the console is not sent', async () => {
  const { sent, notifier } = notifierSending()
  await notifier.send({ ...base, template: 'taskReopened' })
  expect(sent).toEqual([])
})
