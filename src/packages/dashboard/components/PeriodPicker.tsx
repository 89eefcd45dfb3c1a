import { Picker, Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodKind } from '@core/stats/dashboard.schemas'

/** The period being chosen: a preset, or a range whose two days may not be picked yet. */
export interface PeriodChoice {
  kind: PeriodKind
  from: string
  to: string
}

function DayField({ title, value, onChange }: { title: string; value: string; onChange: (day: string) => void }) {
  return (
    <Picker mode="date" value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <Cell className="mq-choice mq-tap" title={`${title}：${value || '请选择'}`} extra="选择" clickable />
    </Picker>
  )
}

/** 本周 / 本月 / 本季度 / 活动以来 / 自选时段 (then two days). */
export default function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodChoice
  onChange: (next: PeriodChoice) => void
}) {
  return (
    <View>
      <Text className="mq-label">统计时段</Text>
      <View className="mq-choices">
        {PERIOD_KINDS.map((kind) => (
          <Button
            key={kind}
            className="mq-tap"
            type="primary"
            fill={value.kind === kind ? 'solid' : 'outline'}
            aria-pressed={value.kind === kind}
            onClick={() => onChange({ ...value, kind })}
          >
            {PERIOD_LABELS[kind]}
          </Button>
        ))}
      </View>
      {value.kind === 'range' && (
        <View className="dashboard__range">
          <DayField title="开始日期" value={value.from} onChange={(from) => onChange({ ...value, from })} />
          <DayField title="结束日期" value={value.to} onChange={(to) => onChange({ ...value, to })} />
        </View>
      )}
    </View>
  )
}
