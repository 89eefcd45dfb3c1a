import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseListItem } from '@core/case/views'
import type { Checkin } from '@core/fieldwork/fieldwork'
import { formatChinaTime } from '@core/time'
import DemoCorner from '../../../../components/DemoCorner'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import StaffCaseRow from '../../../../components/StaffCaseRow'
import StaffEntries from '../../../../components/StaffEntries'
import StaffHomeHeader from '../../../../components/StaffHomeHeader'
import StaffSubscriptions from '../../../../components/StaffSubscriptions'
import { ask } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import { useShownAndPulled } from '../../../../services/page-show'
import '../cadre.scss'

/** How many of 我的任务 the home shows (due soonest first); the rest are one tap away. */
const TASKS_ON_HOME = 3

interface Work {
  signedIn: Checkin | null
  lastCheckin: Checkin | null
  tasks: StaffCaseListItem[]
  taskTotal: number
  callbacks: number
}

/** A cadre's home: where he is signed in, the tasks due soonest, the people to call back, then the rest. */
function CadreHome() {
  const me = useGatedMe()
  const [work, setWork] = useState<Work | null>(null)
  const [message, setMessage] = useState('')

  const load = async () => {
    const [current, history, tasks, callbacks] = await Promise.all([
      ask('fieldwork', 'currentCheckin', {}),
      ask('fieldwork', 'listMyCheckins', { pageSize: 1 }),
      ask('cases', 'listMyTasks', { pageSize: TASKS_ON_HOME }),
      ask('cases', 'listCallbacks', { pageSize: 1 }),
    ])
    const failed = [current, history, tasks, callbacks].find((answer) => !answer.ok)
    setMessage(failed && !failed.ok ? failed.message : '')
    setWork({
      signedIn: current.ok ? current.data : null,
      lastCheckin: history.ok ? (history.data.items[0] ?? null) : null,
      tasks: tasks.ok ? tasks.data.items : [],
      taskTotal: tasks.ok ? tasks.data.total : 0,
      callbacks: callbacks.ok ? callbacks.data.total : 0,
    })
  }
  useShownAndPulled(load)

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <Page className="cadre-home">
      <StaffHomeHeader me={me} lead="今天的签到、要办的诉求和要回访的群众都在这里。" />
      <ErrorNotice message={message} />
      {work && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle">签到</Text>
            {work.signedIn ? (
              <Text className="mq-text">
                正在“{work.signedIn.contactPointName}”，{formatChinaTime(work.signedIn.signedInAt, 'MM-DD HH:mm')} 签到
              </Text>
            ) : (
              <Text className="mq-text">
                现在没有签到。
                {work.lastCheckin
                  ? `上次：${formatChinaTime(work.lastCheckin.signedInAt, 'MM-DD HH:mm')} 在“${work.lastCheckin.contactPointName}”`
                  : ''}
              </Text>
            )}
            <Button className="mq-tap" type="primary" block onClick={() => go(PAGES.checkin.url)}>
              {work.signedIn ? '去签退' : '去签到'}
            </Button>
          </View>

          <View className="mq-card">
            <Text className="mq-subtitle">我的任务（共 {work.taskTotal} 件）</Text>
            {work.taskTotal === 0 && <Text className="mq-text">暂时没有要办的诉求。</Text>}
            {work.tasks.map((item) => (
              <StaffCaseRow key={item.id} item={item} />
            ))}
            {work.taskTotal > 0 && (
              <Button className="mq-tap" fill="outline" block onClick={() => go(PAGES.tasks.url)}>
                {work.taskTotal > work.tasks.length ? `查看全部 ${work.taskTotal} 件任务` : '打开我的任务'}
              </Button>
            )}
          </View>

          <View className="mq-card">
            <Text className="mq-subtitle">回访</Text>
            <Text className="mq-text">
              {work.callbacks > 0
                ? `有 ${work.callbacks} 位群众的诉求已办结，但没能通知到，请电话回访。`
                : '暂时没有需要电话回访的群众。'}
            </Text>
            {work.callbacks > 0 && (
              <Button className="mq-tap" type="primary" fill="outline" block onClick={() => go(PAGES.callbacks.url)}>
                去回访
              </Button>
            )}
          </View>
        </>
      )}
      <View className="mq-card">
        <Text className="mq-subtitle">其他工作</Text>
        <StaffEntries role={me.role} except={[PAGES.checkin, PAGES.tasks, PAGES.callbacks]} />
      </View>
      <StaffSubscriptions me={me} />
      <DemoCorner />
    </Page>
  )
}

export default withPageAccess(PAGES.cadreHome, CadreHome)
