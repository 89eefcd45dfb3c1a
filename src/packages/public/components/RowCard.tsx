import { Text, View } from '@tarojs/components'
import { DETAIL_LABELS, type PublicList, type PublicRow } from '@core/publication/publication'
import { formatChinaTime } from '@core/time'

const day = (at: number) => formatChinaTime(at, 'YYYY年M月D日')

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Text className="mq-text public__field">
      <Text className="public__field-label">{label}：</Text>
      {value}
    </Text>
  )
}

/** One published row as a card a resident reads: what was raised, and what each list says of it. */
export default function RowCard({ list, row }: { list: PublicList; row: PublicRow }) {
  return (
    <View className="public__row">
      <View className="public__row-head">
        <Text className="public__row-number">编号 {row.number}</Text>
        {list === 'problems' && row.status && <Text className="public__tag">{row.status}</Text>}
        {list === 'results' && row.onTheSpot && <Text className="public__tag public__tag--spot">立行立改</Text>}
      </View>
      <Text className="mq-hint">
        {row.category}
        {row.areaName ? ` · ${row.areaName}` : ''}
      </Text>
      <Text className="mq-text public__summary">{row.summary}</Text>
      {list === 'problems' && row.reports > 1 && <Text className="mq-hint">同类反映 {row.reports} 件</Text>}
      {list === 'tasks' && (
        <>
          {row.leadOfficial && <Field label="领办领导" value={row.leadOfficial} />}
          {row.responsibleUnit && <Field label="责任单位" value={row.responsibleUnit} />}
          {row.deadline !== null && <Field label="完成时限" value={day(row.deadline)} />}
        </>
      )}
      {list === 'results' && row.closedAt !== null && <Field label="办结日期" value={day(row.closedAt)} />}
      {row.detail && <Field label={DETAIL_LABELS[list]} value={row.detail} />}
      {list === 'results' && row.rating && <Field label="群众评价" value={row.rating} />}
    </View>
  )
}
