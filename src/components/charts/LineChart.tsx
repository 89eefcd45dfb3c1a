import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import ChartCanvas from './ChartCanvas'
import ChartFigures from './ChartFigures'
import type { ChartOption } from './echarts'
import SeriesKey from './SeriesKey'
import {
  chartFontPx,
  GRID_LINE,
  INK,
  plain,
  SERIES_COLOURS,
  SERIES_DASHES,
  SERIES_MARKS,
  type ChartSeries,
} from './series'
import './charts.scss'

export interface LineChartProps {
  title: string
  /** The points along the bottom, oldest first (weeks). */
  labels: readonly string[]
  series: readonly ChartSeries[]
  format?: (value: number) => string
  onPick?: (index: number) => void
}

/** The words for each series' mark, as the key shows them. */
const MARK_WORDS = ['●', '■', '▲'] as const

/** Lines over time, each series with its own colour, mark and dash. */
export default function LineChart({ title, labels, series, format = plain, onPick }: LineChartProps) {
  const font = chartFontPx()
  const height = Math.max(220, font * 14)
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: font, top: font, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: [...labels],
        boundaryGap: false,
        axisLabel: { color: INK, fontSize: font, hideOverlap: true },
        axisLine: { lineStyle: { color: INK } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: INK, fontSize: font },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      series: series.map((one, which) => ({
        type: 'line',
        name: one.name,
        data: [...one.values],
        color: SERIES_COLOURS[which],
        symbol: SERIES_MARKS[which],
        symbolSize: 10,
        lineStyle: { width: 3, type: SERIES_DASHES[which] },
      })),
    }),
    [labels, series, font],
  )
  return (
    <View className="mq-line-chart">
      <Text className="mq-chart-title">{title}</Text>
      <SeriesKey series={series} marks={MARK_WORDS} />
      {labels.length > 0 && <ChartCanvas option={option} height={height} />}
      <ChartFigures labels={labels} series={series} format={format} onPick={onPick} marks={MARK_WORDS} />
    </View>
  )
}
