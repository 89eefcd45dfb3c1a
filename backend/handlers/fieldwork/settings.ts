import { DEFAULT_FIELDWORK_SETTINGS, type FieldworkSettings } from '@core/fieldwork/fieldwork'
import type { Store } from '../../ports/store'

/** The fieldwork limits in force: the defaults, overridden by a `meta/fieldwork-settings` document. */
export async function loadFieldworkSettings(store: Store): Promise<FieldworkSettings> {
  const doc = await store.get<{ _id: string; settings: Partial<FieldworkSettings> }>('meta', 'fieldwork-settings')
  return { ...DEFAULT_FIELDWORK_SETTINGS, ...(doc?.settings ?? {}) }
}
