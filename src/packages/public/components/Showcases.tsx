import { Text, View } from '@tarojs/components'
import type { Showcase } from '@core/publication/publication.schemas'
import { formatChinaTime } from '@core/time'

/** 典型案例: closed, well-rated cases with their public write-up, newest first. */
export default function Showcases({ items, message }: { items: Showcase[] | null; message: string }) {
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">典型案例</Text>
      {message && <Text className="mq-hint">{message}</Text>}
      {items && items.length === 0 && <Text className="mq-text">还没有评选典型案例。</Text>}
      {items?.map((item) => (
        <View key={item.caseId} className="public__row">
          <Text className="public__showcase-title">{item.title}</Text>
          <Text className="mq-hint">
            {item.category}
            {item.areaName ? ` · ${item.areaName}` : ''} · {formatChinaTime(item.closedAt, 'YYYY年M月D日')}办结
          </Text>
          <Text className="mq-text public__summary">{item.writeUp}</Text>
          <Text className="mq-text public__field">
            <Text className="public__field-label">群众评价：</Text>
            {item.rating}
          </Text>
        </View>
      ))}
    </View>
  )
}
