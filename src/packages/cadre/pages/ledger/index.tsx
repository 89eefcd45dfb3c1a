import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Household } from '@core/fieldwork/visit'
import { formatChinaTime } from '@core/time'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import '../cadre.scss'

type HouseholdWithVisits = Household & {
  visits: Array<{ at: number; visitorName: string; opinions: string[]; casesRaised: number }>
}

/** 民情台账: households with special needs not visited for a while — go and knock. */
export default function Ledger() {
  const [households, setHouseholds] = useState<Household[] | null>(null)
  const [days, setDays] = useState(30)
  const [message, setMessage] = useState('')
  const [all, setAll] = useState<HouseholdWithVisits[]>([])
  useDidShow(() => {
    void ask('fieldwork', 'listHouseholds', {}).then(
      (result) => result.ok && setAll(result.data as HouseholdWithVisits[]),
    )
    void ask('fieldwork', 'listNeglectedHouseholds', {}).then((result) => {
      if (!result.ok) return setMessage(result.message)
      const data = result.data as { households: Household[]; neglectDays: number }
      setHouseholds(data.households)
      setDays(data.neglectDays)
    })
  })
  return (
    <Page>
      <ErrorNotice message={message} />
      {households && (
        <View className="mq-card">
          <Text className="mq-subtitle">{days} 天以上没有走访的特殊群体户</Text>
          {households.length === 0 && <Text className="mq-text">都走访过了。</Text>}
          {households.map((household) => (
            <View key={household._id} className="cadre__row">
              <Text className="cadre__row-title">
                {household.name} · {household.tags.join('、')}
              </Text>
              <Text className="mq-hint">
                {household.address} · 上次走访 {formatChinaTime(household.lastVisitedAt, 'YYYY-MM-DD')}
              </Text>
            </View>
          ))}
        </View>
      )}
      {all.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">走访过的住户</Text>
          {all.map((household) => (
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
        </View>
      )}
    </Page>
  )
}
