import { SETTINGS_ACTIONS } from '@core/catalogue/settings'
import type { FunctionUnit } from '../context'
import { getPledgeQuotas, setPledgeQuotas } from '../pledges'
import { getTimeLimits, setTimeLimits } from '../settings'

/** 设置: each action of core/catalogue/settings.ts bound to its handler. */
export const SETTINGS: FunctionUnit<'settings'> = {
  name: 'settings',
  actions: SETTINGS_ACTIONS,
  handlers: { getTimeLimits, setTimeLimits, getPledgeQuotas, setPledgeQuotas },
}
