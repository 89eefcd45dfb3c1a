import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { fixBrowserAccessibility } from './platform/h5-a11y'
import './app.scss'

if (process.env.TARO_ENV === 'h5') fixBrowserAccessibility(document.documentElement)

declare const CLOUD_ENV_ID: string

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Once per launch; with no id the default environment of the mini-program is used.
      Taro.cloud.init({ ...(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID } : {}), traceUser: true })
    }
  })
  return children
}

export default App
