import { Text, View } from '@tarojs/components'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { useStaffCases } from '../../../../services/staff-cases'
import { ErrorNotice } from '../../../../components/Notice'

/** 我的任务: the cases I handle, due soonest first, overdue marked. */
export default function MyTasks() {
  const { items, message } = useStaffCases('listMyTasks')
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
