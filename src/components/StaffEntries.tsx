import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '@core/roles'
import type { PageAccess } from '../services/page-access'
import { staffEntriesFor } from '../services/staff-entries'

/** The work pages this role may use (but those the page already offers), as large buttons that wrap. */
export default function StaffEntries({ role, except = [] }: { role: Role; except?: readonly PageAccess[] }) {
  const entries = staffEntriesFor(role).filter((entry) => !except.includes(entry))
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
