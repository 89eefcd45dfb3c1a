import * as z from 'zod/mini'
import { fieldError, cursorFields } from '../validation/fields'
import { INVITABLE_ROLES } from './invitation'

export const issueInvitationInput = z.object({
  action: z.literal('issue'),
  role: z.enum(INVITABLE_ROLES, { error: '邀请的角色须为 党员干部、督办领导 或 管理员' }),
  unitId: z.string({ error: fieldError('所属组织', '选择') }).check(z.minLength(1, '请选择所属组织'), z.maxLength(64)),
  expiresInDays: z._default(
    z
      .number({ error: fieldError('有效天数') })
      .check(z.int('有效天数须为整数'), z.gte(1, '有效期至少 1 天'), z.lte(30, '有效期最多 30 天')),
    7,
  ),
  note: z._default(
    z.string({ error: fieldError('备注') }).check(z.trim(), z.maxLength(50, '备注不能超过 50 个字')),
    '',
  ),
})

export const listInvitationsInput = z.object({
  action: z.literal('list'),
  ...cursorFields,
})

export const revokeInvitationInput = z.object({
  action: z.literal('revoke'),
  code: z.string({ error: fieldError('邀请码') }).check(z.trim(), z.minLength(1), z.maxLength(40)),
})
