import Taro from '@tarojs/taro'
import DemoSwitcher from './DemoSwitcher'

/**
 * Local mode only: the demo switcher on an official's home. After a switch the app starts again
 * at the first page, which opens the new person's home.
 */
export default function DemoCorner() {
  if (process.env.TARO_ENV !== 'h5') return null
  return <DemoSwitcher onSwitched={() => void Taro.reLaunch({ url: '/pages/index/index' })} />
}
