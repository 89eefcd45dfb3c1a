import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { assignedDeadline, deadlineChoices, type TimeLimits } from '@core/case/time-limits'
import type { StaffCaseListItem } from '@core/case/views'
import type { OrgUnit } from '@core/org/org'
import { formatChinaTime } from '@core/time'
import type { UserView } from '@core/user/user'
import ChoiceSheet from '../../../../../components/ChoiceSheet'
import OfficialPicker from '../../../../../components/OfficialPicker'
import SearchPicker, { type Picked } from '../../../../../components/SearchPicker'
import { ask } from '../../../../../services/backend'
import { isPledgeUnitKind } from '@core/pledge/pledges'
import { leaderChoice, useLeaders } from './pledge-choices'
import type { PanelProps } from './types'

/** The 领办领导 choice that opens a field for a name typed by hand (no leader's record fits). */
const TYPED = 'typed'

/** 派单, 不予受理, 合并 — for a supervisor of the case's area, each as the server allows it. */
export default function DispatchPanel({ view, run, base, can, me }: PanelProps & { me: UserView }) {
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [limits, setLimits] = useState<TimeLimits | null>(null)
  const [unitId, setUnitId] = useState(me.unitId ?? '')
  const [handler, setHandler] = useState<Picked | null>(null)
  const leaders = useLeaders()
  // The supervisor himself when he is a leader, else a name typed (his own to start with).
  const [leaderId, setLeaderId] = useState(me.leaderRank ? me.openid : TYPED)
  const [leadOfficial, setLeadOfficial] = useState(me.name)
  const [pledgeLeader, setPledgeLeader] = useState(false)
  const [pledgeUnit, setPledgeUnit] = useState(false)
  const [standard, setStandard] = useState('')
  const [reason, setReason] = useState('')
  const [target, setTarget] = useState<Picked | null>(null)
  /** The 完成时限 picked, when earlier than the latest (null: the latest, the urgency's default). */
  const [deadline, setDeadline] = useState<number | null>(null)

  useEffect(() => {
    void ask('orgs', 'tree', {}).then((result) => result.ok && setUnits(result.data.filter((unit) => unit.active)))
    void ask('settings', 'getTimeLimits', {}).then((result) => result.ok && setLimits(result.data.limits))
  }, [])

  // The latest 完成时限 the server allows (the same core rule and limits); it decides again on 派单.
  const now = Date.now()
  const latestAnswer = limits ? assignedDeadline(undefined, view, limits, now) : null
  const latest = latestAnswer?.ok ? latestAnswer.data : null
  const choices = latest ? deadlineChoices(latest, now) : []
  const byRecord = leaderId !== TYPED
  const unit = units.find((candidate) => candidate._id === unitId)
  const unitMayPledge = !!unit && isPledgeUnitKind(unit.kind)
  return (
    <View className="mq-card staff__dispatch">
      {can('assign') && (
        <>
          <Text className="mq-subtitle">派单</Text>
          <Text className="mq-label">责任单位</Text>
          <ChoiceSheet
            className="staff__unit"
            title="选择责任单位"
            placeholder="选择责任单位"
            choices={units.map((unit) => ({ id: unit._id, label: unit.name }))}
            value={unitId}
            onChange={(choice) => setUnitId(choice.id)}
          />
          <Text className="mq-label">承办人</Text>
          <OfficialPicker
            className="staff__handler"
            title="选择承办人"
            placeholder="选择承办人（可按姓名搜索）"
            value={handler}
            onChange={setHandler}
          />
          <Text className="mq-label">领办领导</Text>
          <ChoiceSheet
            className="staff__leader"
            title="选择领办领导"
            placeholder="选择领办领导"
            choices={[...leaders.map(leaderChoice), { id: TYPED, label: '名单中没有，手动填写' }]}
            value={leaderId}
            onChange={(choice) => setLeaderId(choice.id)}
          />
          {!byRecord && (
            <Input
              className="mq-input"
              aria-label="领办领导"
              placeholder="领办领导姓名"
              value={leadOfficial}
              maxLength={20}
              onChange={setLeadOfficial}
            />
          )}
          <Text className="mq-label">列为领办（计入每月领办数）</Text>
          {byRecord && (
            <Checkbox
              className="mq-tap staff__pledge-leader"
              checked={pledgeLeader}
              label="列为这位领导的领办"
              onChange={setPledgeLeader}
            />
          )}
          {unitMayPledge && (
            <Checkbox
              className="mq-tap staff__pledge-unit"
              checked={pledgeUnit}
              label={`列为${unit.name}的领办`}
              onChange={setPledgeUnit}
            />
          )}
          {!byRecord && !unitMayPledge && (
            <Text className="mq-hint">
              从名单中选择领办领导，或选择办事处、社区、区直单位为责任单位，才能列为领办。
            </Text>
          )}
          <Text className="mq-label">解决标准</Text>
          <TextArea
            className="mq-textarea staff__standard"
            aria-label="解决标准"
            placeholder="办到什么程度算解决，例如：三天内修复路灯并恢复照明"
            value={standard}
            maxLength={300}
            onChange={setStandard}
          />
          <Text className="mq-label">完成时限</Text>
          {latest && (
            <ChoiceSheet
              className="staff__deadline"
              title="选择完成时限"
              placeholder="选择完成时限"
              choices={choices.map((at) => ({
                id: String(at),
                label: `${formatChinaTime(at, 'M月D日 HH:mm')}${at === latest ? '（按紧急程度，最晚）' : ''}`,
              }))}
              value={String(deadline ?? latest)}
              onChange={(choice) => setDeadline(Number(choice.id) === latest ? null : Number(choice.id))}
            />
          )}
          <Text className="mq-hint">可以提前，不能晚于按紧急程度的时限；需要更长时间，由承办人签收后申请延期。</Text>
          <Button
            className="mq-tap staff__assign"
            type="primary"
            block
            onClick={() =>
              void run('已派单', () =>
                ask('cases', 'assign', {
                  ...base,
                  responsibleUnitId: unitId,
                  handlerOpenid: handler?.id ?? '',
                  ...(byRecord ? { leadOfficialId: leaderId } : { leadOfficial }),
                  ...(byRecord && pledgeLeader ? { pledgeLeaderId: leaderId } : {}),
                  ...(unitMayPledge && pledgeUnit ? { pledgeUnitId: unitId } : {}),
                  standard,
                  ...(deadline !== null ? { deadline } : {}),
                }),
              )
            }
          >
            派单
          </Button>
        </>
      )}
      {can('decline') && (
        <>
          <Text className="mq-label">不予受理</Text>
          <Input
            className="mq-input"
            aria-label="不予受理的理由"
            placeholder="不予受理的理由"
            value={reason}
            maxLength={200}
            onChange={setReason}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() => void run('已不予受理', () => ask('cases', 'decline', { ...base, reason }))}
          >
            不予受理
          </Button>
        </>
      )}
      {can('merge') && (
        <>
          <Text className="mq-label">与已有诉求合并（同一件事多人反映）</Text>
          <SearchPicker<StaffCaseListItem>
            className="staff__merge-target"
            title="选择要合并到的诉求"
            placeholder="从辖区内正在办理的诉求中选择"
            value={target}
            fetchPage={(_query, cursor) =>
              ask('cases', 'listInScope', { queue: 'open', excludeId: view.id, ...(cursor ? { cursor } : {}) })
            }
            toChoice={(item) => ({
              id: item.number,
              label: `${item.number} ${item.summary}`,
            })}
            onChange={setTarget}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() => void run('已合并', () => ask('cases', 'merge', { ...base, targetNumber: target?.id ?? '' }))}
          >
            合并
          </Button>
        </>
      )}
    </View>
  )
}
