import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro'
import OfficialPicker from '../../../../../components/OfficialPicker'
import type { Picked } from '../../../../../components/SearchPicker'
import { ask } from '../../../../../services/backend'
import type { PanelProps } from './types'

/** 改派 — for a supervisor of the case's area while someone works on it: a new handler, and why. */
export default function ReassignPanel({ view, run, base }: PanelProps) {
  const [open, setOpen] = useState(false)
  const [handler, setHandler] = useState<Picked | null>(null)
  const [reason, setReason] = useState('')

  const submit = () =>
    void run('已改派，等待新的承办人签收', async () => {
      const result = await ask('cases', 'reassign', { ...base, handlerOpenid: handler?.id ?? '', reason })
      // Done, or refused: either way the answer shows on the page, not behind the sheet.
      setOpen(false)
      if (result.ok) {
        setHandler(null)
        setReason('')
      }
      return result
    })

  return (
    <View className="mq-card staff__reassign">
      <Text className="mq-subtitle">改派</Text>
      <Text className="mq-hint">
        现在的承办人：{view.assignment?.handlerName ?? '无'}。改派后由新的承办人重新签收，完成时限不变。
      </Text>
      <Button className="mq-tap staff__reassign-open" fill="outline" block onClick={() => setOpen(true)}>
        改派给其他人
      </Button>
      <Popup visible={open} position="bottom" title="改派" closeable onClose={() => setOpen(false)}>
        <View className="mq-picker staff__reassign-sheet">
          <Text className="mq-label">新的承办人</Text>
          <OfficialPicker
            className="staff__reassign-handler"
            title="选择新的承办人"
            placeholder="选择新的承办人（可按姓名搜索）"
            value={handler}
            onChange={setHandler}
          />
          <Text className="mq-label">改派理由</Text>
          <TextArea
            className="mq-textarea staff__reassign-reason"
            aria-label="改派理由"
            placeholder="为什么改派，例如：原承办人借调，无法继续办理"
            value={reason}
            maxLength={200}
            onChange={setReason}
          />
          <Text className="mq-hint">理由只在办理人员之间可见；群众只看到“已安排新的办理人员”。</Text>
          <Button className="mq-tap staff__reassign-confirm" type="primary" block onClick={submit}>
            确认改派
          </Button>
        </View>
      </Popup>
    </View>
  )
}
