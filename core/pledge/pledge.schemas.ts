import * as z from 'zod/mini'
import { fieldError } from '../validation/fields'
import { MONTH_PATTERN, pledgeQuotasSchema, quotaOverrideSchema } from './pledges'

/** 领办情况: one month (`2026-11`, this month if left out), over the caller's subtree or a unit in it. */
export const pledgeBoardInput = z.object({
  action: z.literal('pledgeBoard'),
  month: z.optional(z.string({ error: '请选择月份' }).check(z.regex(MONTH_PATTERN, '月份须为“年-月”，如 2026-11'))),
  unitId: z.optional(
    z.string({ error: fieldError('单位', '选择') }).check(z.minLength(1, '请选择单位'), z.maxLength(64)),
  ),
})

export const getPledgeQuotasInput = z.object({ action: z.literal('getPledgeQuotas') })
export const setPledgeQuotasInput = z.object({
  action: z.literal('setPledgeQuotas'),
  quotas: pledgeQuotasSchema,
  expectedVersion: z.number({ error: '版本号不正确' }).check(z.int(), z.gte(0)),
})

/** The quotas in force (each override with the name of its leader or unit), and the version a change must name. */
export const pledgeQuotasViewSchema = z.strictObject({
  quotas: z.strictObject({
    defaults: pledgeQuotasSchema.shape.defaults,
    overrides: z.array(z.strictObject({ ...quotaOverrideSchema.shape, name: z.string() })),
  }),
  version: z.number(),
})
