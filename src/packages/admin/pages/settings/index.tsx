import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { URGENCIES, URGENCY_LABELS, type Urgency } from '@core/case/case'
import type { TimeLimits } from '@core/case/time-limits'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import '../admin.scss'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import PledgeQuotas from './PledgeQuotas'

/** 办理时限: 签收 hours and completion days per urgency; new assignments follow them. And the 领办 quotas. */
function Settings() {
  const [limits, setLimits] = useState<TimeLimits | null>(null)
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  useEffect(() => {
    void ask('settings', 'getTimeLimits', {}).then((result) => {
      if (!result.ok) return setMessage(result.message)
      const data = result.data
      setLimits(data.limits)
      setVersion(data.version)
    })
  }, [])

  const change = (urgency: Urgency, field: 'acknowledgeHours' | 'completeDays', value: string) =>
    setLimits(
      (previous) => previous && { ...previous, [urgency]: { ...previous[urgency], [field]: Number(value) || 0 } },
    )

  const save = async () => {
    if (!limits) return
    const result = await ask('settings', 'setTimeLimits', { limits, expectedVersion: version })
    if (!result.ok) return setMessage(result.message)
    const data = result.data
    setLimits(data.limits)
    setVersion(data.version)
    setMessage('')
    setNotice('已保存，之后派单的诉求按新时限计算')
  }

  return (
    <Page className="admin">
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      {limits && (
        <View className="mq-card">
          <Text className="mq-subtitle">办理时限</Text>
          {URGENCIES.map((urgency) => (
            <View key={urgency} className="admin__row">
              <Text className="admin__row-title">{URGENCY_LABELS[urgency]}</Text>
              <Text className="mq-hint">签收时限（小时）</Text>
              <Input
                className="admin__input"
                aria-label={`${URGENCY_LABELS[urgency]} 签收时限（小时）`}
                type="number"
                value={String(limits[urgency].acknowledgeHours)}
                onChange={(value) => change(urgency, 'acknowledgeHours', value)}
              />
              <Text className="mq-hint">完成时限（天）</Text>
              <Input
                className="admin__input"
                aria-label={`${URGENCY_LABELS[urgency]} 完成时限（天）`}
                type="number"
                value={String(limits[urgency].completeDays)}
                onChange={(value) => change(urgency, 'completeDays', value)}
              />
            </View>
          ))}
          <Button className="mq-tap" type="primary" block onClick={() => void save()}>
            保存
          </Button>
        </View>
      )}
      <PledgeQuotas />
    </Page>
  )
}

export default withPageAccess(PAGES.settings, Settings)
