import { Text, View } from '@tarojs/components'
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
              <Text className="mq-hint">{household.address}</Text>
              {household.visits.map((visit) => (
                <Text key={visit.at} className="mq-hint">
                  {formatChinaTime(visit.at, 'YYYY-MM-DD')} {visit.visitorName} 走访
                  {visit.opinions.length ? ` · 意见：${visit.opinions.join('；')}` : ''}
                  {visit.casesRaised ? ` · 立案 ${visit.casesRaised} 件` : ''}
                </Text>
              ))}
            </View>
          ))}
          <LoadMore list={all} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.ledger, Ledger)
