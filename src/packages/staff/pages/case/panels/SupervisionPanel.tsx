import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { formatChinaTime } from '@core/time'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/**
 * 督办: the note waiting for the handler's reply, a supervisor's box to write one, and the
 * handler's box to answer it — each shown only when the server offers the action.
 */
export default function SupervisionPanel({ view, run, base, can }: PanelProps) {
  const [text, setText] = useState('')
  const note = view.supervisionNote
  const writing = can('addSupervisionNote')
  const replying = can('replySupervisionNote')
  if (!note && !writing && !replying) return null
  const send = (action: 'addSupervisionNote' | 'replySupervisionNote', done: string) =>
    void run(done, async () => {
      const result = await ask('cases', action, { ...base, note: text })
      if (result.ok) setText('')
      return result
    })
  return (
    <View className="mq-card staff__supervision">
      <Text className="mq-subtitle">督办</Text>
      {note ? (
        <View className="staff__supervision-note">
          <Text className="mq-text">督办意见（待回复）：{note.note}</Text>
          <Text className="mq-hint">
            {note.byName} · {formatChinaTime(note.at)}
          </Text>
        </View>
      ) : (
        <Text className="mq-hint">没有待回复的督办意见。</Text>
      )}
      {(writing || replying) && (
        <TextArea
          className="mq-textarea"
          aria-label={replying ? '回复督办' : '督办意见'}
          placeholder={replying ? '请回复办理情况（督办领导会看到）' : '写明要求，经办人须回复'}
          value={text}
          maxLength={300}
          onChange={setText}
        />
      )}
      {replying && (
        <Button className="mq-tap" type="primary" onClick={() => send('replySupervisionNote', '已回复督办')}>
          回复督办
        </Button>
      )}
      {writing && (
        <Button className="mq-tap" type="primary" onClick={() => send('addSupervisionNote', '已发出督办意见')}>
          发出督办意见
        </Button>
      )}
    </View>
  )
}
