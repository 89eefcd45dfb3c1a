import * as z from 'zod/mini'
import { CATEGORIES, URGENCIES } from '../case/case'
import { descriptionField, MAX_CASE_PHOTOS, reporterField } from '../case/case.schemas'
import { expectedVersionField } from '../user/user.schemas'
import {
  textField,
  clientRequestIdField,
  cursorFields,
  coordinatesField,
  fieldError,
  locationField,
  photosField,
  unitIdField,
} from '../validation/fields'
import { CONTACT_POINT_TYPES, DEFAULT_RADIUS_METERS } from './fieldwork'
import { VISIT_KINDS, VULNERABILITY_TAGS } from './visit'

/** A position as the phone reported it, with its system and accuracy; the server converts it. */
const fixField = z
  .extend(coordinatesField, {
    accuracy: z
      .number({ error: fieldError('定位精度') })
      .check(z.nonnegative('定位精度不能为负数'), z.lte(100_000, '定位精度不正确')),
  })
  .check(z.meta({ title: '定位', description: 'lat/lng、坐标系（gcj02 或 wgs84）与精度（米）' }))

export const listContactPointsInput = z.object({
  action: z.literal('listContactPoints'),
  /** Where the person is now, to sort the points nearest first. */
  near: z.optional(fixField),
})

export const listManagedContactPointsInput = z.object({ action: z.literal('listManagedContactPoints') })

export const createContactPointInput = z.object({
  action: z.literal('createContactPoint'),
  type: z.enum(CONTACT_POINT_TYPES, { error: '请选择联系点类型' }),
  name: textField('联系点名称', 2, 40),
  unitId: unitIdField,
  position: coordinatesField,
  radiusMeters: z._default(
    z
      .number({ error: fieldError('签到范围') })
      .check(z.int('签到范围须为整数米'), z.gte(50, '签到范围至少 50 米'), z.lte(2000, '签到范围最多 2000 米')),
    DEFAULT_RADIUS_METERS,
  ),
  cadreOpenids: z._default(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(64)), { error: fieldError('联系干部') })
      .check(z.maxLength(50, '联系干部最多 50 人')),
    [],
  ),
})

/** What a manager may change of a contact point: any of these (absent ones stay as they are). */
export const updateContactPointInput = z.object({
  action: z.literal('updateContactPoint'),
  id: z.string({ error: fieldError('联系点', '选择') }).check(z.minLength(1), z.maxLength(64)),
  expectedVersion: expectedVersionField,
  name: z.optional(textField('联系点名称', 2, 40)),
  /** A new place, in the system the phone or map gave it (stored in WGS-84). */
  position: z.optional(coordinatesField),
  cadreOpenids: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50, '联系干部最多 50 人')),
  ),
  radiusMeters: z.optional(
    z.number().check(z.int(), z.gte(50, '签到范围至少 50 米'), z.lte(2000, '签到范围最多 2000 米')),
  ),
  /** false: 停用; true: 重新启用 (undoes a deactivation). */
  active: z.optional(z.boolean()),
})

export const signInInput = z.object({
  action: z.literal('signIn'),
  contactPointId: z
    .string({ error: fieldError('联系点', '选择') })
    .check(z.minLength(1, '请选择联系点'), z.maxLength(64)),
  position: fixField,
})
/** 签退: where the phone is, when it can tell; a sign-out is never refused for want of it. */
export const signOutInput = z.object({ action: z.literal('signOut'), position: z.optional(fixField) })
export const listMyCheckinsInput = z.object({ action: z.literal('listMyCheckins'), ...cursorFields })
export const listCheckinsInScopeInput = z.object({ action: z.literal('listCheckinsInScope'), ...cursorFields })
export const currentCheckinInput = z.object({ action: z.literal('currentCheckin') })

const raisedCase = z.object(
  {
    category: z.enum(CATEGORIES, { error: '请选择问题类别' }),
    urgency: z._default(z.enum(URGENCIES, { error: '紧急程度须为 急、难 或 一般' }), 'normal'),
    description: descriptionField,
    reporter: reporterField,
  },
  { error: fieldError('要立案的诉求') },
)

/** 走访/敲门: one visit, what was heard, and the cases raised from it. */
export const recordVisitInput = z
  .object({
    action: z.literal('recordVisit'),
    clientRequestId: clientRequestIdField.check(z.refine((id) => id.length <= 56, '请求编号不能超过 56 位')),
    kind: z.enum(VISIT_KINDS, { error: '请选择走访类型' }),
    at: z.optional(z.number({ error: fieldError('走访时间') }).check(z.int(), z.gte(0))),
    durationMinutes: z
      .number({ error: fieldError('走访时长') })
      .check(z.int('时长须为整数分钟'), z.gte(1, '时长至少 1 分钟'), z.lte(720, '时长最多 12 小时')),
    areaUnitId: unitIdField,
    contactPointId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    household: z.optional(
      z.object(
        {
          name: textField('户主姓名', 1, 20),
          address: textField('住址', 2, 100),
          tags: z._default(
            z
              .array(z.enum(VULNERABILITY_TAGS, { error: '特殊群体类型不正确' }))
              .check(z.maxLength(VULNERABILITY_TAGS.length)),
            [],
          ),
        },
        { error: fieldError('走访户') },
      ),
    ),
    enterpriseName: z.optional(textField('企业名称', 2, 50)),
    headcount: z._default(
      z
        .number({ error: fieldError('人数') })
        .check(z.int('人数须为整数'), z.gte(1, '人数至少 1 人'), z.lte(1000, '人数最多 1000 人')),
      1,
    ),
    opinions: z._default(
      z
        .array(textField('意见建议', 1, 200), { error: fieldError('意见建议') })
        .check(z.maxLength(30, '一次最多记录 30 条意见')),
      [],
    ),
    photos: z._default(photosField(MAX_CASE_PHOTOS), []),
    location: z.optional(locationField),
    raiseCases: z._default(
      z.array(raisedCase, { error: fieldError('要立案的诉求') }).check(z.maxLength(10, '一次走访最多立 10 件诉求')),
      [],
    ),
  })
  .check(
    z.refine((visit) => visit.kind !== '敲门入户' || visit.household !== undefined, {
      error: '敲门入户请填写走访户',
      path: ['household'],
    }),
  )

export const listHouseholdsInput = z.object({ action: z.literal('listHouseholds'), ...cursorFields })
/** 民情台账: one household's visits, newest first. */
export const listHouseholdVisitsInput = z.object({
  action: z.literal('listHouseholdVisits'),
  householdId: z.string({ error: fieldError('走访户', '选择') }).check(z.minLength(1, '请选择走访户'), z.maxLength(64)),
  ...cursorFields,
})
export const listNeglectedHouseholdsInput = z.object({ action: z.literal('listNeglectedHouseholds'), ...cursorFields })
export const myMonthInput = z.object({ action: z.literal('myMonth') })
export const listMyVisitsInput = z.object({ action: z.literal('listMyVisits'), ...cursorFields })
