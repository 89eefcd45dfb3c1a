import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ChartCanvas from './ChartCanvas'
import ChartFigures from './ChartFigures'
import type { ChartOption } from './echarts'
import SeriesKey from './SeriesKey'
import { chartFontPx, GRID_LINE, INK, plain, SERIES_COLOURS, type ChartSeries } from './series'
import './charts.scss'

export interface BarChartProps {
  /** What the chart shows, above it. */
  title: string
  /** One bar (or group of bars) per label, read top to bottom. */
  labels: readonly string[]
  series: readonly ChartSeries[]
  /** How a value is written (on the bar and in the figures): plain counts unless told. */
  format?: (value: number) => string
  /** Each label's figures open the records behind them. */
  onPick?: (index: number) => void
  /** `none` when the caller writes the same figures out right beside the chart itself (a table). */
  figures?: 'list' | 'none'
}

/** Horizontal bars (long Chinese names read best as rows), the value written at each bar's end. */
export default function BarChart({ title, labels, series, format = plain, onPick, figures = 'list' }: BarChartProps) {
  const font = chartFontPx()
  const rowPx = Math.max(font * 2, series.length * (font + 6) + 12)
  const height = labels.length * rowPx + font * 2
  const option = useMemo<ChartOption>(() => {
    const labelWidth = Math.round(Taro.getWindowInfo().windowWidth * 0.3)
    return {
      animation: false,
      grid: { left: 8, right: font * 3, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: GRID_LINE } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...labels],
        axisLabel: { color: INK, fontSize: font, width: labelWidth, overflow: 'truncate' },
        axisLine: { lineStyle: { color: INK } },
        axisTick: { show: false },
      },
      series: series.map((one, which) => ({
        type: 'bar',
        name: one.name,
        data: [...one.values],
        itemStyle: { color: SERIES_COLOURS[which] },
        barMaxWidth: font + 4,
        label: {
          show: true,
          position: 'right',
          color: INK,
          fontSize: font,
          formatter: ({ value }) => format(Number(value)),
        },
      })),
    }
  }, [labels, series, format, font])
  return (
    <View className="mq-bar-chart">
      <Text className="mq-chart-title">{title}</Text>
      <SeriesKey series={series} marks={series.map(() => '■')} />
      {labels.length > 0 && <ChartCanvas option={option} height={height} />}
      {figures === 'list' && <ChartFigures labels={labels} series={series} format={format} onPick={onPick} />}
    </View>
  )
}
