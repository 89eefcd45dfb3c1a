import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@core/roles'
import type { UserView } from '@core/user/user'

/** The top of an official's home: who is signed in as what, and the way to 我的. */
export default function StaffHomeHeader({ me, lead }: { me: UserView; lead: string }) {
  return (
    <View className="mq-card">
      <Text className="mq-title">民情通</Text>
      <Text className="mq-text">
        {me.name || '您好'}（{ROLE_LABELS[me.role]}
        {me.unitName ? ` · ${me.unitName}` : ''}）
      </Text>
      <Text className="mq-hint">{lead}</Text>
      <Button
        className="mq-tap mq-home-me"
        fill="outline"
        onClick={() => void Taro.navigateTo({ url: '/pages/me/index' })}
      >
        我的（身份、个人信息）
      </Button>
    </View>
  )
}
