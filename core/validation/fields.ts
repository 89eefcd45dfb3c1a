import * as z from 'zod/mini'
import zhCN from 'zod/v4/locales/zh-CN.js'
import { COORDINATE_SYSTEMS } from '../case/case'
import { isMainlandPhone, normalizePhone } from './phone'

// Messages we did not word ourselves still reach people in Chinese.
z.config(zhCN())

/** A type error message that says whether the field was missing or malformed. */
export function fieldError(label: string, verb = '填写') {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `请${verb}${label}` : `${label}格式不正确`)
}

export const clientRequestIdField = z
  .string({ error: fieldError('请求编号', '提供') })
  .check(
    z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号须为 8 到 64 位字母、数字、下划线或连字符'),
    z.meta({ title: '客户端请求编号', description: '同一编号重复提交只生效一次' }),
  )

/** A stored file: a CloudBase fileID in WeChat, or a local server file id. */
const FILE_ID_PATTERN = /^(cloud:\/\/\S{1,480}|img_[0-9a-f]{32}\.(jpg|png|gif|webp|heic))$/

const fileIdField = z
  .string({ error: fieldError('照片') })
  .check(z.regex(FILE_ID_PATTERN, '照片标识不正确，请重新上传'))

export function photosField(max: number) {
  return z.array(fileIdField, { error: fieldError('照片列表') }).check(
    z.maxLength(max, `照片最多 ${max} 张`),
    z.refine((ids) => new Set(ids).size === ids.length, '同一张照片不能重复添加'),
  )
}

export const phoneField = z
  .pipe(z.string({ error: fieldError('联系电话') }), z.transform(normalizePhone))
  .check(
    z.refine(isMainlandPhone, '联系电话格式不正确：请填写 11 位手机号，或带区号的座机号（如 0728-1234567）'),
    z.meta({ title: '联系电话', description: '手机号或带区号的座机号' }),
  )

/** A trimmed text field with a Chinese message for each way it can be wrong. */
export const textField = (label: string, min: number, max: number) =>
  z
    .string({ error: fieldError(label) })
    .check(
      z.trim(),
      z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
      z.maxLength(max, `${label}不能超过 ${max} 个字`),
    )

export const personNameField = z
  .string({ error: fieldError('姓名') })
  .check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(20, '姓名不能超过 20 个字'))

export const unitIdField = z
  .string({ error: fieldError('所在社区或小区', '选择') })
  .check(z.trim(), z.minLength(1, '请选择所在社区或小区'), z.maxLength(64, '社区或小区标识不正确'))

export const coordinatesField = z.object(
  {
    lat: z
      .number({ error: fieldError('纬度') })
      .check(z.gte(-90, '纬度须在 -90 到 90 之间'), z.lte(90, '纬度须在 -90 到 90 之间')),
    lng: z
      .number({ error: fieldError('经度') })
      .check(z.gte(-180, '经度须在 -180 到 180 之间'), z.lte(180, '经度须在 -180 到 180 之间')),
    system: z.enum(COORDINATE_SYSTEMS, { error: '坐标系须为 gcj02 或 wgs84' }),
    accuracy: z.optional(z.number({ error: fieldError('定位精度') }).check(z.nonnegative('定位精度不能为负数'))),
  },
  { error: fieldError('坐标') },
)

export const locationField = z
  .object(
    {
      coords: z.optional(coordinatesField),
      address: z.optional(
        z.string({ error: fieldError('地址') }).check(z.trim(), z.maxLength(200, '地址不能超过 200 个字')),
      ),
    },
    { error: fieldError('位置') },
  )
  .check(z.refine((l) => l.coords !== undefined || (l.address ?? '') !== '', '请提供定位或填写地址'))

/**
 * A page of a list, by cursor: the `nextCursor` a previous page answered (absent for the first
 * page). A cursor is a position in the list's order, so rows added meanwhile neither repeat nor
 * push others out of sight, as skipping N rows would.
 */
export const cursorFields = {
  cursor: z.optional(
    z
      .string({ error: fieldError('翻页位置') })
      .check(z.minLength(1), z.maxLength(600, '翻页位置不正确，请从第一页重新加载')),
  ),
  pageSize: z._default(
    z
      .number({ error: fieldError('每页条数') })
      .check(z.int('每页条数须为整数'), z.gte(1, '每页至少 1 条'), z.lte(50, '每页最多 50 条')),
    20,
  ),
}
