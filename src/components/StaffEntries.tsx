import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '@core/roles'
import { staffEntriesFor } from '../services/staff-entries'

/** The work pages this role may use, as large buttons that wrap on a narrow screen. */
export default function StaffEntries({ role }: { role: Role }) {
  const entries = staffEntriesFor(role)
  if (entries.length === 0) return null
  return (
    <View className="mq-entries">
      {entries.map((entry) => (
        <Button
          key={entry.url}
          className="mq-tap"
          type="primary"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          {entry.label}
        </Button>
      ))}
    </View>
  )
}
