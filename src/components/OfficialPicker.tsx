import { ROLE_LABELS } from '@core/roles'
import type { UserView } from '@core/user/user'
import { ask } from '../services/backend'
import SearchPicker, { type Picked } from './SearchPicker'

/**
 * Picks one of the active officials (党员干部 and 督办领导) the server lets this person see, searched
 * by name and paged on the server: a 承办人, a contact point's cadre.
 */
export default function OfficialPicker({
  title,
  placeholder,
  value,
  onChange,
  className,
}: {
  title: string
  placeholder: string
  value: Picked | null
  onChange: (picked: Picked) => void
  className?: string
}) {
  return (
    <SearchPicker<UserView>
      className={className}
      title={title}
      placeholder={placeholder}
      value={value}
      search
      fetchPage={(query, cursor) =>
        ask('users', 'list', {
          roles: ['cadre', 'supervisor'],
          active: true,
          ...(query ? { query } : {}),
          ...(cursor ? { cursor } : {}),
        })
      }
      toChoice={(user) => ({
        id: user.openid,
        label: `${user.name}（${ROLE_LABELS[user.role]}${user.unitName ? ` · ${user.unitName}` : ''}）`,
      })}
      onChange={onChange}
    />
  )
}
