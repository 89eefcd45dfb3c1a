import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import type { Satisfaction } from '@core/case/case'
import type { CaseView, ReporterCaseView } from '@core/case/views'
import Page from '../../components/Page'
import RatingFields, { type SolvedAnswer } from '../../components/RatingFields'
import { ask } from '../../services/backend'
import { ErrorNotice } from '../../components/Notice'

/** 问效于民: was it solved, how satisfied, and a word — against the 解决标准 the case was held to. */
export default function Rate() {
  const { params } = useRouter()
  const [view, setView] = useState<ReporterCaseView | null>(null)
  /** An official who opens a case here is sent to the staff workbench, where its view belongs. */
  const showOwn = (answer: CaseView) =>
    answer.kind === 'staff'
      ? void Taro.redirectTo({ url: `/packages/staff/pages/case/index?id=${answer.id}` })
      : setView(answer)
  const [solved, setSolved] = useState<SolvedAnswer | ''>('')
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('')
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState('')

  useDidShow(() => {
    void ask('cases', 'get', { id: params.id ?? '' }).then((result) =>
      result.ok ? showOwn(result.data) : setMessage(result.message),
    )
  })

  const send = async () => {
    if (!view) return
    if (!solved || !satisfaction) return setMessage('请选择问题是否解决和满意程度')
    const result = await ask('cases', 'rate', {
      id: view.id,
      expectedVersion: view.version,
      solved,
      satisfaction,
      comment,
    })
    if (!result.ok) return setMessage(result.message)
    void Taro.redirectTo({ url: `/pages/case/index?id=${view.id}&rated=1` })
  }

  return (
    <Page>
      {view && (
        <View className="mq-card">
          <Text className="mq-subtitle">诉求 {view.number}</Text>
          <Text className="mq-text">{view.description}</Text>
          {view.standard && <Text className="mq-label">当时承诺的解决标准：{view.standard}</Text>}
          <RatingFields
            solved={solved}
            satisfaction={satisfaction}
            onSolved={setSolved}
            onSatisfaction={setSatisfaction}
          />
          <Text className="mq-label">还想说的话（可不填）</Text>
          <TextArea
            className="mq-textarea"
            aria-label="评价意见"
            value={comment}
            maxLength={300}
            showCount
            onChange={setComment}
          />
          <Text className="mq-hint">选“未解决”或“不满意”，诉求会重新办理一次。</Text>
        </View>
      )}
      <ErrorNotice message={message} />
      {view && (
        <Button className="mq-tap rate__send" type="primary" size="large" block onClick={() => void send()}>
          提交评价
        </Button>
      )}
    </Page>
  )
}
