import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '@core/roles'
import type { PageAccess } from '../services/page-access'
import { staffEntriesFor } from '../services/staff-entries'

/**
 * The work pages this role may use (but those the page already offers), as large buttons that wrap;
 * `first` come first (a home puts its role's own pages at the top).
 */
export default function StaffEntries({
  role,
  except = [],
  first = [],
}: {
  role: Role
  except?: readonly PageAccess[]
  first?: readonly PageAccess[]
}) {
  const allowed = staffEntriesFor(role).filter((entry) => !except.includes(entry))
  const entries = [
    ...allowed.filter((entry) => first.includes(entry)),
    ...allowed.filter((entry) => !first.includes(entry)),
  ]
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
