import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseListItem } from '@core/case/views'
import Page from '../../components/Page'
import CaseRow from '../../components/CaseRow'
import LoadMore from '../../components/LoadMore'
import { ask } from '../../services/backend'
import { useListRefresh, usePagedList } from '../../services/paged'
import { ErrorNotice } from '../../components/Notice'
import { useMe } from '../../services/me'
import { mayUse, PAGES } from '../../services/page-access'

const PAGE_SIZE = 10

/** 我的诉求: what I reported (for myself or family) and what was merged with it, newest first. */
export default function MyCases() {
  const { me } = useMe()
  const list = usePagedList<CaseListItem>((cursor) =>
    ask('cases', 'listMine', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  )
  useListRefresh(list.reload, [])
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loading) void list.loadMore()
  })

  return (
    <Page className="mine">
      <ErrorNotice message={list.message} />
      {list.items && list.total === 0 && (
        <View className="mq-card">
          <Text className="mq-text">您还没有反映过问题。</Text>
          {(!me || mayUse(PAGES.submit, me.role)) && (
            <Button
              className="mq-tap"
              type="primary"
              block
              onClick={() => void Taro.navigateTo({ url: PAGES.submit.url })}
            >
              我要反映
            </Button>
          )}
        </View>
      )}
      {list.items && list.total > 0 && (
        <View className="mq-card">
          <Text className="mq-hint">共 {list.total} 条，下拉可刷新</Text>
          {list.items.map((item) => (
            <CaseRow key={item.id} item={item} />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}
