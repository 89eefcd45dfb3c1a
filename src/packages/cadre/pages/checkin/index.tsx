import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Checkin, ContactPoint } from '@core/fieldwork/fieldwork'
import { formatChinaTime } from '@core/time'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { getFix, type PhoneFix } from '../../../../services/location'
import '../cadre.scss'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import { usePageShow } from '../../../../services/page-show'

type Listed = ContactPoint & { distanceMeters: number | null }

/** 签到/签退 at my contact points, nearest first; the server decides whether I am there. */
function CheckinPage() {
  const [points, setPoints] = useState<Listed[]>([])
  const [current, setCurrent] = useState<Checkin | null>(null)
  const [fix, setFix] = useState<PhoneFix | null>(null)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const load = async () => {
    const located = await getFix('staff')
    const here = located.fix
    setFix(here)
    if (!located.fix) setMessage(`${located.why}签到需要位置。`)
    const [listed, open] = await Promise.all([
      ask('fieldwork', 'listContactPoints', here ? { near: here } : {}),
      ask('fieldwork', 'currentCheckin', {}),
    ])
    if (listed.ok) setPoints(listed.data)
    else setMessage(listed.message)
    if (open.ok) setCurrent(open.data)
  }
  usePageShow(() => {
    void load()
  })

  const signIn = async (point: Listed) => {
    const located = await getFix('staff')
    const here = located.fix ?? fix
    // A position from when the page opened will do; the server judges its age and accuracy.
    if (!here) return setMessage(`${located.fix ? '' : located.why}签到需要位置。`)
    const result = await ask('fieldwork', 'signIn', { contactPointId: point._id, position: here })
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    setMessage('')
    setCurrent(result.data)
    setNotice(`已在“${point.name}”签到`)
  }

  /** Signing out is never refused: where the phone is goes along when it can tell, and is flagged if far. */
  const signOut = async () => {
    const { fix: here } = await getFix('staff')
    const result = await ask('fieldwork', 'signOut', here ? { position: here } : {})
    if (!result.ok) return setMessage(result.message)
    const closed = result.data
    setMessage('')
    setCurrent(null)
    setNotice(
      `已签退，本次下沉 ${closed.hours ?? 0} 小时${closed.signedOutFar ? '（签退地点离联系点较远，已记录）' : ''}`,
    )
  }

  return (
    <Page>
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      {current && (
        <View className="mq-card">
          <Text className="mq-subtitle">正在“{current.contactPointName}”</Text>
          <Text className="mq-hint">{formatChinaTime(current.signedInAt)} 签到</Text>
          <Button className="mq-tap cadre__sign-out" type="primary" size="large" block onClick={() => void signOut()}>
            签退
          </Button>
        </View>
      )}
      <View className="mq-card">
        <Text className="mq-subtitle">我的联系点</Text>
        {fix && <Text className="mq-hint">当前定位精度约 {fix.accuracy} 米</Text>}
        {points.length === 0 && <Text className="mq-text">还没有分配给您的联系点。</Text>}
        {points.map((point) => (
          <View key={point._id} className="cadre__row">
            <Text className="cadre__row-title">{point.name}</Text>
            <Text className="mq-hint">
              {point.type}
              {point.distanceMeters !== null ? ` · 距您约 ${point.distanceMeters} 米` : ''} · 签到范围{' '}
              {point.radiusMeters} 米
            </Text>
            {!current && (
              <Button
                className="mq-tap cadre__sign-in"
                type="primary"
                fill="outline"
                onClick={() => void signIn(point)}
              >
                在此签到
              </Button>
            )}
          </View>
        ))}
      </View>
    </Page>
  )
}

export default withPageAccess(PAGES.checkin, CheckinPage)
