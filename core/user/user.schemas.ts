import * as z from 'zod/mini'
import { STAFF_TEMPLATE_NAMES } from '../case/notifications'
import { ROLES } from '../roles'
import { LEADER_RANKS } from './user'
import { fieldError, cursorFields, personNameField, phoneField } from '../validation/fields'

const expectedVersion = z
  .number({ error: fieldError('版本号', '提供') })
  .check(z.int('版本号须为整数'), z.gte(1, '版本号须为正整数'))

export const getMeInput = z.object({ action: z.literal('me') })

export const updateMeInput = z.object({
  action: z.literal('updateMe'),
  name: personNameField,
  phone: z.optional(
    z.union([
      phoneField,
      z.pipe(
        z.literal(''),
        z.transform(() => null),
      ),
      z.null(),
    ]),
  ),
})

export const redeemInvitationInput = z.object({
  action: z.literal('redeem'),
  code: z
    .string({ error: fieldError('邀请码') })
    .check(z.trim(), z.minLength(1, '请填写邀请码'), z.maxLength(40, '邀请码格式不正确')),
  /**
   * The person's name, stored with the role so that no official is nameless. It may be left out
   * only by someone whose profile already has one (the handler refuses otherwise, on `name`).
   */
  name: z.optional(personNameField),
})

export const listUsersInput = z.object({
  action: z.literal('list'),
  query: z.optional(
    z.string({ error: fieldError('搜索内容') }).check(z.trim(), z.maxLength(20, '搜索内容不能超过 20 个字')),
  ),
  role: z.optional(z.enum(ROLES, { error: '角色不正确' })),
  /** Any of these roles (e.g. the people a case may be assigned to: cadres and supervisors). */
  roles: z.optional(z.array(z.enum(ROLES, { error: '角色不正确' })).check(z.minLength(1), z.maxLength(ROLES.length))),
  /** Only active (or only deactivated) users. */
  active: z.optional(z.boolean({ error: '“启用”须为是或否' })),
  ...cursorFields,
})

export const updateUserInput = z
  .object({
    action: z.literal('update'),
    openid: z.string({ error: fieldError('用户') }).check(z.minLength(1), z.maxLength(64)),
    expectedVersion,
    role: z.optional(z.enum(ROLES, { error: '角色不正确' })),
    unitId: z.optional(
      z.nullable(z.string({ error: fieldError('所属组织', '选择') }).check(z.minLength(1), z.maxLength(64))),
    ),
    active: z.optional(z.boolean({ error: '“启用”须为是或否' })),
    /** 领导职务 (null: not a leader). */
    leaderRank: z.optional(z.nullable(z.enum(LEADER_RANKS, { error: '领导职务不正确' }))),
  })
  .check(
    z.refine(
      (input) =>
        input.role !== undefined ||
        input.unitId !== undefined ||
        input.active !== undefined ||
        input.leaderRank !== undefined,
      {
        error: '请说明要修改的内容：角色、所属组织、启用状态或领导职务',
        path: ['role'],
      },
    ),
  )

export { expectedVersion as expectedVersionField }

/** 消息提醒: the templates an official just accepted in WeChat's subscription prompt. */
export const subscribeInput = z.object({
  action: z.literal('subscribe'),
  templates: z
    .array(z.enum(STAFF_TEMPLATE_NAMES, { error: '消息类型不正确' }), { error: fieldError('消息类型') })
    .check(z.minLength(1, '请选择要接收的消息'), z.maxLength(3, '一次最多订阅 3 种消息')),
})

/** The leaders for the 领办领导 pickers: every active official with a rank, by name. */
export const listLeadersInput = z.object({ action: z.literal('listLeaders') })
