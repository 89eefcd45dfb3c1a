import { useEffect, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import {
  CASE_SOURCE_LABELS,
  EVENT_LABELS,
  OPEN_STATUSES,
  SEND_BACK_REASONS,
  URGENCY_LABELS,
  type Satisfaction,
  type SendBackReason,
} from '@core/case/case'
import { MAX_CASE_PHOTOS } from '@core/case/case.schemas'
import { completionDeadline, isOverdue, type TimeLimits } from '@core/case/time-limits'
import type { StaffCaseListItem, StaffCaseView } from '@core/case/views'
import type { OrgUnit } from '@core/org/org'
import { ROLE_LABELS } from '@core/roles'
import { DAY_MS, formatChinaTime } from '@core/time'
import type { UserView } from '@core/user/user'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import Page from '../../../../components/Page'
import Photo from '../../../../components/Photo'
import PhotoPicker from '../../../../components/PhotoPicker'
import RatingFields, { type SolvedAnswer } from '../../../../components/RatingFields'
import StatusBadge from '../../../../components/StatusBadge'
import { ask, type Outcome } from '../../../../services/backend'
import './index.scss'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'

type Me = UserView

/** The officials' workbench for one case: what it is, and the actions this person may take now. */
export default function StaffCase() {
  const { params } = useRouter()
  const [view, setView] = useState<StaffCaseView | null>(null)
  const [me, setMe] = useState<Me | null>(null)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  const load = async () => {
    const [caseResult, meResult] = await Promise.all([
      ask('cases', 'get', { id: params.id ?? '' }),
      ask('users', 'me', {}),
    ])
    if (!caseResult.ok) return setMessage(caseResult.message)
    setView(caseResult.data as StaffCaseView)
    if (meResult.ok) setMe(meResult.data as Me)
  }
  useDidShow(() => {
    void load()
  })

  /** Runs an action with the version on screen; a conflict reloads the case so the person sees what changed. */
  const run = async (done: string, call: (view: StaffCaseView) => Promise<Outcome>) => {
    if (!view) return
    const result = await call(view)
    if (!result.ok) {
      setNotice('')
      setMessage(result.message)
      if (result.code === 'CASE.CONFLICT') void load()
      return
    }
    setMessage('')
    setNotice(done)
    setView(result.data as StaffCaseView)
  }

  if (!view || !me) {
    return (
      <Page>
        <ErrorNotice message={message} />
      </Page>
    )
  }

  const handler = view.assignment?.handlerOpenid === me.openid
  const supervisor = me.role === 'supervisor' && !!me.unitId && view.scopeUnitIds.includes(me.unitId)
  const handledBefore = view.handledBy.includes(me.openid)
  const base = { id: view.id, expectedVersion: view.version }

  return (
    <Page className="staff">
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      <View className="mq-card">
        <View className="staff__head">
          <Text className="mq-subtitle">诉求 {view.number}</Text>
          <StatusBadge status={view.status} />
        </View>
        <Text className="mq-hint">
          {view.category} · {URGENCY_LABELS[view.urgency]} · {formatChinaTime(view.createdAt)} 提交
          {view.onTheSpot ? ' · 立行立改' : ''} · 来源：{CASE_SOURCE_LABELS[view.source]}
        </Text>
        <Text className="mq-text staff__description">{view.description}</Text>
        <Text className="mq-hint">
          反映人：{view.reporter.name}
          {view.reporter.phone ? ` · ${view.reporter.phone}` : ''}
          {view.reporter.anonymous ? '（匿名）' : ''}
        </Text>
        {view.location?.address && <Text className="mq-hint">地址：{view.location.address}</Text>}
        {view.assignment && (
          <View className="staff__assignment">
            <Text className="mq-text">解决标准：{view.assignment.standard}</Text>
            <Text className="mq-hint">
              承办人：{view.assignment.handlerName} · 领办领导：{view.assignment.leadOfficial}
            </Text>
            <Text className={isOverdue(view, Date.now()) ? 'mq-text staff__overdue' : 'mq-hint'}>
              完成时限：{formatChinaTime(view.assignment.deadline)}
              {isOverdue(view, Date.now()) ? '（已超期）' : ''}
            </Text>
          </View>
        )}
        {view.photos.length > 0 && (
          <View className="staff__photos">
            {view.photos.map((fileId, index) => (
              <Photo key={fileId} className="staff__photo" fileId={fileId} label={`现场照片 ${index + 1}`} />
            ))}
          </View>
        )}
      </View>

      {view.status === 'submitted' && supervisor && <DispatchPanel view={view} me={me} run={run} base={base} />}
      {view.status === 'assigned' && handler && <AcknowledgePanel run={run} base={base} />}
      {view.status === 'in_progress' && handler && <WorkPanel view={view} run={run} base={base} onError={setMessage} />}
      {view.status === 'in_progress' && supervisor && view.pendingExtension && (
        <View className="mq-card">
          <Text className="mq-subtitle">延期申请</Text>
          <Text className="mq-text">
            申请延期到 {formatChinaTime(view.pendingExtension.deadline)}：{view.pendingExtension.reason}
          </Text>
          <View className="mq-row">
            <Button
              className="mq-tap"
              type="primary"
              onClick={() => void run('已同意延期', () => ask('cases', 'approveExtension', base))}
            >
              同意延期
            </Button>
            <Button
              className="mq-tap"
              fill="outline"
              onClick={() =>
                void run('已驳回延期', () => ask('cases', 'rejectExtension', { ...base, reason: '请按原时限完成' }))
              }
            >
              不同意
            </Button>
          </View>
        </View>
      )}
      {view.status === 'pending_closure' && supervisor && !handledBefore && (
        <ReviewPanel view={view} run={run} base={base} />
      )}
      {view.status === 'pending_closure' && handledBefore && (
        <Text className="mq-hint staff__waiting">已申请销号，等待督办领导审核（经办人不能审核自己办理的诉求）。</Text>
      )}
      {view.status === 'closed' && view.awaitingRating && me.role === 'cadre' && (
        <CallRatingPanel run={run} base={base} />
      )}

      <View className="mq-card">
        <Text className="mq-subtitle">办理记录</Text>
        {[...view.timeline].reverse().map((event) => (
          <View key={`${event.type}-${event.at}`} className="staff__event">
            <Text className="staff__event-title">
              {EVENT_LABELS[event.type] ?? event.type} · {event.by.name || ROLE_LABELS[event.by.role]}
              {event.visibleToReporter ? '' : '（内部）'}
            </Text>
            <Text className="mq-hint">{formatChinaTime(event.at)}</Text>
            {event.note && <Text className="mq-text">{event.note}</Text>}
            {event.attachments.length > 0 && (
              <View className="staff__photos">
                {event.attachments.map((fileId, index) => (
                  <Photo key={fileId} className="staff__photo" fileId={fileId} label={`办理照片 ${index + 1}`} />
                ))}
              </View>
            )}
          </View>
        ))}
      </View>
    </Page>
  )
}

type Run = (done: string, call: (view: StaffCaseView) => Promise<Outcome>) => Promise<void>
type Base = { id: string; expectedVersion: number }

/** 派单, 不予受理, 合并 — for a supervisor of the case's area. */
function DispatchPanel({ view, me, run, base }: { view: StaffCaseView; me: Me; run: Run; base: Base }) {
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [people, setPeople] = useState<UserView[]>([])
  const [limits, setLimits] = useState<TimeLimits | null>(null)
  const [unitId, setUnitId] = useState(me.unitId ?? '')
  const [handlerOpenid, setHandlerOpenid] = useState('')
  const [leadOfficial, setLeadOfficial] = useState(me.name)
  const [standard, setStandard] = useState('')
  const [reason, setReason] = useState('')
  const [target, setTarget] = useState('')
  const [openCases, setOpenCases] = useState<StaffCaseListItem[]>([])

  useEffect(() => {
    void ask('orgs', 'tree', {}).then(
      (result) => result.ok && setUnits((result.data as OrgUnit[]).filter((unit) => unit.active)),
    )
    void ask('users', 'list', { pageSize: 50 }).then(
      (result) =>
        result.ok &&
        setPeople(
          (result.data as { items: UserView[] }).items.filter(
            (user) => user.active && (user.role === 'cadre' || user.role === 'supervisor'),
          ),
        ),
    )
    void ask('settings', 'getTimeLimits', {}).then(
      (result) => result.ok && setLimits((result.data as { limits: TimeLimits }).limits),
    )
    void ask('cases', 'listInScope', { queue: 'all', pageSize: 50 }).then(
      (result) =>
        result.ok &&
        setOpenCases(
          (result.data as { items: StaffCaseListItem[] }).items.filter((item) => OPEN_STATUSES.includes(item.status)),
        ),
    )
  }, [])

  const deadline = limits ? completionDeadline(view.createdAt, view.urgency, limits) : null
  return (
    <View className="mq-card staff__dispatch">
      <Text className="mq-subtitle">派单</Text>
      <Text className="mq-label">责任单位</Text>
      <ChoiceSheet
        className="staff__unit"
        title="选择责任单位"
        placeholder="选择责任单位"
        choices={units.map((unit) => ({ id: unit._id, label: unit.name }))}
        value={unitId}
        onChange={(choice) => setUnitId(choice.id)}
      />
      <Text className="mq-label">承办人</Text>
      <ChoiceSheet
        className="staff__handler"
        title="选择承办人"
        placeholder="选择承办人"
        choices={people.map((user) => ({
          id: user.openid,
          label: `${user.name}（${ROLE_LABELS[user.role]} · ${user.unitName ?? ''}）`,
        }))}
        value={handlerOpenid}
        onChange={(choice) => setHandlerOpenid(choice.id)}
      />
      <Text className="mq-label">领办领导</Text>
      <Input
        className="mq-input"
        aria-label="领办领导"
        value={leadOfficial}
        maxLength={20}
        onChange={setLeadOfficial}
      />
      <Text className="mq-label">解决标准</Text>
      <TextArea
        className="mq-textarea staff__standard"
        aria-label="解决标准"
        placeholder="办到什么程度算解决，例如：三天内修复路灯并恢复照明"
        value={standard}
        maxLength={300}
        onChange={setStandard}
      />
      {deadline && <Text className="mq-hint">完成时限（按紧急程度）：{formatChinaTime(deadline)}</Text>}
      <Button
        className="mq-tap staff__assign"
        type="primary"
        block
        onClick={() =>
          void run('已派单', () =>
            ask('cases', 'assign', { ...base, responsibleUnitId: unitId, handlerOpenid, leadOfficial, standard }),
          )
        }
      >
        派单
      </Button>

      <Text className="mq-label">不予受理</Text>
      <Input
        className="mq-input"
        aria-label="不予受理的理由"
        placeholder="不予受理的理由"
        value={reason}
        maxLength={200}
        onChange={setReason}
      />
      <Button
        className="mq-tap"
        fill="outline"
        onClick={() => void run('已不予受理', () => ask('cases', 'decline', { ...base, reason }))}
      >
        不予受理
      </Button>
      <Text className="mq-label">与已有诉求合并（同一件事多人反映）</Text>
      <ChoiceSheet
        className="staff__merge-target"
        title="选择要合并到的诉求"
        placeholder="从辖区内正在办理的诉求中选择"
        choices={openCases
          .filter((item) => item.id !== view.id)
          .map((item) => ({ id: item.number, label: `${item.number} ${item.summary}` }))}
        value={target}
        onChange={(choice) => setTarget(choice.id)}
      />
      <Button
        className="mq-tap"
        fill="outline"
        onClick={() => void run('已合并', () => ask('cases', 'merge', { ...base, targetNumber: target }))}
      >
        合并
      </Button>
    </View>
  )
}

/** 签收 or 退单 — for the handler of a newly assigned case. */
function AcknowledgePanel({ run, base }: { run: Run; base: Base }) {
  const [reason, setReason] = useState<SendBackReason | ''>('')
  const [note, setNote] = useState('')
  return (
    <View className="mq-card">
      <Button
        className="mq-tap staff__acknowledge"
        type="primary"
        size="large"
        block
        onClick={() => void run('已签收', () => ask('cases', 'acknowledge', base))}
      >
        签收
      </Button>
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
    </View>
  )
}

/** 办理进展, 申请延期, 申请销号 — for the handler while working. */
function WorkPanel({
  view,
  run,
  base,
  onError,
}: {
  view: StaffCaseView
  run: Run
  base: Base
  onError: (message: string) => void
}) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [publicNote, setPublicNote] = useState(true)
  const [result, setResult] = useState('')
  const [standardMet, setStandardMet] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [extraDays, setExtraDays] = useState('7')
  const [extensionReason, setExtensionReason] = useState('')

  return (
    <>
      <View className="mq-card">
        <Text className="mq-subtitle">记录办理进展</Text>
        <TextArea
          className="mq-textarea staff__progress"
          aria-label="办理进展"
          placeholder="做了什么、下一步"
          value={note}
          maxLength={500}
          onChange={setNote}
        />
        <PhotoPicker photos={photos} max={MAX_CASE_PHOTOS} onChange={setPhotos} onError={onError} />
        <Checkbox className="mq-tap" checked={publicNote} label="群众可以看到这条进展" onChange={setPublicNote} />
        <Button
          className="mq-tap staff__add-progress"
          type="primary"
          fill="outline"
          onClick={() =>
            void run('已记录进展', async () => {
              const outcome = await ask('cases', 'addProgress', {
                ...base,
                note,
                photos,
                visibleToReporter: publicNote,
              })
              if (outcome.ok) {
                setNote('')
                setPhotos([])
              }
              return outcome
            })
          }
        >
          保存进展
        </Button>
      </View>
      <View className="mq-card">
        <Text className="mq-subtitle">申请销号</Text>
        {view.assignment && <Text className="mq-hint">解决标准：{view.assignment.standard}</Text>}
        <TextArea
          className="mq-textarea staff__result"
          aria-label="办理结果"
          placeholder="办理结果"
          value={result}
          maxLength={500}
          onChange={setResult}
        />
        <TextArea
          className="mq-textarea staff__standard-met"
          aria-label="如何达到解决标准"
          placeholder="如何达到了解决标准"
          value={standardMet}
          maxLength={300}
          onChange={setStandardMet}
        />
        <PhotoPicker
          photos={evidence}
          max={MAX_CASE_PHOTOS}
          onChange={setEvidence}
          onError={onError}
          addLabel="添加佐证照片"
        />
        <Button
          className="mq-tap staff__request-closure"
          type="primary"
          block
          onClick={() =>
            void run('已申请销号', () =>
              ask('cases', 'requestClosure', { ...base, note: result, evidence, standardMet }),
            )
          }
        >
          申请销号
        </Button>
      </View>
      {view.assignment && !view.pendingExtension && (
        <View className="mq-card">
          <Text className="mq-subtitle">申请延期</Text>
          <Input className="mq-input" aria-label="延长天数" type="number" value={extraDays} onChange={setExtraDays} />
          <Input
            className="mq-input"
            aria-label="延期理由"
            placeholder="延期理由"
            value={extensionReason}
            onChange={setExtensionReason}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() =>
              void run('已申请延期', () =>
                ask('cases', 'requestExtension', {
                  ...base,
                  deadline: (view.assignment?.deadline ?? 0) + Math.max(1, Number(extraDays) || 0) * DAY_MS,
                  reason: extensionReason,
                }),
              )
            }
          >
            申请延期
          </Button>
        </View>
      )}
    </>
  )
}

/** 销号审核: the evidence side by side with the 解决标准. */
function ReviewPanel({ view, run, base }: { view: StaffCaseView; run: Run; base: Base }) {
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
            <Photo key={fileId} className="staff__photo" fileId={fileId} label={`佐证照片 ${index + 1}`} />
          ))}
        </View>
      )}
      <Button
        className="mq-tap staff__approve"
        type="primary"
        block
        onClick={() => void run('已销号', () => ask('cases', 'approveClosure', base))}
      >
        同意销号
      </Button>
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
    </View>
  )
}

/** 回访: a cadre records the reporter's answer given on the phone. */
function CallRatingPanel({ run, base }: { run: Run; base: Base }) {
  const [solved, setSolved] = useState<SolvedAnswer>('solved')
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied')
  const [comment, setComment] = useState('')
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">记录回访评价</Text>
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
