import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RESIDENT_EVENT_LABELS, URGENCY_LABELS } from '@core/case/case'
import type { CaseView, ReporterCaseView } from '@core/case/views'
import { formatChinaTime } from '@core/time-format'
import Page from '../../components/Page'
import Photo from '../../components/Photo'
import StatusBadge from '../../components/StatusBadge'
import { callFunction, failureMessage } from '../../services/backend'
import './index.scss'
import { ErrorNotice, PendingNotice } from '../../components/Notice'
import { usePageShow } from '../../services/page-show'
import { useCasePage } from '../../services/case-pages'
import { publicListsUrl } from '../../services/public-lists'

export default function CaseDetail() {
  const { params } = useRouter()
  const [view, setView] = useState<ReporterCaseView | null>(null)
  /** An official who opens a case here is sent to the staff workbench, where its view belongs. */
  const { movingMessage, moveIfElsewhere } = useCasePage('resident')
  const showOwn = (answer: CaseView) => {
    // A staff view belongs on the workbench; the reporter's and a follower's are read here.
    if (answer.kind === 'staff') moveIfElsewhere(answer)
    else setView(answer)
  }
  const [error, setError] = useState('')

  usePageShow(() => {
    const query = params.id ? { id: params.id } : { number: decodeURIComponent(params.number ?? '') }
    callFunction('cases', 'get', query)
      .then((result) => (result.ok ? showOwn(result.data) : setError(result.message)))
      .catch((failure: unknown) => setError(failureMessage(failure)))
  })

  const photos = view?.photos.map((fileId) => view.photoUrls[fileId] ?? '').filter(Boolean) ?? []

  return (
    <Page className="case">
      {params.rated && (
        <Text className="mq-card case__success" aria-live="polite">
          谢谢您的评价！
        </Text>
      )}
      {params.submitted && view && (
        <View className="mq-card case__success">
          <Text className="mq-text" aria-live="polite">
            提交成功！诉求编号 {view.number}，请记下编号以便查询。办理进度就在下面，有进展会通知您。
          </Text>
          <View className="mq-entries">
            <Button className="mq-tap" type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              回到首页
            </Button>
            <Button
              className="mq-tap"
              fill="outline"
              onClick={() => void Taro.redirectTo({ url: '/pages/mine/index' })}
            >
              我的诉求
            </Button>
          </View>
        </View>
      )}
      <ErrorNotice message={error} />
      <PendingNotice message={movingMessage} />
      {view && (
        <>
          <View className="mq-card">
            <View className="case__head">
              <Text className="mq-subtitle">诉求编号 {view.number}</Text>
              <StatusBadge status={view.status} reader="resident" />
            </View>
            <Text className="mq-hint">
              {view.category} · {URGENCY_LABELS[view.urgency]} · {formatChinaTime(view.createdAt)} 提交
            </Text>
            {view.publicListings.map((listing) => (
              <View key={listing.month} className="case__listing">
                <Text className="mq-text">{listing.label}，所有人都能在“公开清单”里看到（不含您的个人信息）。</Text>
                <Button
                  className="mq-tap"
                  type="primary"
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: publicListsUrl(listing.month) })}
                >
                  查看公开清单
                </Button>
              </View>
            ))}
            <Text className="mq-text case__description">{view.description}</Text>
            {view.standard && <Text className="mq-text">解决标准：{view.standard}</Text>}
            {view.deadline && view.status !== 'closed' && (
              <Text className="mq-hint">完成时限：{formatChinaTime(view.deadline)}</Text>
            )}
            {view.mergedInto && (
              <Text className="mq-text">
                已与诉求 {view.mergedInto.number} 合并办理，请在“我的诉求”中查看该诉求的进展。
              </Text>
            )}
            {view.location?.address && <Text className="mq-hint">地址：{view.location.address}</Text>}
            {view.location?.coords && <Text className="mq-hint">已附定位</Text>}
            {view.photos.length > 0 && (
              <View className="case__photos">
                {view.photos.map((fileId, index) => (
                  <Photo
                    key={fileId}
                    className="case__photo"
                    src={view.photoUrls[fileId]}
                    label={`现场照片 ${index + 1}`}
                    onClick={() => void Taro.previewImage({ urls: photos, current: view.photoUrls[fileId] ?? '' })}
                  />
                ))}
              </View>
            )}
          </View>
          {view.availableActions.includes('rate') && (
            <View className="mq-card case__rate">
              <Text className="mq-text">已办结。请告诉我们问题解决了没有、您是否满意。</Text>
              <Button
                className="mq-tap case__rate-button"
                type="primary"
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: `/pages/rate/index?id=${view.id}` })}
              >
                评价办理结果
              </Button>
            </View>
          )}
          <View className="mq-card">
            <Text className="mq-subtitle">办理进度</Text>
            {[...view.timeline].reverse().map((event) => (
              <View key={`${event.type}-${event.at}`} className="case__event">
                <Text className="case__event-title">{RESIDENT_EVENT_LABELS[event.type] ?? event.type}</Text>
                <Text className="mq-hint">{formatChinaTime(event.at)}</Text>
                {event.note && <Text className="mq-text">{event.note}</Text>}
                {event.attachments.length > 0 && (
                  <View className="case__photos">
                    {event.attachments.map((fileId, index) => (
                      <Photo
                        key={fileId}
                        className="case__photo"
                        src={view.photoUrls[fileId]}
                        label={`${RESIDENT_EVENT_LABELS[event.type] ?? ''}照片 ${index + 1}`}
                      />
                    ))}
                  </View>
                )}
              </View>
            ))}
          </View>
        </>
      )}
    </Page>
  )
}
