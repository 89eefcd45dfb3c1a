import { useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** A page shown twice within this long (mounted, then told it shows) loads once. */
const SAME_SHOW_MS = 1000

/**
 * Runs `load` when the page shows: when it mounts (also when it mounts late, behind a gate that
 * first asked who is looking) and each time the person comes back to it.
 */
export function usePageShow(load: () => void, deps: readonly unknown[] = []): void {
  const loadRef = useRef(load)
  loadRef.current = load
  const lastRun = useRef(0)
  const run = () => {
    lastRun.current = Date.now()
    loadRef.current()
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(run, deps)
  useDidShow(() => {
    if (Date.now() - lastRun.current > SAME_SHOW_MS) run()
  })
}
