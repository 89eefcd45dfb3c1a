import { useEffect, useState } from 'react'
import type { OrgUnit } from '@core/org/org'
import { isPledgeUnitKind } from '@core/pledge/pledges'
import { LEADER_RANK_LABELS, type Leader } from '@core/user/user'
import type { Choice } from '../../../../../components/ChoiceSheet'
import { ask } from '../../../../../services/backend'

/** The leaders to choose 领办领导 from (the server's list: active officials with a rank). */
export function useLeaders(): Leader[] {
  const [leaders, setLeaders] = useState<Leader[]>([])
  useEffect(() => {
    void ask('users', 'listLeaders', {}).then((result) => result.ok && setLeaders(result.data))
  }, [])
  return leaders
}

export function leaderChoice(leader: Leader): Choice {
  const where = leader.unitName ? `·${leader.unitName}` : ''
  return { id: leader.openid, label: `${leader.name}（${LEADER_RANK_LABELS[leader.leaderRank]}${where}）` }
}

/** The units of the tree that may take a case on as their 领办: 办事处, 社区, 区直单位. */
export function pledgeUnitChoices(units: readonly OrgUnit[]): Choice[] {
  return units
    .filter((unit) => unit.active && isPledgeUnitKind(unit.kind))
    .map((unit) => ({ id: unit._id, label: unit.name }))
}
