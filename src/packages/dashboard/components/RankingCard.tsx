import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Dashboard } from '@core/stats/dashboard.schemas'
import BarChart from '../../../components/charts/BarChart'
import { percent, rankingValue, rankRows, RANKING_ORDER_LABELS, RANKING_ORDERS, type RankingOrder } from '../figures'

type Row = Dashboard['ranking'][number]

/** One unit's figures, each opening the records behind it in that unit. */
function RankingRow({
  place,
  row,
  urlOf,
}: {
  place: number
  row: Row
  urlOf: (figure: string, unitId: string) => string
}) {
  const figures: Array<[string, string, string]> = [
    ['cases.total', '诉求', `${row.total} 件`],
    ['cases.closed', '办结', `${row.closed} 件`],
    ['cases.overdue', '逾期', `${row.overdue} 件`],
    ['rates.response', '响应率', percent(row.rates.response)],
    ['rates.solved', '解决率', percent(row.rates.solved)],
    ['rates.satisfied', '满意率', percent(row.rates.satisfied)],
  ]
  return (
    <View className="dashboard__rank-row">
      <Text className="dashboard__rank-name">
        {place}. {row.unit.name}
      </Text>
      <View className="dashboard__rank-figures">
        {figures.map(([figure, label, value]) => (
          <View
            key={figure}
            className={`dashboard__rank-figure${figure === 'cases.overdue' && row.overdue > 0 ? ' dashboard__rank-figure--alert' : ''}`}
            role="link"
            onClick={() => void Taro.navigateTo({ url: urlOf(figure, row.unit.id) })}
          >
            <Text>
              {label} {value}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** The units directly below, ordered by the figure chosen, with a bar for each. */
export default function RankingCard({
  rows,
  urlOf,
}: {
  rows: readonly Row[]
  urlOf: (figure: string, unitId: string) => string
}) {
  const [order, setOrder] = useState<RankingOrder>('overdue')
  const ranked = useMemo(() => rankRows(rows, order), [rows, order])
  const labels = useMemo(() => ranked.map((row) => row.unit.name), [ranked])
  const series = useMemo(
    () => [
      {
        name: RANKING_ORDER_LABELS[order],
        values: ranked.map((row) => {
          const value = rankingValue(row, order)
          // A rate with nothing to divide is no bar at all (ECharts leaves NaN out), never a 0 %.
          if (order === 'overdue') return value
          return value < 0 ? Number.NaN : Math.round(value * 1000) / 10
        }),
      },
    ],
    [ranked, order],
  )
  const format = (value: number) => (Number.isNaN(value) ? '—' : order === 'overdue' ? `${value} 件` : `${value}%`)
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">下级单位排名</Text>
      <Text className="mq-label">排序</Text>
      <View className="mq-choices">
        {RANKING_ORDERS.map((one) => (
          <Button
            key={one}
            className="mq-tap"
            type="primary"
            fill={order === one ? 'solid' : 'outline'}
            aria-pressed={order === one}
            onClick={() => setOrder(one)}
          >
            按{RANKING_ORDER_LABELS[one]}
          </Button>
        ))}
      </View>
      <BarChart
        title={`各单位${RANKING_ORDER_LABELS[order]}`}
        labels={labels}
        series={series}
        format={format}
        figures="none"
      />
      {ranked.map((row, index) => (
        <RankingRow key={row.unit.id} place={index + 1} row={row} urlOf={urlOf} />
      ))}
    </View>
  )
}
