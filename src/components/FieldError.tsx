import { Text } from '@tarojs/components'
import { fieldErrorId } from '../services/field-errors'

/** A field's error, right under the field, read out at once by screen readers. */
export default function FieldError({ field, message }: { field: string; message: string }) {
  return (
    <Text
      id={fieldErrorId(field)}
      className={message ? 'mq-field-error' : 'mq-field-error--none'}
      aria-live="assertive"
    >
      {message}
    </Text>
  )
}
