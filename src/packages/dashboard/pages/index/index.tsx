import { useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORG_UNIT_KIND_LABELS, type OrgUnit } from '@core/org/org'
import type { Dashboard, PeriodInput } from '@core/stats/dashboard.schemas'
import { CASE_FIGURE_LABELS, FIELDWORK_FIGURE_LABELS } from '@core/stats/labels'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import BarChart from '../../../../components/charts/BarChart'
import LineChart from '../../../../components/charts/LineChart'
import { ErrorNotice, PendingNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import { ask } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import BriefingCard from '../../components/BriefingCard'
import ExportButton from '../../components/ExportButton'
import FigureTile from '../../components/FigureTile'
import PeriodPicker, { type PeriodChoice } from '../../components/PeriodPicker'
import RankingCard from '../../components/RankingCard'
import RatesCard from '../../components/RatesCard'
import { recordsUrl } from '../../figures'
import '../../dashboard.scss'

/** The period to ask for, or null while a range still lacks a day. */
function periodInput(choice: PeriodChoice): PeriodInput | null {
  if (choice.kind !== 'range') return { kind: choice.kind }
  return choice.from && choice.to ? { kind: 'range', from: choice.from, to: choice.to } : null
}

/** The notes some tiles carry under their figure. */
function caseNote(data: Dashboard, key: keyof Dashboard['cases']): string | undefined {
  if (key === 'closed') return `其中立行立改 ${data.cases.onTheSpot} 个`
  if (key === 'overdue') return '未办结且已过时限（按责任单位）'
  return undefined
}

function CaseFigures({ data, urlOf }: { data: Dashboard; urlOf: (figure: string) => string }) {
  const { cases } = data
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">诉求办理</Text>
      <View className="dashboard__tiles">
        {CASE_FIGURE_LABELS.map(({ key, label }) => (
          <FigureTile
            key={key}
            label={label}
            value={cases[key]}
            url={urlOf(`cases.${key}`)}
            note={caseNote(data, key)}
            alert={key === 'overdue' && cases.overdue > 0}
          />
        ))}
      </View>
    </View>
  )
}

function FieldworkFigures({ data, urlOf }: { data: Dashboard; urlOf: (figure: string) => string }) {
  const { fieldwork: f } = data
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">下沉走访</Text>
      <View className="dashboard__tiles">
        {FIELDWORK_FIGURE_LABELS.filter(({ key }) => key !== 'vulnerableOnLedger').map(({ key, label }) =>
          key === 'vulnerableVisited' ? (
            <FigureTile
              key={key}
              label={label}
              value={`${f.vulnerableVisited} / ${f.vulnerableOnLedger}`}
              url={urlOf('fieldwork.vulnerableVisited')}
              note="独居老人、特困人员等台账在册户"
            />
          ) : (
            <FigureTile key={key} label={label} value={f[key]} url={urlOf(`fieldwork.${key}`)} />
          ),
        )}
      </View>
    </View>
  )
}

function Charts({ data, period }: { data: Dashboard; period: PeriodInput }) {
  const categories = useMemo(() => data.byCategory.filter((row) => row.total > 0), [data])
  const categoryLabels = useMemo(() => categories.map((row) => row.category), [categories])
  const categorySeries = useMemo(
    () => [
      { name: '梳理问题', values: categories.map((row) => row.total) },
      { name: '已销号办结', values: categories.map((row) => row.closed) },
    ],
    [categories],
  )
  const weekLabels = useMemo(() => data.trend.map((week) => week.label), [data])
  const weekSeries = useMemo(
    () => [
      { name: '新增诉求', values: data.trend.map((week) => week.submitted) },
      { name: '销号', values: data.trend.map((week) => week.closures) },
      { name: '下沉人次', values: data.trend.map((week) => week.signIns) },
    ],
    [data],
  )
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <>
      <View className="mq-card">
        <Text className="mq-subtitle">按类别</Text>
        {categories.length === 0 ? (
          <Text className="mq-text">这段时间没有诉求。</Text>
        ) : (
          <BarChart
            title="各类别的诉求（件）"
            labels={categoryLabels}
            series={categorySeries}
            onPick={(index) =>
              open(recordsUrl('cases.total', data.unit.id, period, { category: categoryLabels[index] ?? '' }))
            }
          />
        )}
      </View>
      <View className="mq-card">
        <Text className="mq-subtitle">每周走势</Text>
        <LineChart
          title="每周新增诉求、销号和下沉人次"
          labels={weekLabels}
          series={weekSeries}
          onPick={(index) =>
            open(recordsUrl('trend', data.unit.id, period, { weekStart: data.trend[index]?.weekStart ?? 0 }))
          }
        />
      </View>
    </>
  )
}

