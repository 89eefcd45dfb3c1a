import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import {
  CONTACT_POINT_TYPES,
  DEFAULT_RADIUS_METERS,
  type ContactPoint,
  type ContactPointType,
} from '@core/fieldwork/fieldwork'
import type { OrgUnit } from '@core/org/org'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import OfficialPicker from '../../../../components/OfficialPicker'
import type { Picked } from '../../../../components/SearchPicker'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { getFix } from '../../../../services/location'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

/** 联系点管理: set up contact points in my subtree, where they are, and who goes there. */
function ContactPoints() {
  const [points, setPoints] = useState<ContactPoint[] | null>(null)
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [type, setType] = useState<ContactPointType>('联系生产队/小区')
  const [name, setName] = useState('')
  const [unitId, setUnitId] = useState('')
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [system, setSystem] = useState<'wgs84' | 'gcj02'>('wgs84')
  const [radius, setRadius] = useState(String(DEFAULT_RADIUS_METERS))
  const [cadres, setCadres] = useState<Picked[]>([])
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

  const here = async () => {
    const located = await getFix('staff')
    if (!located.fix) return setMessage(`${located.why}请在下面手动填写经纬度。`)
    const { fix } = located
    setLat(String(fix.lat))
    setLng(String(fix.lng))
    setSystem(fix.system)
  }

  /** In WeChat the point is picked on a map (GCJ-02); the browser has no map key, so it uses the current position. */
  const pickOnMap = async () => {
    try {
      const picked = await Taro.chooseLocation({})
      setLat(String(picked.latitude))
      setLng(String(picked.longitude))
      setSystem('gcj02')
      if (!name) setName(picked.name)
    } catch {
      // closed without choosing
    }
  }

  const deactivate = async (point: ContactPoint) => {
    const result = await ask('fieldwork', 'updateContactPoint', {
      id: point._id,
      expectedVersion: point.version,
      active: false,
    })
    if (!result.ok) return setMessage(result.message)
    setNotice(`已停用“${point.name}”`)
    void load()
  }

  const create = async () => {
    const result = await ask('fieldwork', 'createContactPoint', {
      type,
      name,
      unitId,
      position: { lat: Number(lat), lng: Number(lng), system },
      radiusMeters: Number(radius) || DEFAULT_RADIUS_METERS,
      cadreOpenids: cadres.map((cadre) => cadre.id),
    })
    if (!result.ok) return setMessage(result.message)
    setMessage('')
    setNotice(`已设立“${name}”`)
    void load()
  }

  return (
    <Page>
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      {points && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle">联系点</Text>
            {points.length === 0 && <Text className="mq-text">还没有联系点。</Text>}
            {points.map((point) => (
              <View key={point._id} className="mq-case-row">
                <Text className="mq-case-row__number">{point.name}</Text>
                <Text className="mq-case-row__meta">
                  {point.type} · 签到范围 {point.radiusMeters} 米 · 联系干部 {point.cadreOpenids.length} 人
                  {point.active ? '' : ' · 已停用'}
                </Text>
                {point.active && (
                  <Button className="mq-tap" fill="outline" onClick={() => void deactivate(point)}>
                    停用
                  </Button>
                )}
              </View>
            ))}
          </View>
          <View className="mq-card">
            <Text className="mq-subtitle">设立联系点</Text>
            <Radio.Group
              direction="horizontal"
              value={type}
              onChange={(value) => setType(String(value) as ContactPointType)}
            >
              {CONTACT_POINT_TYPES.map((candidate) => (
                <Radio key={candidate} value={candidate}>
                  {candidate}
                </Radio>
              ))}
            </Radio.Group>
            <Input className="mq-input" placeholder="联系点名称" value={name} maxLength={40} onChange={setName} />
            <ChoiceSheet
              title="选择所在组织"
              placeholder="选择所在组织"
              choices={units.map((unit) => ({ id: unit._id, label: unit.name }))}
              value={unitId}
              onChange={(choice) => setUnitId(choice.id)}
            />
            {process.env.TARO_ENV === 'weapp' && (
              <Button className="mq-tap" fill="outline" onClick={() => void pickOnMap()}>
                在地图上选点
              </Button>
            )}
            <Button className="mq-tap" fill="outline" onClick={() => void here()}>
              用我现在的位置
            </Button>
            <View className="mq-row">
              <Input className="mq-input" aria-label="纬度" placeholder="纬度" value={lat} onChange={setLat} />
              <Input className="mq-input" aria-label="经度" placeholder="经度" value={lng} onChange={setLng} />
            </View>
            <Input className="mq-input" aria-label="签到范围（米）" type="number" value={radius} onChange={setRadius} />
            <Text className="mq-label">联系干部</Text>
            {cadres.map((cadre) => (
              <Checkbox
                key={cadre.id}
                className="mq-tap"
                label={cadre.label}
                checked
                onChange={() => setCadres(cadres.filter((chosen) => chosen.id !== cadre.id))}
              />
            ))}
            <OfficialPicker
              className="points__add-cadre"
              title="添加联系干部"
              placeholder="添加联系干部（可按姓名搜索）"
              value={null}
              onChange={(picked) =>
                setCadres(cadres.some((chosen) => chosen.id === picked.id) ? cadres : [...cadres, picked])
              }
            />
            <Button className="mq-tap" type="primary" block onClick={() => void create()}>
              设立联系点
            </Button>
          </View>
        </>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.points, ContactPoints)
