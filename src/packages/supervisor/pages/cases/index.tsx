import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import type { StaffCaseListItem } from '@core/case/views'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { ask } from '../../../../services/backend'
import { ErrorNotice } from '../../../../components/Notice'

const QUEUES = [
  ['dispatch', '待派单'],
  ['review', '待审核销号'],
  ['extension', '延期申请'],
  ['overdue', '已超期'],
  ['all', '全部'],
] as const
type Queue = (typeof QUEUES)[number][0]

/** 辖区诉求: the supervisor's queues over every case whose area or responsible unit is in their subtree. */
export default function ScopeCases() {
  const [queue, setQueue] = useState<Queue>('dispatch')
  const [items, setItems] = useState<StaffCaseListItem[] | null>(null)
  const [total, setTotal] = useState(0)
  const [message, setMessage] = useState('')

  const load = async (which: Queue) => {
    const result = await ask('cases', 'listInScope', { queue: which, pageSize: 50 })
    if (!result.ok) return setMessage(result.message)
    const data = result.data as { items: StaffCaseListItem[]; total: number }
    setItems(data.items)
    setTotal(data.total)
  }
  useDidShow(() => {
    void load(queue)
  })

  return (
    <Page>
      <ErrorNotice message={message} />
      <View className="mq-card">
        <Radio.Group
          direction="horizontal"
          value={queue}
          onChange={(value) => {
            setQueue(value as Queue)
            void load(value as Queue)
          }}
        >
          {QUEUES.map(([key, label]) => (
            <Radio key={key} value={key} shape="button">
              {label}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      {items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {total} 条</Text>
          {items.length === 0 && <Text className="mq-text">这里暂时没有诉求。</Text>}
          {items.map((item) => (
            <StaffCaseRow key={item.id} item={item} now={Date.now()} />
          ))}
        </View>
      )}
    </Page>
  )
}
