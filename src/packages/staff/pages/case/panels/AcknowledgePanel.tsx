import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, Radio } from '@nutui/nutui-react-taro'
import { SEND_BACK_REASONS, type SendBackReason } from '@core/case/case'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 签收 or 退单 — for the handler of a newly assigned case. */
export default function AcknowledgePanel({ run, base, can }: PanelProps) {
  const [reason, setReason] = useState<SendBackReason | ''>('')
  const [note, setNote] = useState('')
  return (
    <View className="mq-card">
      {can('acknowledge') && (
        <Button
          className="mq-tap staff__acknowledge"
          type="primary"
          size="large"
          block
          onClick={() => void run('已签收', () => ask('cases', 'acknowledge', base))}
        >
          签收
        </Button>
      )}
      {can('sendBack') && (
        <>
          <Text className="mq-label">不属于我办理？退单理由</Text>
          <Radio.Group
            direction="horizontal"
            value={reason}
            onChange={(value) => setReason(String(value) as SendBackReason)}
          >
            {SEND_BACK_REASONS.map((candidate) => (
              <Radio key={candidate} value={candidate}>
                {candidate}
              </Radio>
            ))}
          </Radio.Group>
          <Input
            className="mq-input"
            aria-label="退单说明"
            placeholder="说明（可不填）"
            value={note}
            maxLength={200}
            onChange={setNote}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() =>
              void run('已退单', () => ask('cases', 'sendBack', { ...base, reason: reason as SendBackReason, note }))
            }
          >
            退单
          </Button>
        </>
      )}
    </View>
  )
}
