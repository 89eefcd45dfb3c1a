import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@core/roles'
import type { UserView } from '@core/user/user'
import Page from '../../components/Page'
import { ask } from '../../services/backend'
import { STAFF_HOMES } from '../../services/page-access'
import './index.scss'
import { ErrorNotice, SuccessNotice } from '../../components/Notice'
import { usePageShow } from '../../services/page-show'

export default function Me() {
  const [me, setMe] = useState<UserView | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [redeemName, setRedeemName] = useState('')
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const show = (user: UserView) => {
    setMe(user)
    setName(user.name)
    setPhone(user.phone ?? '')
    setRedeemName((typed) => typed || user.name)
  }

  usePageShow(() => {
    void ask('users', 'me', {}).then((result) => (result.ok ? show(result.data) : setMessage(result.message)))
  })

  const saveProfile = async () => {
    const result = await ask('users', 'updateMe', { name, phone })
    if (!result.ok) return setMessage(result.message)
    show(result.data)
    setMessage('')
    setNotice('已保存')
  }

  const redeem = async () => {
    const result = await ask('users', 'redeem', { code, ...(redeemName.trim() ? { name: redeemName } : {}) })
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    const user = result.data
    show(user)
    setCode('')
    setMessage('')
    setNotice(`已成为${ROLE_LABELS[user.role]}${user.unitName ? `（${user.unitName}）` : ''}`)
  }

  const home = me && me.role !== 'resident' ? STAFF_HOMES[me.role] : null

  return (
    <Page className="me">
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      {me && (
        <View className="mq-card">
          <Text className="mq-subtitle">我的身份</Text>
          <Text className="mq-text me__role">身份：{ROLE_LABELS[me.role]}</Text>
          <Text className="mq-text me__unit">所属组织：{me.unitName ?? '无'}</Text>
          {home && (
            // An official's work pages and 消息提醒 are on the home, in a subpackage: the resident's
            // main package carries no staff code (issue 16).
            <Button
              className="mq-tap me__home"
              type="primary"
              fill="outline"
              onClick={() => void Taro.reLaunch({ url: home.url })}
            >
              进入{home.label}
            </Button>
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
        <Text className="mq-hint">党员干部、督办领导和管理员请输入管理员发给您的邀请码和您的姓名。</Text>
        <Input
          className="me__input"
          aria-label="您的姓名"
          placeholder="您的姓名（同事和群众会看到）"
          value={redeemName}
          maxLength={20}
          onChange={setRedeemName}
        />
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
