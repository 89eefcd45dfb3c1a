import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import type { StaffCaseListItem } from '@core/case/views'
import LoadMore from '../../../../components/LoadMore'
import Page from '../../../../components/Page'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import { ErrorNotice } from '../../../../components/Notice'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import { mayUse, PAGES } from '../../../../services/page-access'
import { isSupervisorQueue, SUPERVISOR_QUEUES, type SupervisorQueue } from '../queues'

/** 辖区诉求: the supervisor's queues over every case whose area or responsible unit is in their subtree. */
function ScopeCases() {
  const { params } = useRouter()
  const me = useGatedMe()
  // Opened from a count on the home page: that queue first.
  const [queue, setQueue] = useState<SupervisorQueue>(isSupervisorQueue(params.queue) ? params.queue : 'dispatch')
  const list = usePagedList<StaffCaseListItem>((cursor) =>
    ask('cases', 'listInScope', { queue, pageSize: 20, ...(cursor ? { cursor } : {}) }),
  )
  useListRefresh(list.reload, [queue])

  return (
    <Page>
      <ErrorNotice message={list.message} />
      <View className="mq-card">
        <Radio.Group direction="horizontal" value={queue} onChange={(value) => setQueue(value as SupervisorQueue)}>
          {SUPERVISOR_QUEUES.map(([key, label]) => (
            <Radio key={key} value={key} shape="button">
              {label}
            </Radio>
          ))}
        </Radio.Group>
        {queue === 'overdue' && mayUse(PAGES.supervision, me.role) && (
          <Button
            className="mq-tap supervisor__to-supervision"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: PAGES.supervision.url })}
          >
            打开督办清单
          </Button>
        )}
      </View>
      {list.items && (
        <View className="mq-card">
          <Text className="mq-hint">共 {list.total} 条</Text>
          {list.items.length === 0 && <Text className="mq-text">这里暂时没有诉求。</Text>}
          {list.items.map((item) => (
            <StaffCaseRow key={item.id} item={item} />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.scopeCases, ScopeCases)
