import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import { CONTACT_POINT_TYPES, DEFAULT_RADIUS_METERS, type ContactPointType } from '@core/fieldwork/fieldwork'
import type { OrgUnit } from '@core/org/org'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import { ErrorNotice } from '../../../../components/Notice'
import OfficialPicker from '../../../../components/OfficialPicker'
import type { Picked } from '../../../../components/SearchPicker'
import { ask } from '../../../../services/backend'
import { getFix } from '../../../../services/location'
import type { ManagedPoint } from './types'

/**
 * Setting up a contact point, or changing one (its name, place, radius and the people who go there;
 * its type and unit stay). `done` is told what was saved.
 */
export default function PointForm({
  units,
  editing,
  done,
  cancel,
}: {
  units: OrgUnit[]
  editing: ManagedPoint | null
  done: (notice: string) => void
  cancel: () => void
}) {
  const [type, setType] = useState<ContactPointType>(editing?.type ?? '联系生产队/小区')
  const [name, setName] = useState(editing?.name ?? '')
  const [unitId, setUnitId] = useState(editing?.unitId ?? '')
  const [lat, setLat] = useState(editing ? String(editing.location.lat) : '')
  const [lng, setLng] = useState(editing ? String(editing.location.lng) : '')
  // A stored point is in WGS-84; a new place is in whatever the phone or map gave.
  const [system, setSystem] = useState<'wgs84' | 'gcj02'>('wgs84')
  const [radius, setRadius] = useState(String(editing?.radiusMeters ?? DEFAULT_RADIUS_METERS))
  const [cadres, setCadres] = useState<Picked[]>(
    editing?.cadres.map((cadre) => ({ id: cadre.openid, label: cadre.name || '（未填姓名）' })) ?? [],
  )
  const [message, setMessage] = useState('')

  const here = async () => {
    const located = await getFix('staff')
    if (!located.fix) return setMessage(`${located.why}请在下面手动填写经纬度。`)
    setLat(String(located.fix.lat))
    setLng(String(located.fix.lng))
    setSystem(located.fix.system)
    setMessage('')
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

  const place = { lat: Number(lat), lng: Number(lng), system }
  const save = async () => {
    const common = {
      name,
      position: place,
      radiusMeters: Number(radius) || DEFAULT_RADIUS_METERS,
      cadreOpenids: cadres.map((cadre) => cadre.id),
    }
    const result = editing
      ? await ask('fieldwork', 'updateContactPoint', { id: editing._id, expectedVersion: editing.version, ...common })
      : await ask('fieldwork', 'createContactPoint', { type, unitId, ...common })
    if (!result.ok) return setMessage(result.message)
    setMessage('')
    done(editing ? `已保存“${name}”` : `已设立“${name}”`)
  }

  return (
    <View className="mq-card points__form">
      <Text className="mq-subtitle">{editing ? `修改“${editing.name}”` : '设立联系点'}</Text>
      {editing ? (
        <Text className="mq-hint">
          {editing.type} · {units.find((unit) => unit._id === editing.unitId)?.name ?? ''}
        </Text>
      ) : (
        <>
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
          <ChoiceSheet
            title="选择所在组织"
            placeholder="选择所在组织"
            choices={units.map((unit) => ({ id: unit._id, label: unit.name }))}
            value={unitId}
            onChange={(choice) => setUnitId(choice.id)}
          />
        </>
      )}
      <Text className="mq-label">名称</Text>
      <Input
        className="mq-input"
        aria-label="联系点名称"
        placeholder="联系点名称"
        value={name}
        maxLength={40}
        onChange={setName}
      />
      <Text className="mq-label">位置</Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="mq-tap" fill="outline" onClick={() => void pickOnMap()}>
          在地图上选点
        </Button>
      )}
      <Button className="mq-tap" fill="outline" onClick={() => void here()}>
        用我现在的位置
      </Button>
      <View className="mq-row">
        <Input className="mq-input points__coord" aria-label="纬度" placeholder="纬度" value={lat} onChange={setLat} />
        <Input className="mq-input points__coord" aria-label="经度" placeholder="经度" value={lng} onChange={setLng} />
      </View>
      <Text className="mq-label">签到范围（米）</Text>
      <Input
        className="mq-input"
        aria-label="签到范围（米）"
        placeholder="例如 300"
        type="number"
        value={radius}
        onChange={setRadius}
      />
      <Text className="mq-label">联系干部（点一下可移除）</Text>
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
      <ErrorNotice message={message} />
      <View className="mq-entries">
        <Button className="mq-tap" type="primary" onClick={() => void save()}>
          {editing ? '保存修改' : '设立联系点'}
        </Button>
        {editing && (
          <Button className="mq-tap" fill="outline" onClick={cancel}>
            取消修改
          </Button>
        )}
      </View>
    </View>
  )
}
