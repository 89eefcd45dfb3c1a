import Taro from '@tarojs/taro'
import { questionChannel } from './question-channel'
import { readStored, store } from './storage'

const KEY = 'mq:privacyConsent'

/** Who reads the notice: a resident about their report, or an official about the people they record. */
export type PrivacyAudience = 'resident' | 'staff'

/** The id WeChat is told the 同意 button has (it checks that the agreement came from that button). */
export const PRIVACY_AGREE_BUTTON_ID = 'mq-privacy-agree'

/** The privacy notice waiting for an answer (PrivacyNotice shows it). */
export const privacyQuestions = questionChannel<{ audience: PrivacyAudience }>()

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
    privacyQuestions.raise({ audience: nextAudience }, (agreed) =>
      resolve(agreed ? { buttonId: PRIVACY_AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' }),
    )
  })
}

/**
 * Before the first use of location, photos or a phone number: the person is told what is collected,
 * why and who sees it, and the action they asked for goes on once they agree (false: they did not).
 */
export async function ensurePrivacyConsent(audience: PrivacyAudience): Promise<boolean> {
  if (wechatPrivacyCheck()) {
    nextAudience = audience
    return new Promise((resolve) => {
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  }
  if (readStored(KEY) === 'agreed') return true
  const agreed = await privacyQuestions.ask({ audience })
  if (agreed) store(KEY, 'agreed')
  return agreed
}
