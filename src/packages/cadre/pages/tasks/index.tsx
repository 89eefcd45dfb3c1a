import { Text, View } from '@tarojs/components'
import LoadMore from '../../../../components/LoadMore'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { useMyTasks } from '../../../../services/staff-cases'
import { ErrorNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

/** 我的任务: the cases I handle, due soonest first, overdue marked. */
function MyTasks() {
  const list = useMyTasks()
  return (
    <Page>
      <ErrorNotice message={list.message} />
      {list.items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {list.total} 件，按完成时限排列</Text>
          {list.items.length === 0 && <Text className="mq-text">暂时没有要办的诉求。</Text>}
          {list.items.map((item) => (
            <StaffCaseRow key={item.id} item={item} />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.tasks, MyTasks)
