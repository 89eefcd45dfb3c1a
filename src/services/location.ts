import Taro from '@tarojs/taro'
import type { CoordinateSystem } from '@core/case/case'
import { ensurePrivacyConsent } from './privacy'

export interface PhoneFix {
  lat: number
  lng: number
  system: CoordinateSystem
  accuracy: number
}

/**
 * The phone's position with the system it is in (WeChat: GCJ-02; a browser: WGS-84) and its
 * accuracy. The server converts; the page never does. Null when refused or unavailable.
 */
export async function getFix(): Promise<PhoneFix | null> {
  if (!(await ensurePrivacyConsent())) return null
  const system: CoordinateSystem = process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84'
  try {
    const position = await Taro.getLocation({ type: system, isHighAccuracy: true })
    return { lat: position.latitude, lng: position.longitude, system, accuracy: Math.round(position.accuracy ?? 0) }
  } catch {
    return null
  }
}
