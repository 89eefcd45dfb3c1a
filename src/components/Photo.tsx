import { Image } from '@tarojs/components'
import { photoUrl } from '../services/backend'

/** A stored photo with a text alternative (alt in the browser, aria-label in WeChat). */
export default function Photo({
  fileId,
  label,
  className,
  onClick,
}: {
  fileId: string
  label: string
  className: string
  onClick?: () => void
}) {
  return (
    <Image
      className={className}
      src={photoUrl(fileId)}
      mode="aspectFill"
      ariaLabel={label}
      nativeProps={{ alt: label }}
      onClick={onClick}
    />
  )
}
