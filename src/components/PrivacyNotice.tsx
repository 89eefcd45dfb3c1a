import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_AGREE_BUTTON_ID, privacyQuestions, type PrivacyAudience } from '../services/privacy'
import Sheet from './Sheet'

const NOTICE: Record<PrivacyAudience, string> = {
  resident:
    '为办理您反映的问题，我们会收集您主动提供的位置、照片、姓名和联系电话，仅用于核实和办理，只有经办人员和督办领导可以看到；选择“匿名”后经办人员看不到您的姓名和电话。公开清单中不会出现您的个人信息。',
  staff:
    '您在走访、签到和办理中记录的位置、照片，以及群众的姓名、电话和住址，仅用于核实和办理诉求，只有经办人员和督办领导可以看到，公开清单中不会出现。请只记录办理需要的信息，不要拍摄与诉求无关的人和证件。',
}

/**
 * The privacy notice, over the page that asked for it. In WeChat the 同意 button is the platform's
 * agreePrivacyAuthorization button, so WeChat itself records the agreement and lets the held call go on.
 */
export default function PrivacyNotice() {
  const pending = privacyQuestions.usePending()
  if (!pending) return null
  return (
    <Sheet
      id="mq-privacy"
      className="mq-privacy"
      title="个人信息保护提示"
      text={NOTICE[pending.question.audience]}
      cancelText="不同意"
      onCancel={() => pending.answer(false)}
      confirm={
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="mq-tap mq-sheet__button"
          type="primary"
          openType={process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined}
          onAgreePrivacyAuthorization={() => pending.answer(true)}
          onClick={() => {
            // In WeChat the agreement arrives through onAgreePrivacyAuthorization.
            if (process.env.TARO_ENV !== 'weapp') pending.answer(true)
          }}
        >
          同意
        </Button>
      }
    />
  )
}
