import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseListItem } from '@core/case/views'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { ask } from '../../../../services/backend'
import { ErrorNotice } from '../../../../components/Notice'

/** 回访: closed cases whose reporter has not rated and cannot be reached by a WeChat message. */
export default function Callbacks() {
  const [items, setItems] = useState<StaffCaseListItem[] | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    void ask('cases', 'listCallbacks', { pageSize: 50 }).then((result) =>
      result.ok ? setItems((result.data as { items: StaffCaseListItem[] }).items) : setMessage(result.message),
    )
  })
  return (
    <Page>
      <ErrorNotice message={message} />
      {items && (
        <View className="mq-card">
          <Text className="mq-hint">请电话回访下列群众，并记录他们的评价。</Text>
          {items.length === 0 && <Text className="mq-text">暂时没有需要回访的诉求。</Text>}
          {items.map((item) => (
            <View key={item.id}>
              <StaffCaseRow item={item} now={Date.now()} />
              <Button
                className="mq-tap"
                fill="outline"
                onClick={() => void Taro.makePhoneCall({ phoneNumber: item.reporterPhone })}
              >
                拨打 {item.reporterName} {item.reporterPhone}
              </Button>
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}
