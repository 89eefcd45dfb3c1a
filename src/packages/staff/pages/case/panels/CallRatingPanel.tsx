import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Satisfaction } from '@core/case/case'
import RatingFields, { type SolvedAnswer } from '../../../../../components/RatingFields'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 回访: a cadre or supervisor of the area records the reporter's answer given on the phone. */
export default function CallRatingPanel({ view, run, base }: PanelProps) {
  const [solved, setSolved] = useState<SolvedAnswer>('solved')
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied')
  const [comment, setComment] = useState('')
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">记录回访评价</Text>
      <Text className="mq-hint">
        请致电 {view.reporter.name} {view.reporter.phone}，询问是否解决、是否满意。
      </Text>
      <RatingFields solved={solved} satisfaction={satisfaction} onSolved={setSolved} onSatisfaction={setSatisfaction} />
      <Input
        className="mq-input"
        aria-label="回访意见"
        placeholder="群众的原话"
        value={comment}
        maxLength={300}
        onChange={setComment}
      />
      <Button
        className="mq-tap"
        type="primary"
        onClick={() =>
          void run('已记录回访评价', () => ask('cases', 'rateByCall', { ...base, solved, satisfaction, comment }))
        }
      >
        保存回访评价
      </Button>
    </View>
  )
}
