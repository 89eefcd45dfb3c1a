import { useState } from 'react'
import { usePullDownRefresh, useReachBottom, useDidShow } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Empty } from '@nutui/nutui-react-taro'
import type { CaseListItem } from '@core/case/views'
import Page from '../../components/Page'
import CaseRow from '../../components/CaseRow'
import { callFunction, NetworkError } from '../../services/backend'
import { ErrorNotice } from '../../components/Notice'

const PAGE_SIZE = 10

interface Listing {
  items: CaseListItem[]
  page: number
  total: number
  hasMore: boolean
}

export default function MyCases() {
  const [listing, setListing] = useState<Listing | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)

  const load = async (page: number) => {
    setLoading(true)
    try {
      const result = await callFunction('cases', 'listMine', { page, pageSize: PAGE_SIZE })
      if (!result.ok) return setError(result.message)
      const data = result.data as Listing
      setListing((previous) =>
        page === 1 || !previous ? data : { ...data, items: [...previous.items, ...data.items] },
      )
      setError('')
    } catch (failure) {
      setError(failure instanceof NetworkError ? '网络不畅，请稍后下拉刷新。' : '加载失败，请稍后再试。')
    } finally {
      setLoading(false)
    }
  }

  useDidShow(() => {
    void load(1)
  })
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (listing?.hasMore && !loading) void load(listing.page + 1)
  })

  return (
    <Page className="mine">
      <ErrorNotice message={error} />
      {listing && listing.total === 0 && (
        <View className="mq-card">
          <Empty description="您还没有反映过问题" />
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/submit/index' })}>
            我要反映
          </Button>
        </View>
      )}
      {listing && listing.total > 0 && (
        <View className="mq-card">
          <Text className="mq-hint">共 {listing.total} 条，下拉可刷新</Text>
          {listing.items.map((item) => (
            <CaseRow key={item.id} item={item} />
          ))}
          {listing.hasMore ? (
            <Button
              className="mq-tap"
              fill="outline"
              block
              loading={loading}
              onClick={() => void load(listing.page + 1)}
            >
              加载更多
            </Button>
          ) : (
            <Text className="mq-hint">已经到底了</Text>
          )}
        </View>
      )}
    </Page>
  )
}
