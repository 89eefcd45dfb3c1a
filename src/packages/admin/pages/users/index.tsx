import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, Radio } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, ROLES, type Role } from '@core/roles'
import { LEADER_RANK_LABELS, LEADER_RANKS, type LeaderRank, type UserView } from '@core/user/user'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import LoadMore from '../../../../components/LoadMore'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import { useUnits } from '../../components/useUnits'
import '../admin.scss'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import { confirmAction } from '../../../../services/confirm'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

function Users() {
  const { choices } = useUnits()
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<UserView | null>(null)
  const [role, setRole] = useState<Role>('resident')
  const [unitId, setUnitId] = useState('')
  /** 领导职务: 'none' for someone who is not a leader. */
  const [rank, setRank] = useState<LeaderRank | 'none'>('none')
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const list = usePagedList<UserView>((cursor) =>
    ask('users', 'list', { ...(query.trim() ? { query: query.trim() } : {}), ...(cursor ? { cursor } : {}) }),
  )
  const search = list.reload
  // Only the first search runs by itself; later ones are the user's.
  useListRefresh(list.reload, [])
  const users = list.items

  const select = (user: UserView) => {
    setSelected(user)
    setRole(user.role)
    setUnitId(user.unitId ?? '')
    setRank(user.leaderRank ?? 'none')
  }

  const save = async (
    change: { role?: Role; unitId?: string | null; active?: boolean; leaderRank?: LeaderRank | null },
    done: string,
  ) => {
    if (!selected) return
    const result = await ask('users', 'update', {
      openid: selected.openid,
      expectedVersion: selected.version,
      ...change,
    })
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    setMessage('')
    select(result.data)
    setNotice(done)
    void search()
  }

  const setActive = async (user: UserView, active: boolean) => {
    const sure =
      active ||
      (await confirmAction(
        `停用“${user.name || '此人'}”的账号？`,
        '停用后此人不能再办理诉求、签到或走访，已有的记录都保留。可以随时重新启用。',
        '停用',
      ))
    if (sure) {
      await save(
        { active },
        active ? '已重新启用' : `已停用“${user.name || '此人'}”的账号。如是误操作，点“重新启用账号”即可撤销。`,
      )
    }
  }

  return (
    <Page className="admin">
      <ErrorNotice message={list.message} />
      {users && (
        <View className="mq-card">
          <Text className="mq-subtitle">人员</Text>
          <View className="mq-row">
            <Input
              className="admin__input"
              aria-label="按姓名搜索"
              placeholder="按姓名搜索"
              value={query}
              onChange={setQuery}
            />
            <Button className="mq-tap" fill="outline" onClick={() => void search()}>
              搜索
            </Button>
          </View>
          {users.map((user) => (
            <View key={user.openid} className="admin__row" onClick={() => select(user)}>
              <Text className="admin__row-title">
                {user.name || '（未填姓名）'} · {ROLE_LABELS[user.role]}
                {user.leaderRank ? ` · ${LEADER_RANK_LABELS[user.leaderRank]}` : ''}
                {user.active ? '' : ' · 已停用'}
              </Text>
              <Text className="mq-hint">
                {user.unitName ?? '无所属组织'} · {user.phone ?? '未留电话'}
              </Text>
            </View>
          ))}
          <LoadMore list={list} />
        </View>
      )}
      {selected && (
        <View className="mq-card">
          <Text className="mq-subtitle">修改：{selected.name || selected.openid}</Text>
          <Radio.Group direction="horizontal" value={role} onChange={(value) => setRole(String(value) as Role)}>
            {ROLES.map((candidate) => (
              <Radio key={candidate} value={candidate}>
                {ROLE_LABELS[candidate]}
              </Radio>
            ))}
          </Radio.Group>
          <Text className="mq-label">领导职务（领办领导，计入每月领办数）</Text>
          <Radio.Group
            className="admin__rank"
            direction="horizontal"
            value={rank}
            onChange={(value) => setRank(String(value) as LeaderRank | 'none')}
          >
            {LEADER_RANKS.map((candidate) => (
              <Radio key={candidate} value={candidate}>
                {LEADER_RANK_LABELS[candidate]}
              </Radio>
            ))}
            <Radio value="none">不是领导</Radio>
          </Radio.Group>
          <ChoiceSheet
            title="选择所属组织"
            placeholder="选择所属组织"
            choices={choices}
            value={unitId}
            onChange={(choice) => setUnitId(choice.id)}
          />
          <View className="admin__actions">
            <Button
              className="mq-tap"
              type="primary"
              onClick={() =>
                void save({ role, unitId: unitId || null, leaderRank: rank === 'none' ? null : rank }, '已保存')
              }
            >
              保存
            </Button>
            <Button className="mq-tap" fill="outline" onClick={() => void setActive(selected, !selected.active)}>
              {selected.active ? '停用账号' : '重新启用账号'}
            </Button>
          </View>
          <ErrorNotice message={message} />
          <SuccessNotice message={notice} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.users, Users)
