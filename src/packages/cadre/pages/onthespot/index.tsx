import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { Category } from '@core/case/case'
import { MAX_CASE_PHOTOS } from '@core/case/case.schemas'
import { recordOnTheSpotInput } from '@core/case/lifecycle.schemas'
import { firstIssue } from '@core/validation/issues'
import AreaPicker from '../../../../components/AreaPicker'
import CategoryChoice from '../../../../components/CategoryChoice'
import Page from '../../../../components/Page'
import PhotoPicker from '../../../../components/PhotoPicker'
import { ask } from '../../../../services/backend'
import { newRequestId, useDraft } from '../../../../services/draft'
import { ErrorNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'

const DRAFT_KEY = 'onTheSpot'

interface Draft {
  clientRequestId: string
  category: Category | ''
  areaUnitId: string
  description: string
  reporterName: string
  reporterPhone: string
  resolution: string
  standardMet: string
  evidence: string[]
}

const empty = (): Draft => ({
  clientRequestId: newRequestId(),
  category: '',
  areaUnitId: '',
  description: '',
  reporterName: '',
  reporterPhone: '',
  resolution: '',
  standardMet: '',
  evidence: [],
})

/** 立行立改: a need solved on the spot, recorded with evidence; a supervisor still approves it. */
function OnTheSpot() {
  const { draft, update, reset } = useDraft<Draft>(DRAFT_KEY, empty)
  const [message, setMessage] = useState('')

  const send = async () => {
    const event = {
      action: 'recordOnTheSpot' as const,
      clientRequestId: draft.clientRequestId,
      category: draft.category,
      description: draft.description,
      areaUnitId: draft.areaUnitId,
      reporter: { name: draft.reporterName, phone: draft.reporterPhone },
      resolution: draft.resolution,
      standardMet: draft.standardMet,
      evidence: draft.evidence,
    }
    const parsed = recordOnTheSpotInput.safeParse(event)
    if (!parsed.success) return setMessage(firstIssue(parsed.error).message)
    const { action: _action, ...params } = parsed.data
    const result = await ask('cases', 'recordOnTheSpot', params)
    if (!result.ok) return setMessage(result.message)
    reset()
    void Taro.redirectTo({ url: `/packages/staff/pages/case/index?id=${result.data.id}` })
  }

  return (
    <Page>
      <View className="mq-card">
        <Text className="mq-label">问题类别</Text>
        <CategoryChoice value={draft.category} onChange={(category) => update({ category })} />
        <Text className="mq-label">在哪个社区或小区</Text>
        <AreaPicker value={draft.areaUnitId} onChange={(areaUnitId) => update({ areaUnitId })} onError={setMessage} />
        <Text className="mq-label">群众反映的问题</Text>
        <TextArea
          className="mq-textarea"
          aria-label="问题描述"
          value={draft.description}
          maxLength={1000}
          onChange={(value) => update({ description: value })}
        />
        <Input
          className="mq-input"
          aria-label="反映人姓名"
          placeholder="反映人姓名"
          value={draft.reporterName}
          onChange={(value) => update({ reporterName: value })}
        />
        <Input
          className="mq-input"
          aria-label="反映人电话"
          type="tel"
          placeholder="反映人电话"
          value={draft.reporterPhone}
          onChange={(value) => update({ reporterPhone: value })}
        />
      </View>
      <View className="mq-card">
        <Text className="mq-label">现场怎么解决的</Text>
        <TextArea
          className="mq-textarea"
          aria-label="现场解决情况"
          value={draft.resolution}
          maxLength={500}
          onChange={(value) => update({ resolution: value })}
        />
        <Text className="mq-label">解决标准及达到情况</Text>
        <TextArea
          className="mq-textarea"
          aria-label="解决标准及达到情况"
          value={draft.standardMet}
          maxLength={300}
          onChange={(value) => update({ standardMet: value })}
        />
        <Text className="mq-label">现场照片（至少 1 张）</Text>
        <PhotoPicker
          audience="staff"
          photos={draft.evidence}
          max={MAX_CASE_PHOTOS}
          onChange={(evidence) => update({ evidence })}
          onError={setMessage}
        />
      </View>
      <ErrorNotice message={message} />
      <Button className="mq-tap" type="primary" size="large" block onClick={() => void send()}>
        提交销号审核
      </Button>
    </Page>
  )
}

export default withPageAccess(PAGES.onTheSpot, OnTheSpot)
