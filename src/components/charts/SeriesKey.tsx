import { Text, View } from '@tarojs/components'
import { SERIES_COLOURS, type ChartSeries } from './series'

/** Which colour (and mark) is which series, in words above the chart. */
export default function SeriesKey({ series, marks }: { series: readonly ChartSeries[]; marks: readonly string[] }) {
  if (series.length < 2) return null
  return (
    <View className="mq-chart-key">
      {series.map((one, which) => (
        <Text key={one.name} className="mq-chart-key__item">
          <Text style={{ color: SERIES_COLOURS[which] }}>{marks[which]} </Text>
          {one.name}
        </Text>
      ))}
    </View>
  )
}
