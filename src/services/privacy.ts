import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { readStored, store } from './storage'

const KEY = 'mq:privacyConsent'

/** Who reads the notice: a resident about their report, or an official about the people they record. */
export type PrivacyAudience = 'resident' | 'staff'

/** The id WeChat is told the 同意 button has (it checks that the agreement came from that button). */
export const PRIVACY_AGREE_BUTTON_ID = 'mq-privacy-agree'

/** A notice on screen, waiting for the person's answer. */
export interface PrivacyRequest {
  audience: PrivacyAudience
  /** The page that asked (the one in view then): the notice shows there, not on pages beneath it. */
  pagePath: string | undefined
  answer: (agreed: boolean) => void
}

/** The page in view now (Taro's id of the page instance). */
function pageInView(): string | undefined {
  return Taro.getCurrentInstance().router?.$taroPath
}

let current: PrivacyRequest | null = null
const watchers = new Set<(request: PrivacyRequest | null) => void>()

function setCurrent(request: PrivacyRequest | null): void {
  current = request
  for (const watch of watchers) watch(request)
}

/** The notice waiting for an answer, if any (the Page wrapper shows it on whichever page is open). */
export function usePrivacyRequest(): PrivacyRequest | null {
  const [request, setRequest] = useState(current)
  useEffect(() => {
    watchers.add(setRequest)
    setRequest(current)
    return () => void watchers.delete(setRequest)
  }, [])
  return request
}

/** Shows the app's own notice and answers what the person chose. */
function askWithOwnNotice(audience: PrivacyAudience): Promise<boolean> {
  return new Promise((resolve) => {
    setCurrent({
      audience,
      pagePath: pageInView(),
      answer: (agreed) => {
        setCurrent(null)
        if (agreed) store(KEY, 'agreed')
        resolve(agreed)
      },
    })
  })
}

/** In WeChat, which audience the next platform request is for (set just before the request is made). */
let nextAudience: PrivacyAudience = 'resident'

/** WeChat's own privacy check is there (base library 2.32.3 and later). */
function wechatPrivacyCheck(): boolean {
  return (
    process.env.TARO_ENV === 'weapp' &&
    typeof Taro.requirePrivacyAuthorize === 'function' &&
    typeof Taro.onNeedPrivacyAuthorization === 'function'
  )
}

/**
 * Once, at launch: when WeChat holds back a call that needs the person's agreement (location,
 * photos, or our own request before a report is sent), it asks the app to show its notice; the
 * person's answer lets WeChat carry on with the call, or fail it.
 */
export function listenForPrivacyRequests(): void {
  if (!wechatPrivacyCheck()) return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    setCurrent({
      audience: nextAudience,
      pagePath: pageInView(),
      answer: (agreed) => {
        setCurrent(null)
        resolve(agreed ? { buttonId: PRIVACY_AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' })
      },
    })
  })
}

/**
 * Before the first use of location, photos or a phone number: the person is told what is collected,
 * why and who sees it, and the action they asked for goes on once they agree (false: they did not).
 */
export function ensurePrivacyConsent(audience: PrivacyAudience): Promise<boolean> {
  if (wechatPrivacyCheck()) {
    nextAudience = audience
    return new Promise((resolve) => {
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  }
  if (readStored(KEY) === 'agreed') return Promise.resolve(true)
  return askWithOwnNotice(audience)
}
