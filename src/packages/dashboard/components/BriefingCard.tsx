import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Dashboard } from '@core/stats/dashboard.schemas'
import { SuccessNotice } from '../../../components/Notice'

/** 工作简报: the paragraph from the same figures, its title naming the period and unit, copied in one tap. */
export default function BriefingCard({ briefing }: { briefing: Dashboard['briefing'] }) {
  const [copied, setCopied] = useState('')
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: `${briefing.title}\n${briefing.text}` })
      setCopied('已复制，可粘贴到工作群或材料中。')
    } catch {
      setCopied('')
    }
  }
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">工作简报</Text>
      <Text className="dashboard__briefing-title">{briefing.title}</Text>
      <Text className="mq-text dashboard__briefing" userSelect>
        {briefing.text}
      </Text>
      <Button className="mq-tap" type="primary" onClick={() => void copy()}>
        复制
      </Button>
      <SuccessNotice message={copied} />
    </View>
  )
}
