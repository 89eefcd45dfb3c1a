import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@core/roles'
import type { UserView } from '@core/user/user'
import Page from '../../components/Page'
import { ask } from '../../services/backend'
import './index.scss'
import { ErrorNotice, SuccessNotice } from '../../components/Notice'

const STAFF_ENTRIES = {
  cadre: [
    { label: '签到签退', url: '/packages/cadre/pages/checkin/index' },
    { label: '走访记录', url: '/packages/cadre/pages/visit/index' },
    { label: '民情台账', url: '/packages/cadre/pages/ledger/index' },
    { label: '我的工作', url: '/packages/cadre/pages/work/index' },
    { label: '我的任务', url: '/packages/cadre/pages/tasks/index' },
    { label: '回访', url: '/packages/cadre/pages/callbacks/index' },
    { label: '立行立改', url: '/packages/cadre/pages/onthespot/index' },
  ],
  supervisor: [
    { label: '辖区诉求', url: '/packages/supervisor/pages/cases/index' },
    { label: '联系点管理', url: '/packages/supervisor/pages/points/index' },
    { label: '签到签退', url: '/packages/cadre/pages/checkin/index' },
    { label: '走访记录', url: '/packages/cadre/pages/visit/index' },
    { label: '民情台账', url: '/packages/cadre/pages/ledger/index' },
    { label: '我的工作', url: '/packages/cadre/pages/work/index' },
    { label: '我的任务', url: '/packages/cadre/pages/tasks/index' },
    { label: '立行立改', url: '/packages/cadre/pages/onthespot/index' },
  ],
  admin: [
    { label: '辖区诉求', url: '/packages/supervisor/pages/cases/index' },
    { label: '组织管理', url: '/packages/admin/pages/org/index' },
    { label: '人员管理', url: '/packages/admin/pages/users/index' },
    { label: '邀请码管理', url: '/packages/admin/pages/invitations/index' },
    { label: '办理时限', url: '/packages/admin/pages/settings/index' },
  ],
} as const

export default function Me() {
  const [me, setMe] = useState<UserView | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const show = (user: UserView) => {
    setMe(user)
    setName(user.name)
    setPhone(user.phone ?? '')
  }

  useDidShow(() => {
    void ask('users', 'me', {}).then((result) =>
      result.ok ? show(result.data as UserView) : setMessage(result.message),
    )
  })

  const saveProfile = async () => {
    const result = await ask('users', 'updateMe', { name, phone })
    if (!result.ok) return setMessage(result.message)
    show(result.data as UserView)
    setMessage('')
    setNotice('已保存')
  }

  const redeem = async () => {
    const result = await ask('users', 'redeem', { code })
    if (!result.ok) return setMessage(result.message)
    const user = result.data as UserView
    show(user)
    setCode('')
    setMessage('')
    setNotice(`已成为${ROLE_LABELS[user.role]}${user.unitName ? `（${user.unitName}）` : ''}`)
  }

  const entries = me && me.role !== 'resident' ? STAFF_ENTRIES[me.role] : []

  return (
    <Page className="me">
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      {me && (
        <View className="mq-card">
          <Text className="mq-subtitle">我的身份</Text>
          <Text className="mq-text me__role">身份：{ROLE_LABELS[me.role]}</Text>
          <Text className="mq-text me__unit">所属组织：{me.unitName ?? '无'}</Text>
          {entries.length > 0 && (
            <View className="me__entries">
              {entries.map((entry) => (
                <Button
                  key={entry.url}
                  className="mq-tap"
                  type="primary"
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: entry.url })}
                >
                  {entry.label}
                </Button>
              ))}
            </View>
          )}
        </View>
      )}

      <View className="mq-card">
        <Text className="mq-subtitle">个人信息</Text>
        <Input
          className="me__input"
          aria-label="姓名"
          placeholder="姓名"
          value={name}
          maxLength={20}
          onChange={setName}
        />
        <Input
          className="me__input"
          aria-label="联系电话"
          type="tel"
          placeholder="联系电话（可不填）"
          value={phone}
          maxLength={20}
          onChange={setPhone}
        />
        <Button className="mq-tap" type="primary" fill="outline" onClick={() => void saveProfile()}>
          保存
        </Button>
      </View>

      <View className="mq-card">
        <Text className="mq-subtitle">使用邀请码</Text>
        <Text className="mq-hint">党员干部、督办领导和管理员请输入管理员发给您的邀请码。</Text>
        <Input
          className="me__input me__code"
          aria-label="邀请码"
          placeholder="例如 ABCD-EFGH-JKMN"
          value={code}
          maxLength={20}
          onChange={setCode}
        />
        <Button className="mq-tap me__redeem" type="primary" onClick={() => void redeem()}>
          确认使用
        </Button>
      </View>
    </Page>
  )
}
