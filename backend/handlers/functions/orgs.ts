import { ORGS_ACTIONS } from '@core/catalogue/orgs'
import type { FunctionUnit } from '../context'
import { createUnit, deactivateUnit, listAreas, moveUnit, orgTree, reactivateUnit, renameUnit } from '../orgs'

/** 组织: each action of core/catalogue/orgs.ts bound to its handler. */
export const ORGS: FunctionUnit<'orgs'> = {
  name: 'orgs',
  actions: ORGS_ACTIONS,
  handlers: {
    listAreas,
    tree: orgTree,
    create: createUnit,
    rename: renameUnit,
    move: moveUnit,
    deactivate: deactivateUnit,
    reactivate: reactivateUnit,
  },
}
