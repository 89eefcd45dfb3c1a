import Taro from '@tarojs/taro'
import { browserTextScale } from '../platform/h5-text-scale'

/** Main text size before the user's WeChat font setting: 18 px, the 适老化 minimum. */
export const BASE_FONT_PX = 18

/** The user's WeChat font setting (in the browser, its text size) as a factor (1 = standard), so our type follows it. */
export function fontScale(): number {
  if (process.env.TARO_ENV === 'h5') return browserTextScale()
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined
    if (info?.fontSizeScaleFactor && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor
    if (info?.fontSizeSetting && info.fontSizeSetting > 0) return info.fontSizeSetting / 17
  } catch {
    // H5 and old base libraries have no such API: standard size.
  }
  return 1
}
