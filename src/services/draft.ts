import { useState } from 'react'
import { forget, readStored, store } from './storage'

/**
 * Forms filled outdoors keep their draft on the phone until the server has it: saved on every
 * change, cleared only after a successful send.
 */
export function loadDraft<T>(key: string): T | null {
  const raw = readStored(`mq:draft:${key}`)
  try {
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

function saveDraft<T>(key: string, draft: T): void {
  store(`mq:draft:${key}`, JSON.stringify(draft))
}

function clearDraft(key: string): void {
  forget(`mq:draft:${key}`)
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * A form's state kept on the phone: loaded at start (so a closed app or a reload loses nothing),
 * saved on every change, cleared by `reset` once the server has it.
 */
export function useDraft<T>(key: string, empty: () => T) {
  const [restored] = useState(() => loadDraft<T>(key) !== null)
  const [draft, setDraft] = useState<T>(() => loadDraft<T>(key) ?? empty())
  const update = (patch: Partial<T>) =>
    setDraft((previous) => {
      const next = { ...previous, ...patch }
      saveDraft(key, next)
      return next
    })
  const reset = () => {
    clearDraft(key)
    setDraft(empty())
  }
  return { draft, update, reset, restored }
}
