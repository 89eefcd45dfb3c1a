import { getPledgeQuotasInput, pledgeQuotasViewSchema, setPledgeQuotasInput } from '../pledge/pledge.schemas'
import { getTimeLimitsInput, setTimeLimitsInput, timeLimitsViewSchema } from '../settings.schemas'
import type { ActionSpec } from './action-spec'

/** 设置: the time limits and the 领办 quotas. */
export const SETTINGS_ACTIONS = {
  getTimeLimits: { permission: 'settings.viewTimeLimits', input: getTimeLimitsInput, output: timeLimitsViewSchema },
  setTimeLimits: { permission: 'settings.timeLimits', input: setTimeLimitsInput, output: timeLimitsViewSchema },
  getPledgeQuotas: {
    permission: 'settings.pledgeQuotas',
    input: getPledgeQuotasInput,
    output: pledgeQuotasViewSchema,
  },
  setPledgeQuotas: {
    permission: 'settings.pledgeQuotas',
    input: setPledgeQuotasInput,
    output: pledgeQuotasViewSchema,
  },
} as const satisfies Record<string, ActionSpec>