/** 统计看板: the figures of a period and unit, each opening the records behind it. */
function DashboardPage() {
  const me = useGatedMe()
  const choosesUnit = me.role === 'supervisor' || me.role === 'admin'
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'month', from: '', to: '' })
  const [unitId, setUnitId] = useState('')
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [data, setData] = useState<Dashboard | null>(null)
  const [message, setMessage] = useState('')
  const [loading, setLoading] = useState(false)
  const period = useMemo(() => periodInput(choice), [choice])

  const load = async () => {
    if (!period) return
    setLoading(true)
    const answer = await ask('stats', 'dashboard', { period, ...(unitId ? { unitId } : {}) })
    setLoading(false)
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setData(answer.data)
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [period, unitId])
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  useEffect(() => {
    if (!choosesUnit) return
    void ask('orgs', 'tree', {}).then((answer) => {
      if (answer.ok) setUnits(answer.data.filter((unit) => unit.active))
    })
  }, [choosesUnit])
  const unitChoices = [
    { id: '', label: me.role === 'admin' ? '全部单位' : `本单位${me.unitName ? `（${me.unitName}）` : ''}` },
    ...units
      .filter((unit) => unit._id !== me.unitId)
      .map((unit) => ({ id: unit._id, label: `${unit.name}（${ORG_UNIT_KIND_LABELS[unit.kind]}）` })),
  ]

  const urlOf = (figure: string, unit = data?.unit.id ?? '') => (period ? recordsUrl(figure, unit, period) : '')
  const shown = data && period ? data : null
  return (
    <Page className="dashboard">
      <View className="mq-card">
        <Text className="mq-title">统计看板</Text>
        <Text className="mq-hint">
          {choosesUnit
            ? '数字都由系统记录算出，点任一数字可查看背后的记录。'
            : '您本人的工作数据，点任一数字可查看背后的记录。'}
        </Text>
        <PeriodPicker value={choice} onChange={setChoice} />
        {choice.kind === 'range' && !period && <Text className="mq-hint">请选择开始日期和结束日期。</Text>}
        {choosesUnit && (
          <>
            <Text className="mq-label">统计单位</Text>
            <ChoiceSheet
              title="选择统计单位"
              placeholder="本单位"
              choices={unitChoices}
              value={unitId}
              onChange={(unit) => setUnitId(unit.id)}
            />
          </>
        )}
      </View>
      <ErrorNotice message={message} />
      <PendingNotice message={loading && !data ? '正在统计…' : ''} />
      {shown && period && (
        <>
          <Text className="dashboard__heading">
            {shown.unit.name} · {shown.period.label}
          </Text>
          <CaseFigures data={shown} urlOf={urlOf} />
          <RatesCard rates={shown.rates} urlOf={urlOf} />
          <FieldworkFigures data={shown} urlOf={urlOf} />
          <Charts data={shown} period={period} />
          {shown.ranking.length > 0 && <RankingCard rows={shown.ranking} urlOf={urlOf} />}
          <BriefingCard briefing={shown.briefing} />
          <ExportButton period={period} unitId={unitId} />
        </>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.dashboard, DashboardPage)
