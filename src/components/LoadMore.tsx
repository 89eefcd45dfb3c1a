import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

/** What LoadMore needs of a paged list (usePagedList's answer). */
export interface PagedListState {
  items: unknown[] | null
  total: number
  hasMore: boolean
  loading: boolean
  loadMore: () => Promise<void>
}

/** The foot of a paged list: how many of how many are shown, and the next page on request. */
export default function LoadMore({ list }: { list: PagedListState }) {
  if (!list.hasMore) return list.total > 0 ? <Text className="mq-hint">共 {list.total} 条，已全部显示</Text> : null
  return (
    <Button
      className="mq-tap mq-load-more"
      fill="outline"
      block
      loading={list.loading}
      onClick={() => void list.loadMore()}
    >
      已显示 {list.items?.length ?? 0} / 共 {list.total} 条，加载更多
    </Button>
  )
}
