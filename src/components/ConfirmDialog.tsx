import { Button } from '@nutui/nutui-react-taro'
import { confirmations } from '../services/confirm'
import Sheet from './Sheet'

/** A confirmation asked for (停用…), over the page that asked: in the app's own large type and colours. */
export default function ConfirmDialog() {
  const pending = confirmations.usePending()
  if (!pending) return null
  const { title, text, confirmText } = pending.question
  return (
    <Sheet
      id="mq-confirm"
      className="mq-confirm"
      title={title}
      text={text}
      cancelText="取消"
      onCancel={() => pending.answer(false)}
      confirm={
        <Button className="mq-tap mq-sheet__button mq-confirm__yes" type="primary" onClick={() => pending.answer(true)}>
          {confirmText}
        </Button>
      }
    />
  )
}
