import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Household } from '@core/fieldwork/visit'
import { formatChinaTime } from '@core/time'
import LoadMore from '../../../../components/LoadMore'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import '../cadre.scss'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import HouseholdHistory from './HouseholdHistory'

type HouseholdWithVisits = Household & {
  visits: Array<{ at: number; visitorName: string; opinions: string[]; casesRaised: number }>
}

/** 民情台账: households with special needs not visited for a while — go and knock — and all visited ones. */
function Ledger() {
  const neglected = usePagedList<HouseholdWithVisits>((cursor) =>
    ask('fieldwork', 'listNeglectedHouseholds', cursor ? { cursor } : {}),
  )
  const all = usePagedList<HouseholdWithVisits>((cursor) =>
    ask('fieldwork', 'listHouseholds', cursor ? { cursor } : {}),
  )
  useListRefresh(neglected.reload, [])
  useListRefresh(all.reload, [])
  /** The household whose visits are open (one at a time). */
  const [openId, setOpenId] = useState<string | null>(null)
  const historyToggle = (householdId: string) => (
    <Button className="mq-tap" fill="outline" onClick={() => setOpenId(openId === householdId ? null : householdId)}>
      {openId === householdId ? '收起走访记录' : '走访记录'}
    </Button>
  )
  return (
    <Page>
      <ErrorNotice message={neglected.message || all.message} />
      {neglected.items && (
        <View className="mq-card">
          <Text className="mq-subtitle">长期没有走访的特殊群体户</Text>
          {neglected.items.length === 0 && <Text className="mq-text">都走访过了。</Text>}
          {neglected.items.map((household) => (
            <View key={household._id} className="cadre__row">
              <Text className="cadre__row-title">
                {household.name} · {household.tags.join('、')}
              </Text>
              <Text className="mq-hint">
                {household.address} · 上次走访 {formatChinaTime(household.lastVisitedAt, 'YYYY-MM-DD')}
              </Text>
              {historyToggle(household._id)}
              {openId === household._id && <HouseholdHistory householdId={household._id} />}
            </View>
          ))}
          <LoadMore list={neglected} />
        </View>
      )}
      {all.items && all.items.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">走访过的住户</Text>
          {all.items.map((household) => (
            <View key={household._id} className="cadre__row">
              <Text className="cadre__row-title">
                {household.name}
                {household.tags.length ? ` · ${household.tags.join('、')}` : ''}
              </Text>
              <Text className="mq-hint">
                {household.address} · 上次走访 {formatChinaTime(household.lastVisitedAt, 'YYYY-MM-DD')}
              </Text>
              {historyToggle(household._id)}
              {openId === household._id && <HouseholdHistory householdId={household._id} />}
            </View>
          ))}
          <LoadMore list={all} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.ledger, Ledger)
