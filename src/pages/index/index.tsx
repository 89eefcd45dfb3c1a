import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { CATEGORIES, OPEN_STATUSES } from '@core/case/case'
import { parseCaseNumber } from '@core/case/number'
import type { CaseListItem } from '@core/case/views'
import Page from '../../components/Page'
import CaseRow from '../../components/CaseRow'
import DemoCorner from '../../components/DemoCorner'
import { PendingNotice } from '../../components/Notice'
import { callFunction, failureMessage, NetworkError } from '../../services/backend'
import './index.scss'
import { usePageShow } from '../../services/page-show'
import { useMe } from '../../services/me'
import { HOME_URLS, PAGES } from '../../services/page-access'

/** How many open cases the home shows; 查看全部 opens the rest. */
const OPEN_ON_HOME = 3

/**
 * The resident's home: report a need, the case waiting for a rating first, then the open ones.
 * Officials are sent to their own home (in their subpackage) as soon as the app knows who they are.
 */
export default function Index() {
  const { me, reload: reloadMe } = useMe()
  const [awaitingRating, setAwaitingRating] = useState<CaseListItem[]>([])
  const [openCases, setOpenCases] = useState<CaseListItem[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [lookup, setLookup] = useState('')
  const [lookupError, setLookupError] = useState('')
  const staffHome = me && me.role !== 'resident' ? HOME_URLS[me.role] : null

  useEffect(() => {
    if (staffHome) void Taro.reLaunch({ url: staffHome })
  }, [staffHome])

  const load = async () => {
    try {
      const result = await callFunction('cases', 'listMine', { pageSize: 20 })
      if (!result.ok) return setLoadError(result.message)
      const { items } = result.data
      setAwaitingRating(items.filter((item) => item.awaitingRating))
      setOpenCases(items.filter((item) => OPEN_STATUSES.includes(item.status)).slice(0, OPEN_ON_HOME))
      setLoadError('')
    } catch (error) {
      setLoadError(
        error instanceof NetworkError ? '网络不畅，暂时看不到您的诉求，请稍后下拉刷新。' : failureMessage(error),
      )
    }
  }

  usePageShow(() => {
    void load()
  })

  const findByNumber = () => {
    const parsed = parseCaseNumber(lookup)
    if (!parsed) return setLookupError('请输入完整的诉求编号，例如 2026-000123')
    setLookupError('')
    void Taro.navigateTo({ url: `/pages/case/index?number=${encodeURIComponent(lookup.trim())}` })
  }

  if (staffHome) {
    return (
      <Page className="home">
        <PendingNotice message="正在打开您的工作台…" />
      </Page>
    )
  }

  return (
    <Page className="home">
      <View className="mq-card home__hero">
        <Text className="mq-title">民情通</Text>
        <Text className="home__lead">下基层察民情 · 解民忧 · 暖民心</Text>
        <Text className="mq-text">家门口的急事、难事、烦心事，在这里反映。我们会派专人办理，办结后请您评价。</Text>
        <Button
          className="home__report mq-tap"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: '/pages/submit/index' })}
        >
          我要反映
        </Button>
        <Text className="mq-hint">可反映：{CATEGORIES.join('、')}</Text>
        <Button
          className="mq-tap home__me"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: '/pages/me/index' })}
        >
          我的（身份、邀请码）
        </Button>
      </View>

      <View className="mq-card home__public">
        <Text className="mq-subtitle">公开清单</Text>
        <Text className="mq-text">每月公开群众反映的问题、承办的任务、办理的效果和典型案例，人人可看。</Text>
        <Button
          className="mq-tap"
          type="primary"
          fill="outline"
          block
          onClick={() => void Taro.navigateTo({ url: PAGES.publicLists.url })}
        >
          查看公开清单
        </Button>
      </View>

      {awaitingRating.length > 0 && (
        <View className="mq-card home__rate">
          <Text className="mq-subtitle">请您评价</Text>
          <Text className="mq-text">下面的诉求已经办结，问题解决了吗？您满意吗？</Text>
          {awaitingRating.map((item) => (
            <View key={item.id} className="home__rate-item">
              <CaseRow item={item} />
              <Button
                className="mq-tap"
                type="primary"
                block
                onClick={() => void Taro.navigateTo({ url: `/pages/rate/index?id=${item.id}` })}
              >
                去评价
              </Button>
            </View>
          ))}
        </View>
      )}

      <View className="mq-card">
        <View className="home__section-head">
          <Text className="mq-subtitle">我的诉求</Text>
          <Button className="mq-tap" fill="none" onClick={() => void Taro.navigateTo({ url: '/pages/mine/index' })}>
            查看全部
          </Button>
        </View>
        {loadError && <Text className="mq-error">{loadError}</Text>}
        {openCases && openCases.length === 0 && <Text className="mq-hint">目前没有正在办理的诉求。</Text>}
        {openCases?.map((item) => (
          <CaseRow key={item.id} item={item} />
        ))}
      </View>

      <View className="mq-card">
        <Text className="mq-subtitle">按编号查询</Text>
        <View className="home__lookup">
          <Input
            className="home__lookup-input"
            aria-label="诉求编号"
            placeholder="例如 2026-000123"
            value={lookup}
            onChange={(value) => {
              setLookup(value)
              if (lookupError && parseCaseNumber(value)) setLookupError('')
            }}
            confirmType="search"
          />
          <Button className="mq-tap" type="primary" fill="outline" onClick={findByNumber}>
            查询
          </Button>
        </View>
        {lookupError && <Text className="mq-field-error">{lookupError}</Text>}
      </View>

      <DemoCorner
        onSwitched={() => {
          reloadMe()
          void load()
        }}
      />
    </Page>
  )
}
