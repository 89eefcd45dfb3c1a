import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CASE_SOURCE_LABELS, EVENT_LABELS, URGENCY_LABELS } from '@core/case/case'
import type { CaseAction } from '@core/case/lifecycle'
import type { CaseView, HandedOverView, StaffCaseView } from '@core/case/views'
import { pledgedBy } from '@core/pledge/pledges'
import { ACTOR_LABELS } from '@core/roles'
import { formatChinaTime } from '@core/time'
import type { UserView } from '@core/user/user'
import Page from '../../../../components/Page'
import Photo from '../../../../components/Photo'
import StatusBadge from '../../../../components/StatusBadge'
import { ErrorNotice, PendingNotice, SuccessNotice } from '../../../../components/Notice'
import { useCasePage } from '../../../../services/case-pages'
import { ask } from '../../../../services/backend'
import AcknowledgePanel from './panels/AcknowledgePanel'
import CallRatingPanel from './panels/CallRatingPanel'
import DispatchPanel from './panels/DispatchPanel'
import ExtensionReviewPanel from './panels/ExtensionReviewPanel'
import PledgePanel from './panels/PledgePanel'
import ReassignPanel from './panels/ReassignPanel'
import ReviewPanel from './panels/ReviewPanel'
import SupervisionPanel from './panels/SupervisionPanel'
import type { Run } from './panels/types'
import WorkPanel from './panels/WorkPanel'
import CasePlace from './CasePlace'
import './index.scss'
import { usePageShow } from '../../../../services/page-show'

const DISPATCH: CaseAction[] = ['assign', 'decline', 'merge']
const ACKNOWLEDGE: CaseAction[] = ['acknowledge', 'sendBack']
const WORK: CaseAction[] = ['addProgress', 'requestClosure', 'requestExtension']
const EXTENSION: CaseAction[] = ['approveExtension', 'rejectExtension']
const REVIEW: CaseAction[] = ['approveClosure', 'rejectClosure']

