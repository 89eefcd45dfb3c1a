import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { MAX_CASE_PHOTOS } from '@core/case/case.schemas'
import { DAY_MS, formatChinaTime } from '@core/time'
import PhotoPicker from '../../../../../components/PhotoPicker'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 办理进展, 申请销号, 申请延期 — for the handler while working, each as the server allows it. */
export default function WorkPanel({
  view,
  run,
  base,
  can,
  onError,
}: PanelProps & { onError: (message: string) => void }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [publicNote, setPublicNote] = useState(true)
  const [result, setResult] = useState('')
  const [standardMet, setStandardMet] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [extraDays, setExtraDays] = useState('7')
  const [extensionReason, setExtensionReason] = useState('')

  return (
    <>
      {can('addProgress') && (
        <View className="mq-card">
          <Text className="mq-subtitle">记录办理进展</Text>
          <TextArea
            className="mq-textarea staff__progress"
            aria-label="办理进展"
            placeholder="做了什么、下一步"
            value={note}
            maxLength={500}
            onChange={setNote}
          />
          <PhotoPicker audience="staff" photos={photos} max={MAX_CASE_PHOTOS} onChange={setPhotos} onError={onError} />
          <Checkbox className="mq-tap" checked={publicNote} label="群众可以看到这条进展" onChange={setPublicNote} />
          <Button
            className="mq-tap staff__add-progress"
            type="primary"
            fill="outline"
            onClick={() =>
              void run('已记录进展', async () => {
                const outcome = await ask('cases', 'addProgress', {
                  ...base,
                  note,
                  photos,
                  visibleToReporter: publicNote,
                })
                if (outcome.ok) {
                  setNote('')
                  setPhotos([])
                }
                return outcome
              })
            }
          >
            保存进展
          </Button>
        </View>
      )}
      {can('requestClosure') && (
        <View className="mq-card">
          <Text className="mq-subtitle">申请销号</Text>
          {view.assignment && <Text className="mq-hint">解决标准：{view.assignment.standard}</Text>}
          <TextArea
            className="mq-textarea staff__result"
            aria-label="办理结果"
            placeholder="办理结果"
            value={result}
            maxLength={500}
            onChange={setResult}
          />
          <TextArea
            className="mq-textarea staff__standard-met"
            aria-label="如何达到解决标准"
            placeholder="如何达到了解决标准"
            value={standardMet}
            maxLength={300}
            onChange={setStandardMet}
          />
          <PhotoPicker
            audience="staff"
            photos={evidence}
            max={MAX_CASE_PHOTOS}
            onChange={setEvidence}
            onError={onError}
            addLabel="添加佐证照片"
          />
          <Button
            className="mq-tap staff__request-closure"
            type="primary"
            block
            onClick={() =>
              void run('已申请销号', () =>
                ask('cases', 'requestClosure', { ...base, note: result, evidence, standardMet }),
              )
            }
          >
            申请销号
          </Button>
        </View>
      )}
      {can('requestExtension') && view.assignment && (
        <View className="mq-card">
          <Text className="mq-subtitle">申请延期</Text>
          <Text className="mq-hint">现在的完成时限：{formatChinaTime(view.assignment.deadline)}</Text>
          <Text className="mq-label">延长几天</Text>
          <View className="mq-row staff__extension-days">
            <Input
              className="mq-input staff__days-input"
              aria-label="延长天数（天）"
              type="number"
              value={extraDays}
              onChange={setExtraDays}
            />
            <Text className="mq-text">天</Text>
          </View>
          <Input
            className="mq-input"
            aria-label="延期理由"
            placeholder="延期理由"
            value={extensionReason}
            onChange={setExtensionReason}
          />
          <Button
            className="mq-tap"
            fill="outline"
            onClick={() =>
              void run('已申请延期', () =>
                ask('cases', 'requestExtension', {
                  ...base,
                  deadline: (view.assignment?.deadline ?? 0) + Math.max(1, Number(extraDays) || 0) * DAY_MS,
                  reason: extensionReason,
                }),
              )
            }
          >
            申请延期
          </Button>
        </View>
      )}
    </>
  )
}
