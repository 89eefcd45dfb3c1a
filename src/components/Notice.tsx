import { Text } from '@tarojs/components'

/** What went wrong, in words a person can act on; read out at once by screen readers. */
export function ErrorNotice({ message }: { message: string }) {
  return message ? (
    <Text className="mq-error" aria-live="assertive">
      {message}
    </Text>
  ) : null
}

/** What just succeeded. */
export function SuccessNotice({ message }: { message: string }) {
  return message ? (
    <Text className="mq-success" aria-live="polite">
      {message}
    </Text>
  ) : null
}

/** Something under way (a page being opened for the person), so the screen is never blank meanwhile. */
export function PendingNotice({ message }: { message: string }) {
  return message ? (
    <Text className="mq-hint" aria-live="polite">
      {message}
    </Text>
  ) : null
}
