import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PeriodInput } from '@core/stats/dashboard.schemas'
import { ErrorNotice, SuccessNotice } from '../../../components/Notice'
import { ask } from '../../../services/backend'
import { openServerFile } from '../../../services/download'

/** 导出 Excel: the period and unit shown, as a workbook made by the server (masked there). */
export default function ExportButton({ period, unitId }: { period: PeriodInput; unitId: string }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [error, setError] = useState('')
  const run = async () => {
    setBusy(true)
    setDone('')
    setError('')
    const answer = await ask('exports', 'workbook', { period, ...(unitId ? { unitId } : {}) })
    if (!answer.ok) {
      setBusy(false)
      return setError(answer.message)
    }
    const { fileName, rows } = answer.data
    try {
      await openServerFile(answer.data.url, fileName)
      setDone(
        `已导出 ${fileName}：诉求 ${rows.cases.rows} 条、走访 ${rows.visits.rows} 条、签到 ${rows.checkins.rows} 条。`,
      )
    } catch {
      setError('文件已生成，但没能下载或打开，请检查网络后重试。')
    }
    setBusy(false)
  }
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">导出</Text>
      <Text className="mq-hint">
        把本页的统计和这段时间的诉求、走访、签到记录导出为 Excel；电话、身份证号、门牌号和姓名已隐去。
      </Text>
      <Button className="mq-tap" type="primary" loading={busy} disabled={busy} onClick={() => void run()}>
        导出 Excel
      </Button>
      <ErrorNotice message={error} />
      <SuccessNotice message={done} />
    </View>
  )
}
