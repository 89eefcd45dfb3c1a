import { View } from '@tarojs/components'
import { ConfigProvider } from '@nutui/nutui-react-taro'
import type { PropsWithChildren } from 'react'
import { BASE_FONT_PX, fontScale } from '../services/font-scale'
import ConfirmDialog from './ConfirmDialog'
import PrivacyNotice from './PrivacyNotice'
import './Page.scss'

const scale = fontScale()

/** Large, high-contrast NutUI theme (适老化): 18 px text that grows with the WeChat font setting. */
const theme = {
  nutuiColorPrimary: '#b71c1c',
  nutuiColorPrimaryStop1: '#b71c1c',
  nutuiColorPrimaryStop2: '#c62828',
  nutuiFontSizeBase: `${BASE_FONT_PX * scale}px`,
  nutuiFontSizeS: `${16 * scale}px`,
  nutuiFontSizeL: `${20 * scale}px`,
  nutuiButtonLargeHeight: '52px',
  nutuiButtonLargeFontSize: `${20 * scale}px`,
  nutuiButtonNormalHeight: '44px',
  nutuiButtonDefaultFontSize: `${18 * scale}px`,
  nutuiCellTitleFontSize: `${18 * scale}px`,
  // NutUI sets 20 px lines for a cell; a larger font needs lines that grow with it.
  nutuiCellLineHeight: '1.4',
  nutuiCellDescriptionFontSize: `${16 * scale}px`,
  nutuiCellExtraFontSize: `${16 * scale}px`,
  nutuiInputFontSize: `${18 * scale}px`,
  nutuiTextareaFontSize: `${18 * scale}px`,
  nutuiRadioLabelFontSize: `${18 * scale}px`,
  // The round marks beside the words, large enough to see at a glance.
  nutuiRadioIconFontSize: `${22 * scale}px`,
  nutuiCheckboxIconFontSize: `${22 * scale}px`,
  nutuiGray7: '#1a1a1a',
  nutuiGray6: '#333333',
  nutuiGray5: '#4d4d4d',
}

export default function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  return (
    <ConfigProvider theme={theme}>
      <View className={`mq-page ${className ?? ''}`} style={{ fontSize: `${BASE_FONT_PX * scale}px` }}>
        {children}
        <PrivacyNotice />
        <ConfirmDialog />
      </View>
    </ConfigProvider>
  )
}
