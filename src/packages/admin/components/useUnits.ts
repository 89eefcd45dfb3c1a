import { useEffect, useState } from 'react'
import { ORG_UNIT_KIND_LABELS, type OrgUnit } from '@core/org/org'
import { ask } from '../../../services/backend'
import type { Choice } from '../../../components/ChoiceSheet'

/** The org tree the caller may see, and the same units as choices labelled with their kind. */
export function useUnits(): { units: OrgUnit[]; choices: Choice[]; error: string; reload: () => void } {
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [error, setError] = useState('')
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    void ask('orgs', 'tree', {}).then((result) => {
      if (result.ok) setUnits(result.data)
      else setError(result.message)
    })
  }, [generation])
  const choices = units
    .filter((unit) => unit.active)
    .map((unit) => ({ id: unit._id, label: `${unit.name}（${ORG_UNIT_KIND_LABELS[unit.kind]}）` }))
  return { units, choices, error, reload: () => setGeneration((n) => n + 1) }
}
