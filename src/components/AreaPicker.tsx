import { useEffect, useState } from 'react'
import type { AreaChoice } from '@core/org/org'
import { ask } from '../services/backend'
import ChoiceSheet from './ChoiceSheet'

/** Which 社区/小区/生产队 something concerns, labelled with its 办事处. */
export default function AreaPicker({
  value,
  onChange,
  className,
  onError,
}: {
  value: string
  onChange: (areaUnitId: string) => void
  className?: string
  onError?: (message: string) => void
}) {
  const [areas, setAreas] = useState<AreaChoice[]>([])
  useEffect(() => {
    void ask('orgs', 'listAreas', {}).then((result) =>
      result.ok ? setAreas(result.data) : onError?.(`社区列表没有加载出来：${result.message}`),
    )
    // Loaded once per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <ChoiceSheet
      className={className}
      title="选择社区或小区"
      placeholder="请选择社区或小区"
      choices={areas.map((area) => ({
        id: area.id,
        label: area.officeName ? `${area.officeName} · ${area.name}` : area.name,
      }))}
      value={value}
      onChange={(choice) => onChange(choice.id)}
    />
  )
}
