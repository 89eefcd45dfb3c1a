import { z } from 'zod'
import { fieldError, cursorFields } from '../validation/fields'
import { INVITABLE_ROLES } from './invitation'

export const issueInvitationInput = z.object({
  action: z.literal('issue'),
  role: z.enum(INVITABLE_ROLES, { error: '邀请的角色须为 党员干部、督办领导 或 管理员' }),
  unitId: z
    .string({ error: fieldError('所属组织', '选择') })
    .min(1, '请选择所属组织')
    .max(64),
  expiresInDays: z
    .number({ error: fieldError('有效天数') })
    .int('有效天数须为整数')
    .min(1, '有效期至少 1 天')
    .max(30, '有效期最多 30 天')
    .default(7),
  note: z
    .string({ error: fieldError('备注') })
    .trim()
    .max(50, '备注不能超过 50 个字')
    .default(''),
})

export const listInvitationsInput = z.object({
  action: z.literal('list'),
  ...cursorFields,
})

export const revokeInvitationInput = z.object({
  action: z.literal('revoke'),
  code: z
    .string({ error: fieldError('邀请码') })
    .trim()
    .min(1)
    .max(40),
})
