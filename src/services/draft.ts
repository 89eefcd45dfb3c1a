import Taro from '@tarojs/taro'

/**
 * Forms filled outdoors keep their draft on the phone until the server has it: saved on every
 * change, cleared only after a successful send.
 */
export function loadDraft<T>(key: string): T | null {
  try {
    const raw = Taro.getStorageSync<string>(`mq:draft:${key}`)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export function saveDraft<T>(key: string, draft: T): void {
  Taro.setStorageSync(`mq:draft:${key}`, JSON.stringify(draft))
}

export function clearDraft(key: string): void {
  Taro.removeStorageSync(`mq:draft:${key}`)
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${Math.random().toString(36).slice(2, 10)}`
}
