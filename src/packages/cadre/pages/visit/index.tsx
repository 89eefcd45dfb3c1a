import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { URGENCIES, URGENCY_LABELS, type Category, type Urgency } from '@core/case/case'
import { MAX_CASE_PHOTOS } from '@core/case/case.schemas'
import { recordVisitInput } from '@core/fieldwork/fieldwork.schemas'
import { VISIT_KINDS, VULNERABILITY_TAGS, type VisitKind, type VulnerabilityTag } from '@core/fieldwork/visit'
import { firstIssue } from '@core/validation/issues'
import AreaPicker from '../../../../components/AreaPicker'
import CategoryChoice from '../../../../components/CategoryChoice'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import PhotoPicker from '../../../../components/PhotoPicker'
import { ask } from '../../../../services/backend'
import { getFix } from '../../../../services/location'
import { loadDraft, newRequestId, useDraft } from '../../../../services/draft'
import '../cadre.scss'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import { usePageShow } from '../../../../services/page-show'

const DRAFT_KEY = 'visit'

interface RaisedCase {
  category: Category
  urgency: Urgency
  description: string
  reporter: { name: string; phone: string }
}

interface Draft {
  clientRequestId: string
  kind: VisitKind
  areaUnitId: string
  durationMinutes: string
  householdName: string
  address: string
  tags: VulnerabilityTag[]
  enterpriseName: string
  headcount: string
  opinions: string[]
  photos: string[]
  raiseCases: RaisedCase[]
  /** A send was tried and not confirmed: it is retried when the page shows again. */
  pending: boolean
}

const empty = (): Draft => ({
  clientRequestId: newRequestId(),
  kind: '敲门入户',
  areaUnitId: '',
  durationMinutes: '30',
  householdName: '',
  address: '',
  tags: [],
  enterpriseName: '',
  headcount: '1',
  opinions: [],
  photos: [],
  raiseCases: [],
  pending: false,
})

function toEvent(draft: Draft) {
  return {
    action: 'recordVisit' as const,
    clientRequestId: draft.clientRequestId,
    kind: draft.kind,
    durationMinutes: Number(draft.durationMinutes) || 0,
    areaUnitId: draft.areaUnitId,
    ...(draft.kind === '敲门入户'
      ? { household: { name: draft.householdName, address: draft.address, tags: draft.tags } }
      : {}),
    ...(draft.kind === '走访企业' && draft.enterpriseName ? { enterpriseName: draft.enterpriseName } : {}),
    headcount: Number(draft.headcount) || 1,
    opinions: draft.opinions,
    photos: draft.photos,
    raiseCases: draft.raiseCases,
  }
}

const blankCase: RaisedCase = {
  category: '其他',
  urgency: 'normal',
  description: '',
  reporter: { name: '', phone: '' },
}

