import Taro from '@tarojs/taro'
import type { CoordinateSystem } from '@core/case/case'
import { ensurePrivacyConsent, type PrivacyAudience } from './privacy'

export interface PhoneFix {
  lat: number
  lng: number
  system: CoordinateSystem
  accuracy: number
}

/** The phone's position, or why there is none (a sentence the page shows, then says what to do instead). */
export type FixOutcome = { fix: PhoneFix } | { fix: null; why: string }

/**
 * The phone's position with the system it is in (WeChat: GCJ-02; a browser: WGS-84) and its
 * accuracy. The server converts; the page never does.
 */
export async function getFix(audience: PrivacyAudience): Promise<FixOutcome> {
  if (!(await ensurePrivacyConsent(audience))) {
    return { fix: null, why: '您没有同意个人信息保护提示，所以没有获取位置。' }
  }
  const system: CoordinateSystem = process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84'
  try {
    const position = await Taro.getLocation({ type: system, isHighAccuracy: true })
    return {
      fix: { lat: position.latitude, lng: position.longitude, system, accuracy: Math.round(position.accuracy ?? 0) },
    }
  } catch {
    return { fix: null, why: '没能获取位置：请允许使用位置，或到室外开阔处再试。' }
  }
}
