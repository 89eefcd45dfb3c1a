import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { URGENCY_LABELS } from '@core/case/case'
import type { StaffCaseListItem } from '@core/case/views'
import { formatChinaTime } from '@core/time'
import Page from '../../../../components/Page'
import StatusBadge from '../../../../components/StatusBadge'
import { ask } from '../../../../services/backend'

/** 辖区诉求: every case whose area or responsible unit lies in the supervisor's subtree. */
export default function ScopeCases() {
  const [items, setItems] = useState<StaffCaseListItem[] | null>(null)
  const [total, setTotal] = useState(0)
  const [message, setMessage] = useState('')

  useDidShow(() => {
    void ask('cases', 'listInScope', { pageSize: 50 }).then((result) => {
      if (!result.ok) return setMessage(result.message)
      const { items: rows, total: count } = result.data as { items: StaffCaseListItem[]; total: number }
      setItems(rows)
      setTotal(count)
    })
  })

  return (
    <Page>
      {message && (
        <Text className="mq-error" aria-live="assertive">
          {message}
        </Text>
      )}
      {items && (
        <View className="mq-card">
          <Text className="mq-hint">辖区内共 {total} 条诉求</Text>
          {items.map((item) => (
            <View
              key={item.id}
              className="mq-case-row"
              role="link"
              onClick={() => void Taro.navigateTo({ url: `/pages/case/index?id=${item.id}` })}
            >
              <View className="mq-case-row__head">
                <Text className="mq-case-row__number">{item.number}</Text>
                <StatusBadge status={item.status} />
              </View>
              <Text className="mq-case-row__meta">
                {item.category} · {URGENCY_LABELS[item.urgency]} · {formatChinaTime(item.createdAt)} · 反映人{' '}
                {item.reporterName}
                {item.anonymous ? '（匿名）' : ''}
              </Text>
              <Text className="mq-case-row__summary">{item.summary}</Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}
