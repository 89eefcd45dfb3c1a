import * as z from 'zod/mini'
import { areaChoiceSchema, orgUnitSchema } from '../org/org'
import {
  createUnitInput,
  deactivateUnitInput,
  listAreasInput,
  moveUnitInput,
  orgTreeInput,
  reactivateUnitInput,
  renameUnitInput,
} from '../org/org.schemas'
import type { ActionSpec } from './action-spec'

/** 组织: the area picker, the org tree and its management. */
export const ORGS_ACTIONS = {
  listAreas: { permission: 'org.listAreas', input: listAreasInput, output: z.array(areaChoiceSchema) },
  tree: { permission: 'org.view', input: orgTreeInput, output: z.array(orgUnitSchema) },
  create: { permission: 'org.manage', input: createUnitInput, output: orgUnitSchema },
  rename: { permission: 'org.manage', input: renameUnitInput, output: orgUnitSchema },
  move: { permission: 'org.manage', input: moveUnitInput, output: orgUnitSchema },
  deactivate: { permission: 'org.manage', input: deactivateUnitInput, output: orgUnitSchema },
  reactivate: { permission: 'org.manage', input: reactivateUnitInput, output: orgUnitSchema },
} as const satisfies Record<string, ActionSpec>
