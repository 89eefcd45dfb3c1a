import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ORG_UNIT_KIND_LABELS } from '@core/org/org'
import {
  isPledgeUnitKind,
  QUOTA_KIND_LABELS,
  QUOTA_KINDS,
  type QuotaDefaults,
  type QuotaKind,
  type QuotaOverride,
} from '@core/pledge/pledges'
import { LEADER_RANK_LABELS, type Leader } from '@core/user/user'
import ChoiceSheet, { type Choice } from '../../../../components/ChoiceSheet'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import { ask } from '../../../../services/backend'
import { useUnits } from '../../components/useUnits'

type Override = QuotaOverride & { name: string }

/** 领办数量: each kind's monthly quota (the plan's by default) and a leader's or unit's own. */
export default function PledgeQuotas() {
  const { units } = useUnits()
  const [leaders, setLeaders] = useState<Leader[]>([])
  const [defaults, setDefaults] = useState<QuotaDefaults | null>(null)
  const [overrides, setOverrides] = useState<Override[]>([])
  const [version, setVersion] = useState(0)
  const [adding, setAdding] = useState('')
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const show = (data: { quotas: { defaults: QuotaDefaults; overrides: Override[] }; version: number }) => {
    setDefaults(data.quotas.defaults)
    setOverrides(data.quotas.overrides)
    setVersion(data.version)
  }
  useEffect(() => {
    void ask('settings', 'getPledgeQuotas', {}).then((result) =>
      result.ok ? show(result.data) : setMessage(result.message),
    )
    void ask('users', 'listLeaders', {}).then((result) => result.ok && setLeaders(result.data))
  }, [])

  // Who may be given a quota of their own and has none yet: leaders, then 办事处/社区/区直单位.
  const candidates: Array<Choice & { subject: QuotaOverride['subject'] }> = [
    ...leaders.map((leader) => ({
      id: `leader:${leader.openid}`,
      label: `${leader.name}（${LEADER_RANK_LABELS[leader.leaderRank]}）`,
      subject: 'leader' as const,
    })),
    ...units
      .filter((unit) => unit.active && isPledgeUnitKind(unit.kind))
      .map((unit) => ({
        id: `unit:${unit._id}`,
        label: `${unit.name}（${ORG_UNIT_KIND_LABELS[unit.kind]}）`,
        subject: 'unit' as const,
      })),
  ].filter((choice) => !overrides.some((row) => `${row.subject}:${row.id}` === choice.id))

  const add = () => {
    const choice = candidates.find((candidate) => candidate.id === adding)
    if (!choice || !defaults) return
    const id = choice.id.slice(choice.subject.length + 1)
    setOverrides([...overrides, { subject: choice.subject, id, name: choice.label, quota: 1 }])
    setAdding('')
  }
  const setQuota = (index: number, value: string) =>
    setOverrides(overrides.map((row, at) => (at === index ? { ...row, quota: Number(value) || 0 } : row)))

  const save = async () => {
    if (!defaults) return
    const result = await ask('settings', 'setPledgeQuotas', {
      quotas: { defaults, overrides: overrides.map(({ subject, id, quota }) => ({ subject, id, quota })) },
      expectedVersion: version,
    })
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    show(result.data)
    setMessage('')
    setNotice('已保存，领办情况按新的数量计算')
  }

  if (!defaults) return <ErrorNotice message={message} />
  return (
    <View className="mq-card admin__quotas">
      <Text className="mq-subtitle">每月领办数量</Text>
      <Text className="mq-hint">
        按实施方案：管理区主要领导每月领办 2 件、其他领导 1 件，每个办事处、社区 2 件，每个区直单位 1 件。
      </Text>
      {QUOTA_KINDS.map((kind: QuotaKind) => (
        <View key={kind} className="admin__row">
          <Text className="admin__row-title">{QUOTA_KIND_LABELS[kind]}（件/月）</Text>
          <Input
            className="admin__input"
            aria-label={`${QUOTA_KIND_LABELS[kind]} 每月领办数量`}
            type="number"
            value={String(defaults[kind])}
            onChange={(value) => setDefaults({ ...defaults, [kind]: Number(value) || 0 })}
          />
        </View>
      ))}
      <Text className="mq-label">单独设定（某位领导或某个单位）</Text>
      {overrides.map((row, index) => (
        <View key={`${row.subject}:${row.id}`} className="admin__row">
          <Text className="admin__row-title">{row.name}（件/月）</Text>
          <Input
            className="admin__input"
            aria-label={`${row.name} 每月领办数量`}
            type="number"
            value={String(row.quota)}
            onChange={(value) => setQuota(index, value)}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() => setOverrides(overrides.filter((_row, at) => at !== index))}
          >
            取消单独设定
          </Button>
        </View>
      ))}
      <ChoiceSheet
        className="admin__quota-add"
        title="选择领导或单位"
        placeholder="选择要单独设定的领导或单位"
        choices={candidates}
        value={adding}
        onChange={(choice) => setAdding(choice.id)}
      />
      <View className="admin__actions">
        <Button className="mq-tap" fill="outline" onClick={add}>
          添加单独设定
        </Button>
        <Button className="mq-tap admin__quotas-save" type="primary" onClick={() => void save()}>
          更新领办数量
        </Button>
      </View>
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
    </View>
  )
}
