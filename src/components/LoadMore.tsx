import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

/** The foot of a paged list: how many of how many are shown, and the next page on request. */
export default function LoadMore({
  shown,
  total,
  hasMore,
  loading,
  onMore,
}: {
  shown: number
  total: number
  hasMore: boolean
  loading: boolean
  onMore: () => void
}) {
  if (!hasMore) return total > 0 ? <Text className="mq-hint">共 {total} 条，已全部显示</Text> : null
  return (
    <Button className="mq-tap mq-load-more" fill="outline" block loading={loading} onClick={onMore}>
      已显示 {shown} / 共 {total} 条，加载更多
    </Button>
  )
}
