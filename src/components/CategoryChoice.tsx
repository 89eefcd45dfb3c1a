import { Radio } from '@nutui/nutui-react-taro'
import { CATEGORIES, type Category } from '@core/case/case'

/** The 类别 of a need, as large buttons that wrap. */
export default function CategoryChoice({
  value,
  onChange,
  className,
}: {
  value: Category | ''
  onChange: (category: Category) => void
  className?: string
}) {
  return (
    <Radio.Group
      className={`mq-choices ${className ?? ''}`}
      direction="horizontal"
      value={value}
      onChange={(next) => onChange(String(next) as Category)}
    >
      {CATEGORIES.map((category) => (
        <Radio key={category} shape="button" value={category} className="mq-choice">
          {category}
        </Radio>
      ))}
    </Radio.Group>
  )
}
