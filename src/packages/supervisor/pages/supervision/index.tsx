import { Text, View } from '@tarojs/components'
import LoadMore from '../../../../components/LoadMore'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { ErrorNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import { useSupervision } from '../../../../services/staff-cases'

/**
 * 督办: the overdue cases of the supervisor's scope, most overdue first — whose lateness each is and
 * for how long (as the server decided), how often it was chased, and whether a note awaits a reply.
 */
function Supervision() {
  const list = useSupervision()
  return (
    <Page>
      <ErrorNotice message={list.message} />
      {list.items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {list.total} 件超期，按逾期时长排列，点开可写督办意见</Text>
          {list.items.length === 0 && <Text className="mq-text">辖区内没有超期的诉求。</Text>}
          {list.items.map((item) => (
            <StaffCaseRow key={item.id} item={item}>
              <Text className="mq-case-row__meta">已督办 {item.supervisionCount} 次</Text>
            </StaffCaseRow>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.supervision, Supervision)
