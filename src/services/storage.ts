import Taro from '@tarojs/taro'

/**
 * The phone's local storage, never failing the page: a phone whose storage is full or unavailable
 * still works, it only forgets (a draft, a consent already given) between visits.
 */
export function readStored(key: string): string {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

/** Answers whether the value was kept. */
export function store(key: string, value: string): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function forget(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing kept, nothing to forget
  }
}
