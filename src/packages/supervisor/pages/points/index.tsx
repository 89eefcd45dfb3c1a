import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OrgUnit } from '@core/org/org'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { withPageAccess } from '../../../../components/PageGate'
import { ask } from '../../../../services/backend'
import { confirmAction } from '../../../../services/confirm'
import { PAGES } from '../../../../services/page-access'
import PointForm from './PointForm'
import type { ManagedPoint } from './types'
import '../supervisor.scss'

/** 联系点管理: the contact points of my subtree, where they are and who goes there; set up, change, 停用 and back. */
function ContactPoints() {
  const [points, setPoints] = useState<ManagedPoint[] | null>(null)
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [editing, setEditing] = useState<ManagedPoint | null>(null)
  // A new form after each save: a fresh one to set up the next point.
  const [formKey, setFormKey] = useState(0)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const load = async () => {
    const result = await ask('fieldwork', 'listManagedContactPoints', {})
    if (result.ok) setPoints(result.data)
    else setMessage(result.message)
  }
  useEffect(() => {
    void load()
    void ask('orgs', 'tree', {}).then((result) => result.ok && setUnits(result.data.filter((unit) => unit.active)))
  }, [])

  const setActive = async (point: ManagedPoint, active: boolean) => {
    if (
      !active &&
      !(await confirmAction(
        `停用“${point.name}”？`,
        '停用后干部不能再在这里签到；签到记录都保留。可以随时重新启用。',
        '停用',
      ))
    ) {
      return
    }
    const result = await ask('fieldwork', 'updateContactPoint', {
      id: point._id,
      expectedVersion: point.version,
      active,
    })
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    setMessage('')
    setNotice(active ? `已重新启用“${point.name}”` : `已停用“${point.name}”。如是误操作，点“重新启用”即可撤销。`)
    void load()
  }

  const edit = (point: ManagedPoint | null) => {
    setEditing(point)
    setFormKey((key) => key + 1)
    // The form is under the list: take the person to it.
    if (point) setTimeout(() => void Taro.pageScrollTo({ selector: '.points__form', duration: 200 }))
  }

  return (
    <Page>
      {points && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle">联系点</Text>
            <ErrorNotice message={message} />
            <SuccessNotice message={notice} />
            {points.length === 0 && <Text className="mq-text">还没有联系点。</Text>}
            {points.map((point) => (
              <View key={point._id} className="mq-case-row">
                <Text className="mq-case-row__number">
                  {point.name}
                  {point.active ? '' : ' · 已停用'}
                </Text>
                <Text className="mq-case-row__meta">
                  {point.type} · 签到范围 {point.radiusMeters} 米
                </Text>
                <Text className="mq-case-row__meta">
                  北纬 {point.location.lat.toFixed(5)}，东经 {point.location.lng.toFixed(5)}（WGS-84）
                </Text>
                <Text className="mq-case-row__meta">
                  联系干部：
                  {point.cadres.length ? point.cadres.map((cadre) => cadre.name || '未填姓名').join('、') : '无'}
                </Text>
                <View className="mq-entries">
                  <Button className="mq-tap" fill="outline" onClick={() => edit(point)}>
                    修改
                  </Button>
                  <Button className="mq-tap" fill="outline" onClick={() => void setActive(point, !point.active)}>
                    {point.active ? '停用' : '重新启用'}
                  </Button>
                </View>
              </View>
            ))}
          </View>
          <PointForm
            key={formKey}
            units={units}
            editing={editing}
            done={(saved) => {
              setMessage('')
              setNotice(saved)
              edit(null)
              void load()
            }}
            cancel={() => edit(null)}
          />
        </>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.points, ContactPoints)
