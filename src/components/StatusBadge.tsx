import { Text } from '@tarojs/components'
import { CASE_STATUS_LABELS, RESIDENT_STATUS_LABELS, type CaseStatus } from '@core/case/case'
import './StatusBadge.scss'

/** The status in words (a resident's words on the resident's pages), with colour only as a second signal. */
export default function StatusBadge({ status, reader }: { status: CaseStatus; reader: 'resident' | 'staff' }) {
  const labels = reader === 'resident' ? RESIDENT_STATUS_LABELS : CASE_STATUS_LABELS
  return <Text className={`mq-status mq-status--${status}`}>{labels[status]}</Text>
}
