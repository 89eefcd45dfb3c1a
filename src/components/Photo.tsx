import { Image, Text, View } from '@tarojs/components'

/**
 * A stored photo with a text alternative (alt in the browser, aria-label in WeChat). Its URL is
 * one the server handed out (short-lived) or the phone's own copy; without one it says so.
 */
export default function Photo({
  src,
  label,
  className,
  onClick,
}: {
  src: string | undefined
  label: string
  className: string
  onClick?: () => void
}) {
  if (!src) {
    return (
      <View className={`${className} mq-photo--missing`} aria-label={label}>
        <Text className="mq-hint">照片暂不能显示</Text>
      </View>
    )
  }
  return (
    <Image
      className={className}
      src={src}
      mode="aspectFill"
      ariaLabel={label}
      nativeProps={{ alt: label }}
      onClick={onClick}
    />
  )
}
