import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { NOTIFICATION_TEMPLATES, staffTemplateRequests, type StaffTemplate } from '@core/case/notifications'
import type { UserView } from '@core/user/user'
import { ask } from '../services/backend'
import { requestStaffSubscriptions } from '../services/subscriptions'

/**
 * 消息提醒 for officials: each message WeChat lets us send needs one accepted subscription, so the
 * card shows how many of each are left and asks for more. On each official's home (a subpackage).
 */
export default function StaffSubscriptions({ me: signedIn }: { me: UserView }) {
  const [message, setMessage] = useState('')
  // The counts as the last subscription answered them.
  const [me, setMe] = useState(signedIn)
  const requests = staffTemplateRequests(me.role)
  if (requests.length === 0) return null

  // One tap, one request: WeChat asks for at most 3 messages at once (the second is 督办提醒).
  const subscribe = async (templates: readonly StaffTemplate[]) => {
    const accepted = await requestStaffSubscriptions(templates)
    if (accepted.length === 0) return setMessage('没有开启提醒：可在微信弹出的提示中选择“允许”。')
    const result = await ask('users', 'subscribe', { templates: accepted })
    if (!result.ok) return setMessage(result.message)
    setMessage('已开启，收到的每条提醒会用掉一次，用完后请再次开启。')
    setMe(result.data)
  }

  return (
    <View className="mq-card mq-subscriptions">
      <Text className="mq-subtitle">消息提醒</Text>
      {requests.flat().map((template) => (
        <Text key={template} className="mq-hint">
          {NOTIFICATION_TEMPLATES[template].title}：还可提醒 {me.subscriptions?.[template] ?? 0} 次
        </Text>
      ))}
      {message && <Text className="mq-text">{message}</Text>}
      {requests.map((templates, index) => (
        <Button
          key={templates.join()}
          className="mq-tap mq-subscribe"
          type="primary"
          fill="outline"
          onClick={() => void subscribe(templates)}
        >
          {index === 0 ? '开启消息提醒' : '开启督办提醒'}
        </Button>
      ))}
    </View>
  )
}