/** 走访/敲门: whom, where, how long, what was heard, and the cases raised — kept on the phone until sent. */
function VisitPage() {
  const { draft, update, reset } = useDraft<Draft>(DRAFT_KEY, empty)
  const [opinion, setOpinion] = useState('')
  const [newCase, setNewCase] = useState<RaisedCase>(blankCase)
  /** The cases the last visit raised, by number, to open at once. */
  const [raisedCases, setRaisedCases] = useState<Array<{ id: string; number: string }>>([])
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')
  const [sending, setSending] = useState(false)

  const send = async (current: Draft) => {
    // Where and at which contact point (if signed in) the visit happened, as the phone knows it now.
    const [{ fix }, open] = await Promise.all([getFix('staff'), ask('fieldwork', 'currentCheckin', {})])
    const checkin = open.ok ? open.data : null
    const parsed = recordVisitInput.safeParse({
      ...toEvent(current),
      ...(fix ? { location: { coords: fix } } : {}),
      ...(checkin ? { contactPointId: checkin.contactPointId } : {}),
    })
    if (!parsed.success) return setMessage(firstIssue(parsed.error).message)
    update({ pending: true })
    setSending(true)
    const { action: _action, ...params } = parsed.data
    const result = await ask('fieldwork', 'recordVisit', params)
    setSending(false)
    if (!result.ok) {
      if (result.code !== 'NETWORK') update({ pending: false })
      return setMessage(
        result.code === 'NETWORK'
          ? '网络不畅，走访记录已保存在手机上，回到本页或点“重新发送”会自动补发。'
          : result.message,
      )
    }
    const visit = result.data
    reset()
    setMessage('')
    setRaisedCases(visit.raisedCases)
    setNotice(`走访已记录${visit.raisedCases.length ? `，立案 ${visit.raisedCases.length} 件` : ''}`)
  }

  // A visit that was sent but not confirmed is sent again (same request id: never twice).
  usePageShow(() => {
    const saved = loadDraft<Draft>(DRAFT_KEY)
    if (saved?.pending) void send(saved)
  })

  return (
    <Page>
      <SuccessNotice message={notice} />
      {raisedCases.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">这次走访立案的诉求</Text>
          {raisedCases.map((raised) => (
            <Button
              key={raised.id}
              className="mq-tap"
              fill="outline"
              block
              onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${raised.id}` })}
            >
              诉求 {raised.number}（点击查看）
            </Button>
          ))}
        </View>
      )}
      <View className="mq-card">
        <Text className="mq-label">走访类型</Text>
        <Radio.Group
          direction="horizontal"
          value={draft.kind}
          onChange={(value) => update({ kind: String(value) as VisitKind })}
        >
          {VISIT_KINDS.map((kind) => (
            <Radio key={kind} value={kind}>
              {kind}
            </Radio>
          ))}
        </Radio.Group>
        <Text className="mq-label">在哪个社区或小区</Text>
        <AreaPicker
          className="visit__area"
          value={draft.areaUnitId}
          onChange={(areaUnitId) => update({ areaUnitId })}
          onError={setMessage}
        />
        {draft.kind === '敲门入户' && (
          <>
            <Input
              className="mq-input"
              placeholder="户主姓名"
              value={draft.householdName}
              maxLength={20}
              onChange={(value) => update({ householdName: value })}
            />
            <Input
              className="mq-input"
              placeholder="住址，例如 柳岸小区3栋101"
              value={draft.address}
              maxLength={100}
              onChange={(value) => update({ address: value })}
            />
            <Text className="mq-label">特殊群体（可多选）</Text>
            <View className="mq-row">
              {VULNERABILITY_TAGS.map((tag) => (
                <Checkbox
                  key={tag}
                  className="mq-tap"
                  label={tag}
                  checked={draft.tags.includes(tag)}
                  onChange={(checked) =>
                    update({ tags: checked ? [...draft.tags, tag] : draft.tags.filter((t) => t !== tag) })
                  }
                />
              ))}
            </View>
          </>
        )}
        {draft.kind === '走访企业' && (
          <Input
            className="mq-input"
            placeholder="企业名称"
            value={draft.enterpriseName}
            maxLength={50}
            onChange={(value) => update({ enterpriseName: value })}
          />
        )}
        <Text className="mq-label">时长（分钟）和见到的人数</Text>
        <View className="mq-row">
          <Input
            className="mq-input"
            aria-label="时长（分钟）"
            type="number"
            value={draft.durationMinutes}
            onChange={(value) => update({ durationMinutes: value })}
          />
          <Input
            className="mq-input"
            aria-label="人数"
            type="number"
            value={draft.headcount}
            onChange={(value) => update({ headcount: value })}
          />
        </View>
      </View>

      <View className="mq-card">
        <Text className="mq-label">听到的意见建议（民情）</Text>
        {draft.opinions.map((text, index) => (
          <View key={`${index}-${text}`} className="cadre__row">
            <Text className="mq-text">{text}</Text>
            <Button
              className="mq-tap"
              fill="outline"
              onClick={() => update({ opinions: draft.opinions.filter((_, i) => i !== index) })}
            >
              删除
            </Button>
          </View>
        ))}
        <Input
          className="mq-input"
          placeholder="一条意见，例如 楼下路灯不亮"
          value={opinion}
          maxLength={200}
          onChange={setOpinion}
        />
        <Button
          className="mq-tap visit__add-opinion"
          fill="outline"
          onClick={() => {
            if (!opinion.trim()) return
            update({ opinions: [...draft.opinions, opinion.trim()] })
            setOpinion('')
          }}
        >
          记下这条意见
        </Button>
        <PhotoPicker
          audience="staff"
          photos={draft.photos}
          max={MAX_CASE_PHOTOS}
          onChange={(photos) => update({ photos })}
          onError={setMessage}
        />
      </View>

      <View className="mq-card">
        <Text className="mq-label">需要立案办理的诉求（代群众反映）</Text>
        {draft.raiseCases.map((raised, index) => (
          <View key={`${index}-${raised.description}`} className="cadre__row">
            <Text className="mq-text">
              {raised.category} · {URGENCY_LABELS[raised.urgency]}：{raised.description}（{raised.reporter.name}）
            </Text>
            <Button
              className="mq-tap"
              fill="outline"
              onClick={() => update({ raiseCases: draft.raiseCases.filter((_, i) => i !== index) })}
            >
              删除
            </Button>
          </View>
        ))}
        <CategoryChoice value={newCase.category} onChange={(category) => setNewCase({ ...newCase, category })} />
        <Text className="mq-label">紧急程度</Text>
        <Radio.Group
          direction="horizontal"
          value={newCase.urgency}
          onChange={(value) => setNewCase({ ...newCase, urgency: String(value) as Urgency })}
        >
          {URGENCIES.map((urgency) => (
            <Radio key={urgency} value={urgency}>
              {URGENCY_LABELS[urgency]}
            </Radio>
          ))}
        </Radio.Group>
        <TextArea
          className="mq-textarea visit__case-description"
          placeholder="诉求内容"
          value={newCase.description}
          maxLength={1000}
          onChange={(value) => setNewCase({ ...newCase, description: value })}
        />
        <Input
          className="mq-input"
          placeholder="反映人姓名"
          value={newCase.reporter.name}
          onChange={(value) => setNewCase({ ...newCase, reporter: { ...newCase.reporter, name: value } })}
        />
        <Input
          className="mq-input"
          placeholder="反映人电话"
          type="tel"
          value={newCase.reporter.phone}
          onChange={(value) => setNewCase({ ...newCase, reporter: { ...newCase.reporter, phone: value } })}
        />
        <Button
          className="mq-tap visit__add-case"
          fill="outline"
          onClick={() => {
            if (!newCase.description.trim() || !newCase.reporter.name.trim())
              return setMessage('请填写诉求内容和反映人')
            update({ raiseCases: [...draft.raiseCases, newCase] })
            setNewCase(blankCase)
            setMessage('')
          }}
        >
          加入立案
        </Button>
      </View>

      <Button
        className="mq-tap"
        fill="outline"
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/cadre/pages/onthespot/index' })}
      >
        现场已解决？记录立行立改
      </Button>
      <ErrorNotice message={message} />
      <Button
        className="mq-tap visit__send"
        type="primary"
        size="large"
        block
        loading={sending}
        onClick={() => void send(draft)}
      >
        {draft.pending ? '重新发送' : '提交走访记录'}
      </Button>
    </Page>
  )
}

export default withPageAccess(PAGES.visit, VisitPage)
