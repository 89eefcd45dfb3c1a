import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { URGENCY_LABELS } from '@core/case/case'
import type { CaseListItem } from '@core/case/views'
import { formatChinaTime } from '@core/time-format'
import StatusBadge from './StatusBadge'
import './CaseRow.scss'

/** One of "my requests": number, status in words, category, when, and the start of the text. */
export default function CaseRow({ item }: { item: CaseListItem }) {
  return (
    <View
      className="mq-case-row"
      role="link"
      onClick={() => void Taro.navigateTo({ url: `/pages/case/index?id=${item.id}` })}
    >
      <View className="mq-case-row__head">
        <Text className="mq-case-row__number">{item.number}</Text>
        <StatusBadge status={item.status} reader="resident" />
      </View>
      <Text className="mq-case-row__meta">
        {item.category} · {URGENCY_LABELS[item.urgency]} · {formatChinaTime(item.createdAt)}
      </Text>
      <Text className="mq-case-row__summary">{item.summary}</Text>
    </View>
  )
}
