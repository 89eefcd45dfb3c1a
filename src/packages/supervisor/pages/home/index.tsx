import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import DemoCorner from '../../../../components/DemoCorner'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import StaffEntries from '../../../../components/StaffEntries'
import StaffHomeHeader from '../../../../components/StaffHomeHeader'
import StaffSubscriptions from '../../../../components/StaffSubscriptions'
import { ask } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import { useShownAndPulled } from '../../../../services/page-show'
import { SUPERVISOR_QUEUES, type CountedQueue } from '../queues'
import '../supervisor.scss'

type Counts = Record<CountedQueue, number>

/** A supervisor's home: how many cases wait in each queue, each count opening its queue. */
function SupervisorHome() {
  const me = useGatedMe()
  const [counts, setCounts] = useState<Counts | null>(null)
  const [message, setMessage] = useState('')

  const load = async () => {
    const answer = await ask('cases', 'queueCounts', {})
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setCounts(answer.data)
  }
  useShownAndPulled(load)

  return (
    <Page className="supervisor-home">
      <StaffHomeHeader me={me} lead="待派单、待审核销号、延期申请和已超期的诉求，点数字打开。" />
      <ErrorNotice message={message} />
      {counts && (
        <View className="mq-card">
          <Text className="mq-subtitle">辖区诉求</Text>
          <View className="supervisor__counts">
            {SUPERVISOR_QUEUES.flatMap(([queue, label]) => (queue === 'all' ? [] : [[queue, label] as const])).map(
              ([queue, label]) => (
                <View
                  key={queue}
                  className={`supervisor__count${queue === 'overdue' && counts[queue] > 0 ? ' supervisor__count--alert' : ''}`}
                  role="link"
                  onClick={() => void Taro.navigateTo({ url: `${PAGES.scopeCases.url}?queue=${queue}` })}
                >
                  <Text className="supervisor__count-value">{counts[queue]}</Text>
                  <Text className="supervisor__count-label">{label}</Text>
                </View>
              ),
            )}
          </View>
        </View>
      )}
      <View className="mq-card">
        <Text className="mq-subtitle">其他工作</Text>
        <StaffEntries role={me.role} except={[PAGES.scopeCases]} first={[PAGES.supervision]} />
      </View>
      <StaffSubscriptions me={me} />
      <DemoCorner />
    </Page>
  )
}

export default withPageAccess(PAGES.supervisorHome, SupervisorHome)
