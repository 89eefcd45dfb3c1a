import Taro from '@tarojs/taro'
import { readStored, store } from './storage'

const KEY = 'mq:privacyConsent'

/**
 * Shown once, before the first use of location, photos or a phone number: what we collect, why,
 * and who sees it. WeChat also refuses those APIs until the user has agreed to a notice.
 */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (readStored(KEY) === 'agreed') return true
  const { confirm } = await Taro.showModal({
    title: '个人信息保护提示',
    content:
      '为办理您反映的问题，我们会收集您主动提供的位置、照片、姓名和联系电话，仅用于核实和办理，只有经办人员和督办领导可以看到；选择“匿名”后经办人员看不到您的姓名电话。公开清单中不会出现您的个人信息。',
    confirmText: '同意',
    cancelText: '不同意',
  })
  if (confirm) store(KEY, 'agreed')
  return confirm
}
