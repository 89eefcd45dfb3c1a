import { toAreaChoices, type OrgUnit } from '@core/org/org'
import { ok } from '@core/result'
import type { Handler } from './context'

export const listAreas: Handler<'orgs', 'listAreas'> = async (_input, { store }) => {
  const units = await store.query<OrgUnit>('orgUnits', { filter: { active: true }, offset: 0, limit: 1000 })
  return ok(toAreaChoices(units))
}
