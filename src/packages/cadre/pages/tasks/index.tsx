import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StaffCaseListItem } from '@core/case/views'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { ask } from '../../../../services/backend'
import { ErrorNotice } from '../../../../components/Notice'

/** 我的任务: the cases I handle, due soonest first, overdue marked. */
export default function MyTasks() {
  const [items, setItems] = useState<StaffCaseListItem[] | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    void ask('cases', 'listMyTasks', { pageSize: 50 }).then((result) =>
      result.ok ? setItems((result.data as { items: StaffCaseListItem[] }).items) : setMessage(result.message),
    )
  })
  return (
    <Page>
      <ErrorNotice message={message} />
      {items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {items.length} 件，按完成时限排列</Text>
          {items.length === 0 && <Text className="mq-text">暂时没有要办的诉求。</Text>}
          {items.map((item) => (
            <StaffCaseRow key={item.id} item={item} now={Date.now()} />
          ))}
        </View>
      )}
    </Page>
  )
}
