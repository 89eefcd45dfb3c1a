import Taro from '@tarojs/taro'

/** Main text size before the user's WeChat font setting: 18 px, the 适老化 minimum. */
export const BASE_FONT_PX = 18

/** The user's WeChat font setting as a factor (1 = standard), so our type follows it. */
export function fontScale(): number {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined
    if (info?.fontSizeScaleFactor && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor
    if (info?.fontSizeSetting && info.fontSizeSetting > 0) return info.fontSizeSetting / 17
  } catch {
    // H5 and old base libraries have no such API: standard size.
  }
  return 1
}
