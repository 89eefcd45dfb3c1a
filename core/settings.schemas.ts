import * as z from 'zod/mini'
import { URGENCIES } from './case/case'

const limit = z.object(
  {
    acknowledgeHours: z
      .number({ error: '签收时限须为小时数' })
      .check(z.int('签收时限须为整数小时'), z.gte(1, '签收时限至少 1 小时'), z.lte(168, '签收时限最多 168 小时')),
    completeDays: z
      .number({ error: '完成时限须为天数' })
      .check(z.int('完成时限须为整数天'), z.gte(1, '完成时限至少 1 天'), z.lte(90, '完成时限最多 90 天')),
  },
  { error: '时限设置不正确' },
)

export const getTimeLimitsInput = z.object({ action: z.literal('getTimeLimits') })
export const setTimeLimitsInput = z.object({
  action: z.literal('setTimeLimits'),
  limits: z.object(
    Object.fromEntries(URGENCIES.map((urgency) => [urgency, limit])) as Record<
      (typeof URGENCIES)[number],
      typeof limit
    >,
  ),
  expectedVersion: z.number({ error: '版本号不正确' }).check(z.int(), z.gte(0)),
})

/** The time limits in force, and the version an admin's change must name. */
export const timeLimitsViewSchema = z.strictObject({
  limits: z.strictObject({ urgent: limit, hard: limit, normal: limit }),
  version: z.number(),
})
