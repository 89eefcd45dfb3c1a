import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

/** One figure, large, with its name under it; tapping it opens the records behind it. */
export default function FigureTile({
  label,
  value,
  url,
  alert = false,
  note,
}: {
  label: string
  value: string | number
  url: string
  alert?: boolean
  note?: string
}) {
  return (
    <View
      className={`dashboard__tile${alert ? ' dashboard__tile--alert' : ''}`}
      role="link"
      onClick={() => void Taro.navigateTo({ url })}
    >
      <Text className="dashboard__tile-value">{value}</Text>
      <Text className="dashboard__tile-label">{label}</Text>
      {note && <Text className="dashboard__tile-note">{note}</Text>}
    </View>
  )
}
