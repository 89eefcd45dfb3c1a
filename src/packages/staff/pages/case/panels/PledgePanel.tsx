import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OrgUnit } from '@core/org/org'
import { pledgedBy } from '@core/pledge/pledges'
import ChoiceSheet from '../../../../../components/ChoiceSheet'
import { ask } from '../../../../../services/backend'
import { leaderChoice, pledgeUnitChoices, useLeaders } from './pledge-choices'
import type { PanelProps } from './types'

const NOBODY = 'none'

/** 列为领办 — for a supervisor of the case's area once it is assigned: which leader and/or unit takes it on. */
export default function PledgePanel({ view, run, base }: PanelProps) {
  const leaders = useLeaders()
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [leaderId, setLeaderId] = useState(view.pledge?.leaderId ?? NOBODY)
  const [unitId, setUnitId] = useState(view.pledge?.unitId ?? NOBODY)

  useEffect(() => {
    void ask('orgs', 'tree', {}).then((result) => result.ok && setUnits(result.data))
  }, [])
  useEffect(() => {
    setLeaderId(view.pledge?.leaderId ?? NOBODY)
    setUnitId(view.pledge?.unitId ?? NOBODY)
  }, [view.pledge?.leaderId, view.pledge?.unitId])

  // The case's own choice stays offered even when its leader or unit has left the lists since.
  const leaderChoices = [{ id: NOBODY, label: '不列为领导领办' }, ...leaders.map(leaderChoice)]
  if (view.pledge?.leaderId && !leaders.some((leader) => leader.openid === view.pledge?.leaderId)) {
    leaderChoices.push({ id: view.pledge.leaderId, label: view.pledge.leaderName ?? '' })
  }
  const unitChoices = [{ id: NOBODY, label: '不列为单位领办' }, ...pledgeUnitChoices(units)]
  if (view.pledge?.unitId && !unitChoices.some((choice) => choice.id === view.pledge?.unitId)) {
    unitChoices.push({ id: view.pledge.unitId, label: view.pledge.unitName ?? '' })
  }
  const current = pledgedBy(view.pledge)

  return (
    <View className="mq-card staff__pledge">
      <Text className="mq-subtitle">领办</Text>
      <Text className="mq-hint staff__pledge-now">
        {current ? `现由${current}领办，计入其每月领办数。` : '还没有列为哪位领导或哪个单位的领办。'}
      </Text>
      <Text className="mq-label">领办的领导</Text>
      <ChoiceSheet
        className="staff__pledge-leader-pick"
        title="选择领办的领导"
        placeholder="选择领办的领导"
        choices={leaderChoices}
        value={leaderId}
        onChange={(choice) => setLeaderId(choice.id)}
      />
      <Text className="mq-label">领办的单位（办事处、社区、区直单位）</Text>
      <ChoiceSheet
        className="staff__pledge-unit-pick"
        title="选择领办的单位"
        placeholder="选择领办的单位"
        choices={unitChoices}
        value={unitId}
        onChange={(choice) => setUnitId(choice.id)}
      />
      <Button
        className="mq-tap staff__pledge-save"
        type="primary"
        fill="outline"
        block
        onClick={() =>
          void run('已保存领办', () =>
            ask('cases', 'markPledge', {
              ...base,
              leaderId: leaderId === NOBODY ? null : leaderId,
              unitId: unitId === NOBODY ? null : unitId,
            }),
          )
        }
      >
        保存领办
      </Button>
      <Text className="mq-hint">群众能看到由谁领办。</Text>
    </View>
  )
}
