import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Checkin } from '@core/fieldwork/fieldwork'
import type { MonthFigures } from '@core/fieldwork/visit'
import CheckinRow from '../../../../components/CheckinRow'
import LoadMore from '../../../../components/LoadMore'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import '../cadre.scss'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import { usePageShow } from '../../../../services/page-show'

const LABELS: Array<[keyof MonthFigures, string, string]> = [
  ['signIns', '签到', '次'],
  ['hours', '下沉时长', '小时'],
  ['visits', '走访', '次'],
  ['doorsKnocked', '敲门入户', '户次'],
  ['unitVisits', '走访单位', '个次'],
  ['peopleMet', '见到群众', '人次'],
  ['opinions', '收集意见', '条'],
  ['casesRaised', '走访立案', '件'],
  ['casesClosed', '办结', '件'],
]

/** 我的工作: this month, counted from the records, not self-reported. */
function MyWork() {
  const [month, setMonth] = useState('')
  const [figures, setFigures] = useState<MonthFigures | null>(null)
  const [message, setMessage] = useState('')
  const history = usePagedList<Checkin>((cursor) => ask('fieldwork', 'listMyCheckins', cursor ? { cursor } : {}))
  useListRefresh(history.reload, [])
  usePageShow(() => {
    void ask('fieldwork', 'myMonth', {}).then((result) => {
      if (!result.ok) return setMessage(result.message)
      const data = result.data
      setMonth(data.month)
      setFigures(data.figures)
    })
  })
  return (
    <Page>
      <ErrorNotice message={message} />
      {history.items && (
        <View className="mq-card work__checkins">
          <Text className="mq-subtitle">我的签到记录</Text>
          {history.items.length === 0 && <Text className="mq-hint">还没有签到记录。</Text>}
          {history.items.map((checkin) => (
            <CheckinRow key={checkin._id} checkin={checkin} />
          ))}
          <LoadMore list={history} />
        </View>
      )}
      {figures && (
        <View className="mq-card">
          <Text className="mq-subtitle">{month}</Text>
          <View className="cadre__figures">
            {LABELS.map(([key, label, unit]) => (
              <View key={key} className={`cadre__figure work__${key}`}>
                <Text className="mq-hint">{label}</Text>
                <Text className="cadre__figure-value">
                  {figures[key]} {unit}
                </Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.work, MyWork)
