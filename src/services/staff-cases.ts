import { ask } from './backend'
import { useListRefresh, usePagedList } from './paged'

const page = (cursor: string | undefined) => ({ pageSize: 20, ...(cursor ? { cursor } : {}) })

/** 我的任务, a page at a time, reloaded each time the page shows. */
export function useMyTasks() {
  const list = usePagedList((cursor) => ask('cases', 'listMyTasks', page(cursor)))
  useListRefresh(list.reload, [])
  return list
}

/** 督办: the overdue cases in scope, most overdue first, reloaded each time the page shows. */
export function useSupervision() {
  const list = usePagedList((cursor) => ask('cases', 'listSupervision', page(cursor)))
  useListRefresh(list.reload, [])
  return list
}

/** 回访, a page at a time, reloaded each time the page shows. */
export function useCallbacks() {
  const list = usePagedList((cursor) => ask('cases', 'listCallbacks', page(cursor)))
  useListRefresh(list.reload, [])
  return list
}
