import { useState } from 'react'
import type { UserView } from '@core/user/user'
import { ask } from './backend'
import { usePageShow } from './page-show'

/** Who is using the app, asked each time the page shows (a role can change on the 我的 page meanwhile). */
export function useMe(): { me: UserView | null; message: string; reload: () => void } {
  const [me, setMe] = useState<UserView | null>(null)
  const [message, setMessage] = useState('')
  const reload = () => {
    void ask('users', 'me', {}).then((result) => {
      if (result.ok) {
        setMe(result.data)
        setMessage('')
      } else setMessage(result.message)
    })
  }
  usePageShow(reload)
  return { me, message, reload }
}
