import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'

/**
 * Runs `load` when the page shows: when it mounts (also when it mounts late, behind a gate that
 * first asked who is looking) and each time the person comes back to it. The show that follows the
 * mount is the same showing, so only a show after a hide loads again (no clock involved: a slow phone
 * must not load twice).
 */
export function usePageShow(load: () => void, deps: readonly unknown[] = []): void {
  const loadRef = useRef(load)
  loadRef.current = load
  const hidden = useRef(false)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => loadRef.current(), deps)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    loadRef.current()
  })
}

/** A page that shows what `load` fetches: loaded each showing, and again on a pull-down (the spinner stops when done). */
export function useShownAndPulled(load: () => Promise<void>): void {
  usePageShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))
}
