import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Photo from '../../../../../components/Photo'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 销号审核: the evidence side by side with the 解决标准. */
export default function ReviewPanel({ view, run, base, can }: PanelProps) {
  const [reason, setReason] = useState('')
  const request = view.closureRequest
  return (
    <View className="mq-card staff__review">
      <Text className="mq-subtitle">销号审核</Text>
      <View className="staff__compare">
        <View className="staff__compare-col">
          <Text className="mq-label">解决标准</Text>
          <Text className="mq-text">{view.assignment?.standard ?? '（立行立改，无派单标准）'}</Text>
        </View>
        <View className="staff__compare-col">
          <Text className="mq-label">办理结果</Text>
          <Text className="mq-text">{request?.note}</Text>
          <Text className="mq-hint">达到标准的情况：{request?.standardMet}</Text>
        </View>
      </View>
      {(request?.evidence.length ?? 0) > 0 && (
        <View className="staff__photos">
          {request?.evidence.map((fileId, index) => (
            <Photo key={fileId} className="staff__photo" src={view.photoUrls[fileId]} label={`佐证照片 ${index + 1}`} />
          ))}
        </View>
      )}
      {can('approveClosure') && (
        <Button
          className="mq-tap staff__approve"
          type="primary"
          block
          onClick={() => void run('已销号', () => ask('cases', 'approveClosure', base))}
        >
          同意销号
        </Button>
      )}
      {can('rejectClosure') && (
        <>
          <Input
            className="mq-input"
            aria-label="退回理由"
            placeholder="退回理由"
            value={reason}
            maxLength={200}
            onChange={setReason}
          />
          <Button
            className="mq-tap staff__reject"
            fill="outline"
            block
            onClick={() => void run('已退回继续办理', () => ask('cases', 'rejectClosure', { ...base, reason }))}
          >
            退回继续办理
          </Button>
        </>
      )}
    </View>
  )
}
