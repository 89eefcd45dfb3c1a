import type { OutputFor } from '@core/functions'

/** A contact point as its manager is sent it (with the names of its cadres). */
export type ManagedPoint = OutputFor<'fieldwork', 'listManagedContactPoints'>[number]
