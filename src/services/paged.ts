import { useCallback, useRef, useState } from 'react'
import { usePageShow } from './page-show'
import type { Outcome } from './backend'

/** What every cursor-paged function answers. */
export interface CursorPage<T> {
  items: T[]
  total: number
  nextCursor: string | null
}

/**
 * A list read page by page with the server's cursor: `reload` starts over, `loadMore` appends the
 * next page. An answer that arrives after a newer request was made is dropped, so switching tabs
 * quickly never shows one tab's rows under another's title.
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Outcome<CursorPage<T>>>) {
  const [items, setItems] = useState<T[] | null>(null)
  const [total, setTotal] = useState(0)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [message, setMessage] = useState('')
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback(async (cursor: string | undefined, append: boolean) => {
    const mine = ++generation.current
    setLoading(true)
    const result = await fetchRef.current(cursor)
    if (mine !== generation.current) return
    setLoading(false)
    if (!result.ok) return setMessage(result.message)
    const page = result.data
    setMessage('')
    setItems((previous) => (append && previous ? [...previous, ...page.items] : page.items))
    setTotal(page.total)
    setNextCursor(page.nextCursor)
  }, [])

  const reload = useCallback(() => load(undefined, false), [load])
  const loadMore = useCallback(() => (nextCursor ? load(nextCursor, true) : Promise.resolve()), [load, nextCursor])
  return { items, total, hasMore: nextCursor !== null, loading, message, reload, loadMore }
}

/**
 * Reloads a list when what it shows changes (and when the page first mounts), and each time the
 * person comes back to the page (after acting on a row, say).
 */
export function useListRefresh(reload: () => Promise<void>, deps: readonly unknown[]): void {
  usePageShow(() => void reload(), deps)
}
