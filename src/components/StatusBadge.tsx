import { Text } from '@tarojs/components'
import { CASE_STATUS_LABELS, type CaseStatus } from '@core/case/case'
import './StatusBadge.scss'

/** The status in words, with colour only as a second signal. */
export default function StatusBadge({ status }: { status: CaseStatus }) {
  return <Text className={`mq-status mq-status--${status}`}>{CASE_STATUS_LABELS[status]}</Text>
}
