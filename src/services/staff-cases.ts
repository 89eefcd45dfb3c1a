import { ask } from './backend'
import { useListRefresh, usePagedList } from './paged'

/** An official's case list (我的任务, 回访), a page at a time, reloaded each time the page shows. */
export function useStaffCases<T>(action: 'listMyTasks' | 'listCallbacks') {
  const list = usePagedList<T>((cursor) => ask('cases', action, { pageSize: 20, ...(cursor ? { cursor } : {}) }))
  useListRefresh(list.reload, [])
  return list
}
