import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import {
  INVITABLE_ROLES,
  INVITATION_STATUS_LABELS,
  type InvitableRole,
  type InvitationView,
} from '@core/invitation/invitation'
import { ROLE_LABELS } from '@core/roles'
import { formatChinaTime } from '@core/time'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import LoadMore from '../../../../components/LoadMore'
import { useUnits } from '../../components/useUnits'
import '../admin.scss'
import { ErrorNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

function Invitations() {
  const { choices, error: unitsError } = useUnits()
  const [role, setRole] = useState<InvitableRole>('cadre')
  const [unitId, setUnitId] = useState('')
  const [issued, setIssued] = useState<InvitationView | null>(null)
  const [message, setMessage] = useState('')

  const invitations = usePagedList<InvitationView>((cursor) => ask('invitations', 'list', cursor ? { cursor } : {}))
  const load = invitations.reload
  useListRefresh(invitations.reload, [])
  const list = invitations.items

  const issue = async () => {
    if (!unitId) return setMessage('请选择所属组织')
    const result = await ask('invitations', 'issue', { role, unitId })
    if (!result.ok) return setMessage(result.message)
    setMessage('')
    setIssued(result.data)
    void load()
  }

  const revoke = async (code: string) => {
    const result = await ask('invitations', 'revoke', { code })
    if (!result.ok) return setMessage(result.message)
    void load()
  }

  const error = message || unitsError || invitations.message
  return (
    <Page className="admin">
      <ErrorNotice message={error} />
      {list && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle">发放邀请码</Text>
            <Text className="mq-label">身份</Text>
            <Radio.Group
              direction="horizontal"
              value={role}
              onChange={(value) => setRole(String(value) as InvitableRole)}
            >
              {INVITABLE_ROLES.map((candidate) => (
                <Radio key={candidate} value={candidate}>
                  {ROLE_LABELS[candidate]}
                </Radio>
              ))}
            </Radio.Group>
            <Text className="mq-label">所属组织</Text>
            <ChoiceSheet
              className="invite__unit"
              title="选择所属组织"
              placeholder="请选择所属组织"
              choices={choices}
              value={unitId}
              onChange={(choice) => setUnitId(choice.id)}
            />
            <Text className="mq-hint">邀请码 7 天内有效，只能使用一次。</Text>
            <Button className="mq-tap invite__issue" type="primary" block onClick={() => void issue()}>
              生成邀请码
            </Button>
            {issued && (
              <View className="invite__new" aria-live="polite">
                <Text className="mq-text">
                  请把邀请码发给对方（{ROLE_LABELS[issued.role]} · {issued.unitName}）：
                </Text>
                <Text className="invite__new-code">{issued.code}</Text>
                <Button
                  className="mq-tap"
                  fill="outline"
                  onClick={() =>
                    void Taro.setClipboardData({ data: `民情通邀请码：${issued.code}（在“我的”页面输入）` })
                  }
                >
                  复制邀请码
                </Button>
              </View>
            )}
          </View>
          <View className="mq-card">
            <Text className="mq-subtitle">已发放的邀请码</Text>
            {list.length === 0 && <Text className="mq-hint">还没有发放过邀请码。</Text>}
            {list.map((invitation) => (
              <View key={invitation.code} className="admin__row">
                <Text className="admin__row-title">{invitation.code}</Text>
                <Text className="mq-hint">
                  {ROLE_LABELS[invitation.role]} · {invitation.unitName ?? '—'} ·{' '}
                  {INVITATION_STATUS_LABELS[invitation.status]} · 有效期至 {formatChinaTime(invitation.expiresAt)}
                </Text>
                {invitation.status === 'active' && (
                  <Button className="mq-tap" fill="outline" onClick={() => void revoke(invitation.code)}>
                    作废
                  </Button>
                )}
              </View>
            ))}
            <LoadMore list={invitations} />
          </View>
        </>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.invitations, Invitations)
