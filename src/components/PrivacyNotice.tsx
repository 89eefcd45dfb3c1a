import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyRequest, type PrivacyAudience } from '../services/privacy'
import './PrivacyNotice.scss'

const NOTICE: Record<PrivacyAudience, string> = {
  resident:
    '为办理您反映的问题，我们会收集您主动提供的位置、照片、姓名和联系电话，仅用于核实和办理，只有经办人员和督办领导可以看到；选择“匿名”后经办人员看不到您的姓名和电话。公开清单中不会出现您的个人信息。',
  staff:
    '您在走访、签到和办理中记录的位置、照片，以及群众的姓名、电话和住址，仅用于核实和办理诉求，只有经办人员和督办领导可以看到，公开清单中不会出现。请只记录办理需要的信息，不要拍摄与诉求无关的人和证件。',
}

/**
 * The privacy notice, over whichever page asked for it. In WeChat the 同意 button is the platform's
 * agreePrivacyAuthorization button, so WeChat itself records the agreement and lets the held call go on.
 */
export default function PrivacyNotice() {
  const request = usePrivacyRequest()
  const { $taroPath: here } = useRouter()
  // Pages under the one on top stay alive: only the page that asked shows the notice.
  if (!request || (request.pagePath !== undefined && request.pagePath !== here)) return null
  return (
    <View className="mq-privacy" role="dialog" aria-modal="true" aria-labelledby="mq-privacy-title">
      <View className="mq-privacy__sheet">
        <Text id="mq-privacy-title" className="mq-subtitle">
          个人信息保护提示
        </Text>
        <Text className="mq-text mq-privacy__text">{NOTICE[request.audience]}</Text>
        <View className="mq-privacy__actions">
          <Button className="mq-tap mq-privacy__button" fill="outline" onClick={() => request.answer(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="mq-tap mq-privacy__button"
            type="primary"
            openType={process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={() => request.answer(true)}
            onClick={() => {
              // In WeChat the agreement arrives through onAgreePrivacyAuthorization.
              if (process.env.TARO_ENV !== 'weapp') request.answer(true)
            }}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
