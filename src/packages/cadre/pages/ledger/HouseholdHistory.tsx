import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { HouseholdVisit } from '@core/fieldwork/visit'
import { formatChinaTime } from '@core/time'
import LoadMore from '../../../../components/LoadMore'
import { ErrorNotice } from '../../../../components/Notice'
import { ask } from '../../../../services/backend'
import { usePagedList } from '../../../../services/paged'

/** One household's visits, newest first, a page at a time; each raised case opens. */
export default function HouseholdHistory({ householdId }: { householdId: string }) {
  const visits = usePagedList<HouseholdVisit>((cursor) =>
    ask('fieldwork', 'listHouseholdVisits', { householdId, ...(cursor ? { cursor } : {}) }),
  )
  useEffect(() => {
    void visits.reload()
    // Loaded when opened; the list keeps itself after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [householdId])
  return (
    <View className="ledger__history">
      <ErrorNotice message={visits.message} />
      {visits.items?.map((visit) => (
        <View key={visit.id} className="ledger__visit">
          <Text className="mq-text">
            {formatChinaTime(visit.at, 'YYYY-MM-DD HH:mm')} · {visit.visitorName} · {visit.kind} {visit.durationMinutes}{' '}
            分钟
          </Text>
          {visit.opinions.map((opinion) => (
            <Text key={opinion} className="mq-hint">
              意见：{opinion}
            </Text>
          ))}
          {visit.raisedCases.map((raised) => (
            <Button
              key={raised.id}
              className="mq-tap"
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${raised.id}` })}
            >
              立案 {raised.number}
            </Button>
          ))}
        </View>
      ))}
      <LoadMore list={visits} />
    </View>
  )
}
