import * as z from 'zod/mini'
import { expectedVersionField } from '../user/user.schemas'
import { fieldError } from '../validation/fields'
import { ORG_UNIT_KINDS } from './org'

const unitId = (label: string) =>
  z.string({ error: fieldError(label, '选择') }).check(z.minLength(1, `请选择${label}`), z.maxLength(64))
const unitName = z
  .string({ error: fieldError('名称') })
  .check(z.trim(), z.minLength(2, '名称至少 2 个字'), z.maxLength(30, '名称不能超过 30 个字'))

/** The places a resident can choose as what a report concerns (社区/小区/生产队, by 办事处). */
export const listAreasInput = z.object({ action: z.literal('listAreas') })

export const orgTreeInput = z.object({ action: z.literal('tree') })

export const createUnitInput = z.object({
  action: z.literal('create'),
  name: unitName,
  kind: z.enum(ORG_UNIT_KINDS, {
    error: (issue) => (issue.input === undefined ? '请选择组织类型' : '组织类型不正确'),
  }),
  parentId: z.nullable(unitId('上级组织')),
})

export const renameUnitInput = z.object({
  action: z.literal('rename'),
  id: unitId('组织'),
  name: unitName,
  expectedVersion: expectedVersionField,
})

export const moveUnitInput = z.object({
  action: z.literal('move'),
  id: unitId('组织'),
  parentId: unitId('新的上级组织'),
  expectedVersion: expectedVersionField,
})

export const deactivateUnitInput = z.object({
  action: z.literal('deactivate'),
  id: unitId('组织'),
  expectedVersion: expectedVersionField,
})

/** Undoes deactivate: the unit is in use again (its parent must be active). */
export const reactivateUnitInput = z.object({
  action: z.literal('reactivate'),
  id: unitId('组织'),
  expectedVersion: expectedVersionField,
})
