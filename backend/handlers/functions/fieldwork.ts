import { FIELDWORK_ACTIONS } from '@core/catalogue/fieldwork'
import type { FunctionUnit } from '../context'
import { currentCheckin, listCheckinsInScope, listMyCheckins, signIn, signOut } from '../fieldwork/checkins'
import {
  createContactPoint,
  listContactPoints,
  listManagedContactPoints,
  updateContactPoint,
} from '../fieldwork/contact-points'
import { myMonth } from '../fieldwork/figures'
import { listHouseholds, listHouseholdVisits, listNeglectedHouseholds } from '../fieldwork/ledger'
import { listMyVisits, recordVisit } from '../fieldwork/visits'

/** 下沉走访: each action of core/catalogue/fieldwork.ts bound to its handler. */
export const FIELDWORK: FunctionUnit<'fieldwork'> = {
  name: 'fieldwork',
  actions: FIELDWORK_ACTIONS,
  handlers: {
    listContactPoints,
    listManagedContactPoints,
    createContactPoint,
    updateContactPoint,
    signIn,
    signOut,
    currentCheckin,
    recordVisit,
    listMyVisits,
    listHouseholds,
    listHouseholdVisits,
    listNeglectedHouseholds,
    myMonth,
    listMyCheckins,
    listCheckinsInScope,
  },
}