/** The officials' workbench for one case: what it is, and what the server says this person may do now. */
export default function StaffCase() {
  const { params } = useRouter()
  const [view, setView] = useState<StaffCaseView | null>(null)
  const [me, setMe] = useState<UserView | null>(null)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')

  /** A case seen as its reporter or a follower belongs on the resident's page. */
  const { movingMessage, moveIfElsewhere } = useCasePage('staff')
  const show = (answer: CaseView | HandedOverView) => {
    if (answer.kind === 'staff') return setView(answer)
    if (answer.kind === 'handedOver') {
      setView(null)
      return setNotice(`诉求 ${answer.number} 已退回待派单，不再由您办理。`)
    }
    moveIfElsewhere(answer)
  }

  const load = async () => {
    const [caseResult, meResult] = await Promise.all([
      ask('cases', 'get', { id: params.id ?? '' }),
      ask('users', 'me', {}),
    ])
    if (meResult.ok) setMe(meResult.data)
    if (!caseResult.ok) return setMessage(caseResult.message)
    show(caseResult.data)
  }
  usePageShow(() => {
    void load()
  })

  /** Runs an action with the version on screen; a conflict reloads the case so the person sees what changed. */
  const run: Run = async (done, call) => {
    if (!view) return
    const result = await call()
    if (!result.ok) {
      setNotice('')
      setMessage(result.message)
      if (result.code === 'CASE.CONFLICT') void load()
      return
    }
    setMessage('')
    setNotice(done)
    show(result.data)
  }

  if (!view || !me) {
    return (
      <Page>
        <ErrorNotice message={message} />
        <SuccessNotice message={notice} />
        <PendingNotice message={movingMessage} />
      </Page>
    )
  }

  const allowed = new Set(view.availableActions)
  const can = (action: CaseAction) => allowed.has(action)
  const any = (actions: CaseAction[]) => actions.some(can)
  const panel = { view, run, base: { id: view.id, expectedVersion: view.version }, can }

  return (
    <Page className="staff">
      <ErrorNotice message={message} />
      <SuccessNotice message={notice} />
      <View className="mq-card">
        <View className="staff__head">
          <Text className="mq-subtitle">诉求 {view.number}</Text>
          <StatusBadge status={view.status} reader="staff" />
        </View>
        <Text className="mq-hint">
          {view.category} · {URGENCY_LABELS[view.urgency]} · {formatChinaTime(view.createdAt)} 提交
          {view.onTheSpot ? ' · 立行立改' : ''} · 来源：{CASE_SOURCE_LABELS[view.source]}
        </Text>
        {view.publicListings.map((listing) => (
          <Text key={listing.month} className="mq-text staff__listing">
            {listing.label}
          </Text>
        ))}
        <Text className="mq-text staff__description">{view.description}</Text>
        <Text className="mq-hint">
          反映人：{view.reporter.name}
          {view.reporter.phone ? ` · ${view.reporter.phone}` : ''}
          {view.reporter.anonymous ? '（匿名）' : ''}
        </Text>
        <CasePlace view={view} />
        {view.assignment && (
          <View className="staff__assignment">
            <Text className="mq-text">解决标准：{view.assignment.standard}</Text>
            <Text className="mq-hint">
              责任单位：{view.assignment.responsibleUnitName ?? '（已停用的单位）'} · 承办人：
              {view.assignment.handlerName}· 领办领导：{view.assignment.leadOfficial}
            </Text>
            {view.pledge && <Text className="mq-text staff__pledged">领办：由{pledgedBy(view.pledge)}领办</Text>}
            <Text className={view.overdue ? 'mq-text staff__overdue' : 'mq-hint'}>
              完成时限：{formatChinaTime(view.assignment.deadline)}
              {view.overdue ? '（已超期）' : ''}
            </Text>
          </View>
        )}
        {view.lateness && (
          <Text className="mq-text staff__overdue">
            {view.lateness.label}
            {view.lateness.text}（{view.lateness.party === 'reviewer' ? '待审核领导' : '经办人'}）
          </Text>
        )}
        {view.photos.length > 0 && (
          <View className="staff__photos">
            {view.photos.map((fileId, index) => (
              <Photo
                key={fileId}
                className="staff__photo"
                src={view.photoUrls[fileId]}
                label={`现场照片 ${index + 1}`}
              />
            ))}
          </View>
        )}
      </View>

      {/* A note waiting for its reply comes first: the handler must answer it. */}
      {view.supervisionNote && <SupervisionPanel {...panel} />}
      {any(DISPATCH) && <DispatchPanel {...panel} me={me} />}
      {any(ACKNOWLEDGE) && <AcknowledgePanel {...panel} />}
      {any(WORK) && <WorkPanel {...panel} onError={setMessage} />}
      {any(EXTENSION) && <ExtensionReviewPanel {...panel} />}
      {any(REVIEW) && <ReviewPanel {...panel} />}
      {view.status === 'pending_closure' && !any(REVIEW) && (
        <Text className="mq-hint staff__waiting">已申请销号，等待督办领导审核。</Text>
      )}
      {can('rateByCall') && <CallRatingPanel {...panel} />}
      {can('reassign') && <ReassignPanel {...panel} />}
      {can('markPledge') && <PledgePanel {...panel} />}
      {!view.supervisionNote && <SupervisionPanel {...panel} />}

      <View className="mq-card">
        <Text className="mq-subtitle">办理记录</Text>
        {[...view.timeline].reverse().map((event) => (
          <View key={`${event.type}-${event.at}`} className="staff__event">
            <Text className="staff__event-title">
              {EVENT_LABELS[event.type] ?? event.type} · {event.by.name || ACTOR_LABELS[event.by.role]}
              {event.visibleToReporter ? '' : '（内部）'}
            </Text>
            <Text className="mq-hint">{formatChinaTime(event.at)}</Text>
            {event.note && <Text className="mq-text">{event.note}</Text>}
            {event.attachments.length > 0 && (
              <View className="staff__photos">
                {event.attachments.map((fileId, index) => (
                  <Photo
                    key={fileId}
                    className="staff__photo"
                    src={view.photoUrls[fileId]}
                    label={`办理照片 ${index + 1}`}
                  />
                ))}
              </View>
            )}
          </View>
        ))}
      </View>
    </Page>
  )
}
