import { useState } from 'react'
import { ActionSheet, Cell } from '@nutui/nutui-react-taro'

export interface Choice {
  id: string
  label: string
}

/** A field that shows the current choice and opens a sheet of large, tappable options. */
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
      <Cell
        className={`mq-choice mq-tap ${className ?? ''}`}
        title={current?.label ?? placeholder}
        extra="选择"
        clickable
        onClick={() => setOpen(true)}
      />
      <ActionSheet
        visible={open}
        title={title}
        options={choices.map((choice) => ({ name: choice.label, id: choice.id }))}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onSelect={(item) => {
          const chosen = choices.find((choice) => choice.id === item.id)
          if (chosen) onChange(chosen)
          setOpen(false)
        }}
      />
    </>
  )
}
