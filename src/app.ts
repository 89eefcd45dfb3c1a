import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { fixBrowserAccessibility } from './platform/h5-a11y'
import { watchChunkFailures } from './platform/h5-chunk-errors'
import { connectBackend } from './services/backend'
import { listenForPrivacyRequests } from './services/privacy'
import './app.scss'

if (process.env.TARO_ENV === 'h5') {
  fixBrowserAccessibility(document.documentElement)
  watchChunkFailures(window)
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    connectBackend()
    listenForPrivacyRequests()
  })
  return children
}

export default App
