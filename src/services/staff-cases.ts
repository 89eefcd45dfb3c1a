import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { StaffCaseListItem } from '@core/case/views'
import { ask } from './backend'

/** An official's case list (我的任务, 回访), loaded each time the page shows. */
export function useStaffCases(action: 'listMyTasks' | 'listCallbacks') {
  const [items, setItems] = useState<StaffCaseListItem[] | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    void ask('cases', action, { pageSize: 50 }).then((result) =>
      result.ok ? setItems((result.data as { items: StaffCaseListItem[] }).items) : setMessage(result.message),
    )
  })
  return { items, message }
}
