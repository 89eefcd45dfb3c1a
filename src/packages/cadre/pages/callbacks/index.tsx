import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { useStaffCases } from '../../../../services/staff-cases'
import { ErrorNotice } from '../../../../components/Notice'

/** 回访: closed cases whose reporter has not rated and cannot be reached by a WeChat message. */
export default function Callbacks() {
  const { items, message } = useStaffCases('listCallbacks')
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
