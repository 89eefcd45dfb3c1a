import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { failureMessage, previewUrl, uploadImage } from '../services/backend'
import { ensurePrivacyConsent, type PrivacyAudience } from '../services/privacy'
import Photo from './Photo'
import './PhotoPicker.scss'

/**
 * Photos chosen with the phone's album or camera, uploaded at once (so a draft holds only
 * fileIds), shown large with a 删除 button each.
 */
export default function PhotoPicker({
  photos,
  max,
  onChange,
  onError,
  addLabel = '添加照片',
  audience,
}: {
  photos: string[]
  max: number
  onChange: (photos: string[]) => void
  onError: (message: string) => void
  addLabel?: string
  /** Whose privacy notice is shown before the first photo. */
  audience: PrivacyAudience
}) {
  const [busy, setBusy] = useState(false)

  const add = async () => {
    if (!(await ensurePrivacyConsent(audience))) {
      return onError('您没有同意个人信息保护提示，所以没有打开相册和相机。同意后才能添加照片。')
    }
    let chosen: Taro.chooseMedia.ChooseMedia[]
    try {
      const result = await Taro.chooseMedia({
        count: max - photos.length,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      })
      chosen = result.tempFiles
    } catch {
      return // the user closed the chooser
    }
    setBusy(true)
    const added: string[] = []
    try {
      for (const [index, file] of chosen.entries()) {
        const name = (file as { originalFileObj?: { name?: string } }).originalFileObj?.name ?? `photo-${index}.jpg`
        const result = await uploadImage(file.tempFilePath, name)
        if (!result.ok) {
          onError(result.message)
          break
        }
        added.push(result.data.fileId)
      }
    } catch (error) {
      onError(`照片没有上传成功。${failureMessage(error)}`)
    } finally {
      if (added.length) onChange([...photos, ...added].slice(0, max))
      setBusy(false)
    }
  }

  return (
    <View className="mq-photos">
      <View className="mq-photos__grid">
        {photos.map((fileId, index) => (
          <View key={fileId} className="mq-photos__item">
            <Photo className="mq-photos__image" src={previewUrl(fileId)} label={`已添加的照片 ${index + 1}`} />
            <Button
              className="mq-photos__remove"
              fill="outline"
              onClick={() => onChange(photos.filter((id) => id !== fileId))}
            >
              删除
            </Button>
          </View>
        ))}
      </View>
      {photos.length < max && (
        <Button className="mq-tap" fill="outline" loading={busy} onClick={() => void add()}>
          {addLabel}
        </Button>
      )}
    </View>
  )
}
