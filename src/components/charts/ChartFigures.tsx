import { Text, View } from '@tarojs/components'
import { SERIES_COLOURS, type ChartSeries } from './series'

/**
 * The figures a chart draws, written out: one row per label with each series' value, so that every
 * figure can be read (and read out) without the picture. With `onPick` each row is a link.
 */
export default function ChartFigures({
  labels,
  series,
  format,
  onPick,
  marks,
}: {
  labels: readonly string[]
  series: readonly ChartSeries[]
  format: (value: number) => string
  onPick?: (index: number) => void
  /** Each series' mark, as the chart's key shows it (■ unless told). */
  marks?: readonly string[]
}) {
  return (
    <View className="mq-chart-figures">
      {labels.map((label, index) => (
        <View
          key={label}
          className={`mq-chart-figures__row${onPick ? ' mq-chart-figures__row--link' : ''}`}
          role={onPick ? 'link' : undefined}
          onClick={onPick ? () => onPick(index) : undefined}
        >
          <Text className="mq-chart-figures__label">{label}</Text>
          <View className="mq-chart-figures__values">
            {series.map((one, which) => (
              <Text key={one.name} className="mq-chart-figures__value">
                {series.length > 1 && (
                  <Text className="mq-chart-figures__swatch" style={{ color: SERIES_COLOURS[which] }}>
                    {marks?.[which] ?? '■'}{' '}
                  </Text>
                )}
                {series.length > 1 ? `${one.name} ` : ''}
                <Text className="mq-chart-figures__number">{format(one.values[index] ?? 0)}</Text>
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
