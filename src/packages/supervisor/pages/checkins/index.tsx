import { Text, View } from '@tarojs/components'
import type { Checkin } from '@core/fieldwork/fieldwork'
import CheckinRow from '../../../../components/CheckinRow'
import LoadMore from '../../../../components/LoadMore'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

/** 辖区签到记录: every sign-in at the contact points of my subtree, newest first, flags in words. */
function ScopeCheckins() {
  const list = usePagedList<Checkin>((cursor) => ask('fieldwork', 'listCheckinsInScope', cursor ? { cursor } : {}))
  useListRefresh(list.reload, [])
  return (
    <Page>
      <ErrorNotice message={list.message} />
      {list.items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {list.total} 次签到，标“⚠”的请核实。</Text>
          {list.items.length === 0 && <Text className="mq-text">辖区内还没有签到记录。</Text>}
          {list.items.map((checkin) => (
            <CheckinRow key={checkin._id} checkin={checkin} showPerson />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.scopeCheckins, ScopeCheckins)
