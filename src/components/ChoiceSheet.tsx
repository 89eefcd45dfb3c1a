import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './ChoiceSheet.scss'

export interface Choice {
  id: string
  label: string
}

/**
 * A field that shows the current choice and opens a sheet of large, tappable options. Drawn with the
 * app's own views and sheet (not NutUI's Cell and ActionSheet): the 反映 form in the main package then
 * carries no popup library (issue 16: the resident's package stays under 450 KB).
 */
export default function ChoiceSheet({
  title,
  placeholder,
  choices,
  value,
  onChange,
  className,
}: {
  title: string
  placeholder: string
  choices: Choice[]
  value: string
  onChange: (choice: Choice) => void
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const current = choices.find((choice) => choice.id === value)
  return (
    <>
      <View
        className={`mq-choice mq-tap ${className ?? ''}`}
        role="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Text className="mq-choice__value">{current?.label ?? placeholder}</Text>
        <Text className="mq-choice__action">选择</Text>
      </View>
      {open && (
        <View className="mq-sheet mq-choice-sheet" role="dialog" aria-modal="true" aria-label={title}>
          <View className="mq-sheet__body">
            <Text className="mq-subtitle">{title}</Text>
            <View className="mq-choice-sheet__options" role="listbox" aria-label={title}>
              {choices.map((choice) => (
                <View
                  key={choice.id}
                  className={`mq-choice-sheet__option mq-tap${choice.id === value ? ' mq-choice-sheet__option--current' : ''}`}
                  role="option"
                  aria-selected={choice.id === value}
                  onClick={() => {
                    setOpen(false)
                    onChange(choice)
                  }}
                >
                  <Text>{choice.label}</Text>
                </View>
              ))}
            </View>
            <Button className="mq-tap mq-choice-sheet__cancel" block fill="outline" onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </>
  )
}
