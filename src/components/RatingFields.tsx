import { Text } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import { SATISFACTION_LABELS, SATISFACTIONS, SOLVED_ANSWERS, SOLVED_LABELS, type Satisfaction } from '@core/case/case'

export type SolvedAnswer = (typeof SOLVED_ANSWERS)[number]

/** The two questions of 问效于民, asked the same way of the reporter and on a 回访 call. */
export default function RatingFields({
  solved,
  satisfaction,
  onSolved,
  onSatisfaction,
}: {
  solved: SolvedAnswer | ''
  satisfaction: Satisfaction | ''
  onSolved: (answer: SolvedAnswer) => void
  onSatisfaction: (answer: Satisfaction) => void
}) {
  return (
    <>
      <Text className="mq-label">问题解决了吗？</Text>
      <Radio.Group direction="horizontal" value={solved} onChange={(value) => onSolved(String(value) as SolvedAnswer)}>
        {SOLVED_ANSWERS.map((answer) => (
          <Radio key={answer} value={answer}>
            {SOLVED_LABELS[answer]}
          </Radio>
        ))}
      </Radio.Group>
      <Text className="mq-label">对办理结果满意吗？</Text>
      <Radio.Group
        direction="horizontal"
        value={satisfaction}
        onChange={(value) => onSatisfaction(String(value) as Satisfaction)}
      >
        {SATISFACTIONS.map((answer) => (
          <Radio key={answer} value={answer}>
            {SATISFACTION_LABELS[answer]}
          </Radio>
        ))}
      </Radio.Group>
    </>
  )
}
