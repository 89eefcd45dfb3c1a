import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import LoadMore from '../../../../components/LoadMore'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { useCallbacks } from '../../../../services/staff-cases'
import { ErrorNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

/** 回访: closed cases whose reporter has not rated and cannot be reached by a WeChat message. */
function Callbacks() {
  const list = useCallbacks()
  return (
    <Page>
      <ErrorNotice message={list.message} />
      {list.items && (
        <View className="mq-card">
          <Text className="mq-hint">请电话回访下列群众，并记录他们的评价。</Text>
          {list.items.length === 0 && <Text className="mq-text">暂时没有需要回访的诉求。</Text>}
          {list.items.map((item) => (
            <View key={item.id}>
              <StaffCaseRow item={item} />
              {item.mayCall ? (
                <Button
                  className="mq-tap"
                  fill="outline"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: item.reporterPhone })}
                >
                  拨打 {item.reporterName} {item.reporterPhone}
                </Button>
              ) : (
                <Text className="mq-hint">匿名诉求：您办理过这件事，请由其他同志回访。</Text>
              )}
            </View>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.callbacks, Callbacks)
