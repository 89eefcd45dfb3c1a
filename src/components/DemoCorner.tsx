import Taro from '@tarojs/taro'
import type DemoSwitcherView from './DemoSwitcher'

/**
 * The switcher's code only in the browser build: `process.env.TARO_ENV` is replaced at build time, so
 * in the WeChat build this branch, and the require in it, is dropped (an import would stay bundled).
 */
const DemoSwitcher: typeof DemoSwitcherView | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./DemoSwitcher') as { default: typeof DemoSwitcherView }).default
    : null

/**
 * Local mode only: the demo switcher. By default (an official's home) the app starts again at the
 * first page after a switch, which opens the new person's home.
 */
export default function DemoCorner({ onSwitched }: { onSwitched?: () => void }) {
  if (!DemoSwitcher) return null
  return <DemoSwitcher onSwitched={onSwitched ?? (() => void Taro.reLaunch({ url: '/pages/index/index' }))} />
}
