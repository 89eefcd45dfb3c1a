import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionSheet, Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type Role } from '@core/roles'
import { formatChinaTime } from '@core/time'
import {
  currentOpenid,
  listDemoMessages,
  listDemoUsers,
  switchDemoUser,
  type DemoMessage,
  type DemoUser,
} from '../services/identity'

/** Local mode only (H5 against the local server): act as one of the demo users. */
export default function DemoSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const [users, setUsers] = useState<DemoUser[]>([])
  const [open, setOpen] = useState(false)
  const [current, setCurrent] = useState(currentOpenid())

  const [messages, setMessages] = useState<DemoMessage[]>([])

  useEffect(() => {
    listDemoUsers()
      .then(setUsers)
      .catch(() => setUsers([]))
  }, [])
  useEffect(() => {
    if (!current) return
    listDemoMessages(current)
      .then(setMessages)
      .catch(() => setMessages([]))
  }, [current])

  const me = users.find((user) => user.openid === current)
  const label = (user: DemoUser) =>
    `${user.name}（${ROLE_LABELS[user.role as Role] ?? user.role}${user.unit ? ` · ${user.unit}` : ''}）`

  return (
    <View className="mq-card">
      <Text className="mq-hint">本地演示模式 · 当前身份：{me ? label(me) : '新访客（群众）'}</Text>
      <Button className="mq-tap" fill="outline" onClick={() => setOpen(true)}>
        切换演示身份
      </Button>
      {messages.length > 0 && (
        <View className="demo__messages">
          <Text className="mq-label">演示消息（在微信里会收到的订阅消息）</Text>
          {messages.slice(0, 5).map((message) => (
            // Tapping a message opens its page, as tapping it in WeChat does.
            <View
              key={`${message.at}-${message.caseNumber}-${message.title}`}
              className="demo__message"
              role="link"
              onClick={() => void Taro.navigateTo({ url: `/${message.page}` })}
            >
              <Text className="mq-hint">
                {formatChinaTime(message.at)} {message.title} · {message.caseNumber}
                {message.text ? ` · ${message.text}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
      <ActionSheet
        visible={open}
        title="选择演示身份"
        options={users.map((user) => ({ name: label(user), openid: user.openid }))}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onSelect={(item) => {
          switchDemoUser(String(item.openid))
          setCurrent(String(item.openid))
          setOpen(false)
          onSwitched()
        }}
      />
    </View>
  )
}
