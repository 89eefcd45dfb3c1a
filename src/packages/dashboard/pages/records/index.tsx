import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CATEGORIES, type Category } from '@core/case/case'
import type { PeriodInput } from '@core/stats/dashboard.schemas'
import { FIGURE_KEYS, subjectUnitId, type FigureKey, type FigureRecord } from '@core/stats/records'
import { formatChinaTime } from '@core/time'
import LoadMore from '../../../../components/LoadMore'
import { ErrorNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { withPageAccess } from '../../../../components/PageGate'
import { ask } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import { useListRefresh, usePagedList } from '../../../../services/paged'
import '../../../../components/CaseRow.scss'
import '../../dashboard.scss'

type Params = Partial<Record<string, string>>

/** The period the dashboard was showing, from the address it opened. */
function periodOf(params: Params): PeriodInput {
  if (params.period === 'range' && params.from && params.to) return { kind: 'range', from: params.from, to: params.to }
  const kind = params.period
  return kind === 'week' || kind === 'quarter' || kind === 'campaign' ? { kind } : { kind: 'month' }
}

function figureOf(params: Params): FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(params.figure ?? '') ? (params.figure as FigureKey) : 'cases.total'
}

function categoryOf(params: Params): Category | undefined {
  const category = params.category ? decodeURIComponent(params.category) : ''
  return (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : undefined
}

function RecordRow({ record }: { record: FigureRecord }) {
  const when = formatChinaTime(record.at)
  switch (record.kind) {
    case 'case':
      return (
        <View
          className="mq-case-row"
          role="link"
          onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${record.id}` })}
        >
          <View className="mq-case-row__head">
            <Text className="mq-case-row__number">{record.number}</Text>
            <Text className="mq-text">{record.status}</Text>
          </View>
          <Text className="mq-case-row__meta">
            {record.category} · {record.what} · {when}
          </Text>
        </View>
      )
    case 'visit':
      return (
        <View className="mq-case-row">
          <Text className="mq-case-row__number">
            {record.visitKind} · {record.visitorName}
          </Text>
          <Text className="mq-case-row__meta">
            {when} · 见到群众 {record.headcount} 人次 · 意见建议 {record.opinions} 条
          </Text>
        </View>
      )
    case 'checkin':
      return (
        <View className="mq-case-row">
          <Text className="mq-case-row__number">
            {record.personName} · {record.contactPointName}
          </Text>
          <Text className="mq-case-row__meta">
            签到 {when} · {record.hours === null ? '尚未签退' : `${record.hours} 小时`}
          </Text>
        </View>
      )
    case 'household':
      return (
        <View className="mq-case-row">
          <Text className="mq-case-row__number">{record.name}</Text>
          <Text className="mq-case-row__meta">
            {record.tags.join('、')} · 最近走访 {when}
          </Text>
        </View>
      )
  }
}

/** 统计明细: the records behind one figure of the dashboard, newest first. */
function FigureRecords() {
  const { params } = useRouter()
  const [title, setTitle] = useState('')
  const unitId = subjectUnitId(params.unitId ?? '')
  const weekStart = Number(params.weekStart)
  const list = usePagedList<FigureRecord>(async (cursor) => {
    const answer = await ask('stats', 'records', {
      figure: figureOf(params),
      period: periodOf(params),
      ...(unitId ? { unitId } : {}),
      ...(categoryOf(params) ? { category: categoryOf(params) } : {}),
      ...(params.weekStart && Number.isFinite(weekStart) ? { weekStart } : {}),
      pageSize: 20,
      ...(cursor ? { cursor } : {}),
    })
    if (answer.ok) setTitle(answer.data.title)
    return answer
  })
  useListRefresh(list.reload, [])

  return (
    <Page className="dashboard">
      <ErrorNotice message={list.message} />
      {list.items && (
        <View className="mq-card">
          <Text className="mq-subtitle">{title}</Text>
          <Text className="mq-hint">共 {list.total} 条记录</Text>
          {list.items.length === 0 && <Text className="mq-text">这段时间没有记录。</Text>}
          {list.items.map((record, index) => (
            <RecordRow key={`${record.id}-${record.at}-${index}`} record={record} />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.figureRecords, FigureRecords)
