import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { formatChinaTime } from '@core/time'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 延期审批 — for a supervisor of the case while an extension waits. */
export default function ExtensionReviewPanel({ view, run, base, can }: PanelProps) {
  const pending = view.pendingExtension
  const [reason, setReason] = useState('')
  if (!pending) return null
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">延期申请</Text>
      <Text className="mq-text">
        申请延期到 {formatChinaTime(pending.deadline)}：{pending.reason}
      </Text>
      {can('rejectExtension') && (
        <TextArea
          className="mq-textarea staff__extension-reason"
          aria-label="不同意延期的理由"
          placeholder="如不同意，请写明理由（承办人会看到）"
          value={reason}
          maxLength={200}
          onChange={setReason}
        />
      )}
      <View className="mq-row">
        {can('approveExtension') && (
          <Button
            className="mq-tap"
            type="primary"
            onClick={() => void run('已同意延期', () => ask('cases', 'approveExtension', base))}
          >
            同意延期
          </Button>
        )}
        {can('rejectExtension') && (
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() => void run('已驳回延期', () => ask('cases', 'rejectExtension', { ...base, reason }))}
          >
            不同意
          </Button>
        )}
      </View>
    </View>
  )
}
