import * as z from 'zod/mini'
import { CATEGORIES } from '../case/case'
import { rateSchema } from '../stats/dashboard.schemas'
import { expectedVersionField } from '../user/user.schemas'
import { fieldError, textField } from '../validation/fields'
import { PUBLIC_LISTS, PUBLIC_TEXT_MAX, draftRowSchema, publicRowSchema } from './publication'

const monthField = z
  .string({ error: fieldError('月份', '选择') })
  .check(
    z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份须为“年-月”，如 2026-11'),
    z.meta({ title: '月份', description: 'YYYY-MM（北京时间）' }),
  )

const publicationUnitField = z
  .string({ error: fieldError('单位', '选择') })
  .check(z.trim(), z.minLength(1, '请选择单位'), z.maxLength(64, '单位标识不正确'))

const listField = z.enum(PUBLIC_LISTS, { error: '请选择问题清单、任务清单或效果清单' })
const caseIdField = z
  .string({ error: fieldError('诉求', '选择') })
  .check(z.minLength(1, '请选择诉求'), z.maxLength(64, '诉求标识不正确'))

/** Which draft an edit is for, at the version its editor saw. */
const draftKey = {
  unitId: publicationUnitField,
  month: monthField,
  expectedVersion: expectedVersionField,
}

/** 编制清单: opens the unit's draft for the month, building it from the records the first time (or when asked to). */
export const openDraftInput = z.object({
  action: z.literal('openDraft'),
  /** The caller's own unit when absent. */
  unitId: z.optional(publicationUnitField),
  /** Last month (by the server's clock) when absent: the lists a unit publishes now. */
  month: z.optional(monthField),
  /** Rebuild the rows from the records, keeping the wording edited and the rows left out. */
  refresh: z._default(z.boolean({ error: '“重新生成”须为是或否' }), false),
})

export const editRowInput = z.object({
  action: z.literal('editRow'),
  ...draftKey,
  list: listField,
  caseId: caseIdField,
  summary: textField('公开内容', 2, PUBLIC_TEXT_MAX),
  /** 不予受理理由 / 解决标准 / 办理结果: only on rows that have one. */
  detail: z.optional(textField('说明', 1, PUBLIC_TEXT_MAX)),
})

export const omitRowInput = z.object({
  action: z.literal('omitRow'),
  ...draftKey,
  list: listField,
  caseId: caseIdField,
  reason: textField('不公开的理由', 2, 100),
})

export const restoreRowInput = z.object({
  action: z.literal('restoreRow'),
  ...draftKey,
  list: listField,
  caseId: caseIdField,
})

export const publishInput = z.object({
  action: z.literal('publish'),
  ...draftKey,
  /** 更正说明: required for a correction (version 2 and later), shown beside it. */
  note: z.optional(textField('更正说明', 2, 200)),
})

/** 公开清单: the units that published lists for a month (the latest month with any, when absent). */
export const listPublishedInput = z.object({
  action: z.literal('listPublished'),
  month: z.optional(monthField),
})

export const getPublishedInput = z.object({
  action: z.literal('getPublished'),
  unitId: publicationUnitField,
  month: monthField,
  /** The latest when absent. */
  version: z.optional(z.number({ error: fieldError('版本') }).check(z.int('版本须为整数'), z.gte(1, '版本从 1 开始'))),
})

/** 典型案例: a closed, well-rated case with a short public write-up. */
export const markShowcaseInput = z.object({
  action: z.literal('markShowcase'),
  caseId: caseIdField,
  title: textField('案例标题', 4, 30),
  writeUp: textField('案例介绍', 20, PUBLIC_TEXT_MAX),
})

export const listShowcasesInput = z.object({ action: z.literal('listShowcases') })

const unitRef = z.strictObject({ id: z.string(), name: z.string() })

const versionEntry = z.strictObject({
  version: z.number(),
  publishedAt: z.number(),
  publishedBy: z.string(),
  /** 更正说明 (null for the first version). */
  note: z.nullable(z.string()),
})

/** The unit's figures for the month, frozen when the version was published. */
const publicFiguresSchema = z.strictObject({
  /** 梳理问题 */
  total: z.number(),
  pending: z.number(),
  working: z.number(),
  closed: z.number(),
  onTheSpot: z.number(),
  response: rateSchema,
  solved: rateSchema,
  satisfied: rateSchema,
  defaultRated: z.number(),
})
export type PublicFigures = z.infer<typeof publicFiguresSchema>

export const draftViewSchema = z.strictObject({
  unit: unitRef,
  month: z.string(),
  monthLabel: z.string(),
  /** The draft's own version: every edit carries it. */
  version: z.number(),
  /** The version publishing makes: 1, or the number of the correction. */
  nextVersion: z.number(),
  generatedAt: z.number(),
  lists: z.strictObject({
    problems: z.array(draftRowSchema),
    tasks: z.array(draftRowSchema),
    results: z.array(draftRowSchema),
  }),
  /** The versions already published, oldest first. */
  published: z.array(versionEntry),
  /** Rows that stop publishing now. */
  blockedRows: z.number(),
  /** The months a draft may be opened for now, newest first (by the server's clock). */
  months: z.array(z.string()),
})
export type DraftView = z.infer<typeof draftViewSchema>

export const publishedViewSchema = z.strictObject({
  unit: unitRef,
  month: z.string(),
  monthLabel: z.string(),
  ...versionEntry.shape,
  figures: publicFiguresSchema,
  lists: z.strictObject({
    problems: z.array(publicRowSchema),
    tasks: z.array(publicRowSchema),
    results: z.array(publicRowSchema),
  }),
  /** Every version of these lists, oldest first: a correction never hides what it corrected. */
  versions: z.array(versionEntry),
})
export type PublishedView = z.infer<typeof publishedViewSchema>

export const publishedCatalogueSchema = z.strictObject({
  /** The month shown (null: nothing has been published yet). */
  month: z.nullable(z.string()),
  monthLabel: z.nullable(z.string()),
  entries: z.array(
    z.strictObject({
      unit: unitRef,
      month: z.string(),
      latestVersion: z.number(),
      publishedAt: z.number(),
    }),
  ),
})

export const showcaseSchema = z.strictObject({
  caseId: z.string(),
  number: z.string(),
  category: z.enum(CATEGORIES),
  areaName: z.string(),
  title: z.string(),
  writeUp: z.string(),
  closedAt: z.number(),
  rating: z.string(),
  markedAt: z.number(),
})
export type Showcase = z.infer<typeof showcaseSchema>
