import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ORG_UNIT_KIND_LABELS, type OrgUnit } from '@core/org/org'
import { shiftMonth, type BoardRow, type PledgeBoard } from '@core/pledge/pledges'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { withPageAccess } from '../../../../components/PageGate'
import { ask } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import { useShownAndPulled } from '../../../../services/page-show'
import '../supervisor.scss'

/** The units whose board may be chosen: the 管理区, 办事处, 社区 and 区直单位 of the tree the caller sees. */
const BOARD_UNIT_KINDS: ReadonlyArray<OrgUnit['kind']> = ['district', 'office', 'community', 'department']
const WHOLE = 'whole'

function Row({ row }: { row: BoardRow }) {
  const short = row.short > 0
  return (
    <View className={`pledges__row${short ? ' pledges__row--short' : ''}`}>
      <Text className="pledges__name">{row.name}</Text>
      <Text className="mq-hint">
        {row.kindLabel}
        {row.unitName ? ` · ${row.unitName}` : ''}
      </Text>
      <View className="pledges__figures">
        <Text className="pledges__figure">应领办 {row.quota}</Text>
        <Text className="pledges__figure">已领办 {row.takenOn}</Text>
        <Text className="pledges__figure">已办结 {row.closed}</Text>
      </View>
      <Text className={short ? 'pledges__verdict pledges__verdict--short' : 'pledges__verdict'}>
        {short ? '⚠ ' : '✓ '}
        {row.verdict}
      </Text>
    </View>
  )
}

/**
 * 领办情况: for a month, each leader's and unit's 应领办 / 已领办 / 已办结 in the caller's subtree
 * (all, or one unit, for an admin), and who is below quota — in words, as the server counted.
 */
function Pledges() {
  const [month, setMonth] = useState<string | null>(null)
  const [unitId, setUnitId] = useState(WHOLE)
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [board, setBoard] = useState<PledgeBoard | null>(null)
  const [message, setMessage] = useState('')

  const load = async (nextMonth: string | null = month, nextUnit: string = unitId) => {
    const answer = await ask('stats', 'pledgeBoard', {
      ...(nextMonth ? { month: nextMonth } : {}),
      ...(nextUnit !== WHOLE ? { unitId: nextUnit } : {}),
    })
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setBoard(answer.data)
    setMonth(answer.data.month)
  }
  useShownAndPulled(async () => {
    void ask('orgs', 'tree', {}).then((result) => result.ok && setUnits(result.data))
    await load()
  })
  const go = (by: number) => month && void load(shiftMonth(month, by))

  const unitChoices = [
    { id: WHOLE, label: '本辖区全部' },
    ...units
      .filter((unit) => unit.active && BOARD_UNIT_KINDS.includes(unit.kind))
      .map((unit) => ({ id: unit._id, label: `${unit.name}（${ORG_UNIT_KIND_LABELS[unit.kind]}）` })),
  ]

  return (
    <Page className="pledges">
      <ErrorNotice message={message} />
      <View className="mq-card">
        <View className="pledges__month">
          <Button className="mq-tap pledges__prev" fill="outline" onClick={() => go(-1)}>
            上个月
          </Button>
          <Text className="mq-subtitle pledges__month-label">{board?.monthLabel ?? ''}</Text>
          <Button className="mq-tap pledges__next" fill="outline" onClick={() => go(1)}>
            下个月
          </Button>
        </View>
        <Text className="mq-label">范围</Text>
        <ChoiceSheet
          className="pledges__unit"
          title="选择单位"
          placeholder="本辖区全部"
          choices={unitChoices}
          value={unitId}
          onChange={(choice) => {
            setUnitId(choice.id)
            void load(month, choice.id)
          }}
        />
        <Text className="mq-hint">
          应领办：每月应领办的件数（按实施方案，可由管理员调整）。已领办：当月列为其领办的诉求件数（按列为领办的时间计）。已办结：其中现在已销号办结的件数。
        </Text>
        {board && (
          <Text className={`mq-text pledges__summary${board.belowQuota > 0 ? ' pledges__verdict--short' : ''}`}>
            {board.belowQuota > 0
              ? `${board.monthLabel}有 ${board.belowQuota} 位领导或单位未达到应领办数。`
              : `${board.monthLabel}的领导和单位都已达到应领办数。`}
          </Text>
        )}
      </View>
      {board && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle">领导领办</Text>
            {board.leaders.length === 0 && (
              <Text className="mq-hint">这里还没有设定领导职务的人员（由管理员在人员管理中设置）。</Text>
            )}
            {board.leaders.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </View>
          <View className="mq-card">
            <Text className="mq-subtitle">单位领办</Text>
            {board.units.length === 0 && <Text className="mq-hint">这里没有办事处、社区或区直单位。</Text>}
            {board.units.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </View>
        </>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.pledges, Pledges)
