import * as z from 'zod/mini'
import { CASE_STATUSES, CATEGORIES, REPORTER_RELATIONS, URGENCIES } from './case'
import { CASE_NUMBER_PATTERN } from './number'
import { REPORTER_TEMPLATES } from './notifications'
import {
  clientRequestIdField,
  fieldError,
  locationField,
  cursorFields,
  personNameField,
  phoneField,
  photosField,
  unitIdField,
} from '../validation/fields'

export const MAX_CASE_PHOTOS = 9
const DESCRIPTION_MIN = 2
export const DESCRIPTION_MAX = 1000

export const descriptionField = z
  .string({ error: fieldError('问题描述') })
  .check(
    z.trim(),
    z.minLength(DESCRIPTION_MIN, `问题描述至少 ${DESCRIPTION_MIN} 个字`),
    z.maxLength(DESCRIPTION_MAX, `问题描述不能超过 ${DESCRIPTION_MAX} 个字`),
    z.meta({ title: '问题描述' }),
  )

export const reporterField = z.object(
  {
    name: personNameField,
    phone: phoneField,
    anonymous: z._default(z.boolean({ error: '“匿名”须为是或否' }), false),
    relation: z._default(z.enum(REPORTER_RELATIONS, { error: '请选择是本人还是代家人反映' }), 'self'),
  },
  { error: fieldError('反映人信息') },
)

/** 群众反映诉求 — used by the submit page and by the handler. */
export const submitCaseInput = z.object({
  action: z.literal('submit'),
  clientRequestId: clientRequestIdField,
  category: z.enum(CATEGORIES, { error: '请选择问题类别' }).check(z.meta({ title: '问题类别' })),
  urgency: z._default(z.enum(URGENCIES, { error: '紧急程度须为 急、难 或 一般' }), 'normal'),
  description: descriptionField,
  photos: z._default(photosField(MAX_CASE_PHOTOS), []),
  location: z.optional(locationField),
  areaUnitId: unitIdField,
  reporter: reporterField,
  /** The WeChat subscribe-message templates the reporter accepted on this page. */
  subscriptions: z._default(
    z.array(z.enum(REPORTER_TEMPLATES, { error: '订阅消息类型不正确' })).check(z.maxLength(REPORTER_TEMPLATES.length)),
    [],
  ),
})
export type SubmitCaseInput = z.output<typeof submitCaseInput>

/** 我的诉求 — the caller's own and followed cases, newest first. */
export const listMyCasesInput = z.object({
  action: z.literal('listMine'),
  ...cursorFields,
})

/** The cases in the caller's scope (a supervisor's subtree; everything for an admin). */
export const CASE_QUEUES = ['all', 'open', 'dispatch', 'review', 'extension', 'overdue'] as const
export const listCasesInScopeInput = z.object({
  action: z.literal('listInScope'),
  /** 待派单 (dispatch), 待审核销号 (review), 延期申请 (extension), 已超期 (overdue), still open, or all. */
  queue: z._default(z.enum(CASE_QUEUES, { error: '队列不正确' }), 'all'),
  status: z.optional(z.enum(CASE_STATUSES, { error: '状态不正确' })),
  /** A case to leave out (the one being merged, among the merge targets). */
  excludeId: z.optional(z.string({ error: fieldError('诉求', '选择') }).check(z.minLength(1), z.maxLength(64))),
  ...cursorFields,
})

/** The counts of a supervisor's queues, for the home page (same scope as listInScope). */
export const queueCountsInput = z.object({ action: z.literal('queueCounts') })

/** One case, by its id or by the number printed on the receipt. */
export const getCaseInput = z
  .object({
    action: z.literal('get'),
    id: z.optional(z.string({ error: fieldError('诉求标识') }).check(z.minLength(1), z.maxLength(64))),
    number: z.optional(
      z
        .string({ error: fieldError('诉求编号') })
        .check(z.trim(), z.regex(CASE_NUMBER_PATTERN, '诉求编号格式应为 2026-000123')),
    ),
  })
  .check(
    z.refine((input) => (input.id === undefined) !== (input.number === undefined), {
      error: '请提供诉求标识或诉求编号（二选一）',
      path: ['id'],
    }),
  )
