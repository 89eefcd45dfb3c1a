import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './Sheet.scss'

/**
 * A question over the page: a title, what it means, and two answers side by side (they wrap when
 * the text is large). The confirming answer is passed in, as some need a button of their own.
 */
export default function Sheet({
  id,
  className,
  title,
  text,
  cancelText,
  onCancel,
  confirm,
}: {
  id: string
  className?: string
  title: string
  text: string
  cancelText: string
  onCancel: () => void
  confirm: ReactNode
}) {
  return (
    <View className={`mq-sheet ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <View className="mq-sheet__body">
        <Text id={`${id}-title`} className="mq-subtitle">
          {title}
        </Text>
        <Text className="mq-text mq-sheet__text">{text}</Text>
        <View className="mq-sheet__actions">
          <Button className="mq-tap mq-sheet__button" fill="outline" onClick={onCancel}>
            {cancelText}
          </Button>
          {confirm}
        </View>
      </View>
    </View>
  )
}
