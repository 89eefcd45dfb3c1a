import { Text, View } from '@tarojs/components'
import type { PublicFigures } from '@core/publication/publication.schemas'
import type { Rate } from '@core/stats/dashboard.schemas'
import { formatRate } from '@core/stats/figures'
import { CASE_FIGURE_LABELS, RATE_FORMULAS } from '@core/stats/labels'

type CountKey = 'total' | 'pending' | 'working' | 'closed' | 'onTheSpot'
const COUNT_KEYS: readonly string[] = ['total', 'pending', 'working', 'closed', 'onTheSpot'] satisfies CountKey[]
/** The dashboard's names for the counts a published version carries, in the dashboard's order. */
const COUNTS = CASE_FIGURE_LABELS.filter((figure): figure is { key: CountKey; label: string } =>
  COUNT_KEYS.includes(figure.key),
)

function formula(top: string, bottom: string, rate: Rate): string {
  return `${top} ${rate.numerator} ÷ ${bottom} ${rate.denominator}`
}

/** The unit's figures for the month, as frozen when the version was published, named as the dashboard names them. */
export default function FiguresCard({ figures, monthLabel }: { figures: PublicFigures; monthLabel: string }) {
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">{monthLabel}数据</Text>
      <View className="public__tiles">
        {COUNTS.map(({ key, label }) => (
          <View key={key} className="public__tile">
            <Text className="public__tile-value">{figures[key]}</Text>
            <Text className="public__tile-label">{label}</Text>
          </View>
        ))}
      </View>
      {RATE_FORMULAS.map(({ key, name, top, bottom }) => (
        <View key={key} className="public__rate">
          <Text className="public__rate-value">
            {name} {formatRate(figures[key].value)}
          </Text>
          <Text className="mq-text">
            {name} = {top} ÷ {bottom}
          </Text>
          <Text className="mq-text">= {formula(top, bottom, figures[key])}</Text>
        </View>
      ))}
      <Text className="mq-hint public__apart">
        解决率和满意率只算群众实际作出的评价；超期未评价记为默认满意的，另列：默认满意 {figures.defaultRated} 件。
      </Text>
    </View>
  )
}
