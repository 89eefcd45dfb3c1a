import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { URGENCY_LABELS } from '@core/case/case'
import type { StaffCaseListItem } from '@core/case/views'
import { formatChinaTime } from '@core/time'
import StatusBadge from './StatusBadge'
import './CaseRow.scss'

/**
 * A row of the officials' lists: status in words, deadline, overdue said in words too, a 督办 note
 * waiting for its reply; a list may add lines of its own (`children`).
 */
export default function StaffCaseRow({ item, children }: { item: StaffCaseListItem; children?: ReactNode }) {
  // Overdue is the server's decision, by its clock and the one rule.
  const overdue = item.overdue
  return (
    <View
      className="mq-case-row"
      role="link"
      onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${item.id}` })}
    >
      <View className="mq-case-row__head">
        <Text className="mq-case-row__number">
          {item.number}
          {item.onTheSpot ? ' · 立行立改' : ''}
        </Text>
        <StatusBadge status={item.status} reader="staff" />
      </View>
      <Text className="mq-case-row__meta">
        {item.category} · {URGENCY_LABELS[item.urgency]} · 反映人 {item.reporterName}
        {item.handlerName ? ` · 承办 ${item.handlerName}` : ''}
      </Text>
      {item.deadline !== null && (
        <Text className="mq-case-row__meta">
          完成时限 {formatChinaTime(item.deadline)}
          {item.hasPendingExtension ? ' · 申请延期中' : ''}
        </Text>
      )}
      {overdue && item.lateness && (
        <Text className="mq-case-row__overdue">
          已超期：{item.lateness.label}
          {item.lateness.text}（{item.lateness.party === 'reviewer' ? '待审核领导' : '经办人'}）
        </Text>
      )}
      {item.supervisionNoteAwaiting && <Text className="mq-case-row__overdue">有督办意见待回复</Text>}
      {children}
      <Text className="mq-case-row__summary">{item.summary}</Text>
    </View>
  )
}
