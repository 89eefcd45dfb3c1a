import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { RESIDENT_STATUS_LABELS, type Satisfaction } from '@core/case/case'
import type { CaseView, ReporterCaseView } from '@core/case/views'
import Page from '../../components/Page'
import RatingFields, { type SolvedAnswer } from '../../components/RatingFields'
import { ask } from '../../services/backend'
import { ErrorNotice, PendingNotice } from '../../components/Notice'
import { usePageShow } from '../../services/page-show'
import { useCasePage } from '../../services/case-pages'

/** Why the server did not offer this person a rating now, in the words of the case's state. */
function whyNoRating(view: ReporterCaseView): string {
  if (view.status === 'closed') return '这条诉求您已经评价过了，谢谢！'
  if (view.status === 'declined') return '这条诉求不予受理，无需评价。'
  if (view.mergedInto) return `这条诉求已与诉求 ${view.mergedInto.number} 合并办理，请在那条诉求办结后评价。`
  return `这条诉求现在是“${RESIDENT_STATUS_LABELS[view.status]}”，办结后才能评价。`
}

/** 问效于民: was it solved, how satisfied, and a word — against the 解决标准 the case was held to. */
export default function Rate() {
  const { params } = useRouter()
  const [view, setView] = useState<ReporterCaseView | null>(null)
  /** An official who opens a case here is sent to the staff workbench, where its view belongs. */
  const { movingMessage, moveIfElsewhere } = useCasePage('resident')
  const showOwn = (answer: CaseView) => {
    // A staff view belongs on the workbench; the reporter's and a follower's are read here.
    if (answer.kind === 'staff') moveIfElsewhere(answer)
    else setView(answer)
  }
  const [solved, setSolved] = useState<SolvedAnswer | ''>('')
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('')
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState('')

  usePageShow(() => {
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

  /** Whether this person may rate now is the server's answer, sent with the case. */
  const canRate = view?.availableActions.includes('rate') ?? false

  return (
    <Page>
      <PendingNotice message={movingMessage} />
      {view && !canRate && (
        <View className="mq-card">
          <Text className="mq-subtitle">诉求 {view.number}</Text>
          <Text className="mq-text">{whyNoRating(view)}</Text>
          <Button
            className="mq-tap"
            type="primary"
            onClick={() => void Taro.redirectTo({ url: `/pages/case/index?id=${view.id}` })}
          >
            查看办理进度
          </Button>
        </View>
      )}
      {view && canRate && (
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
      {view && canRate && (
        <Button className="mq-tap rate__send" type="primary" size="large" block onClick={() => void send()}>
          提交评价
        </Button>
      )}
    </Page>
  )
}
