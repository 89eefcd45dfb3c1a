import * as z from 'zod/mini'
import {
  checkinSchema,
  contactPointSchema,
  listedContactPointSchema,
  managedContactPointSchema,
} from '../fieldwork/fieldwork'
import {
  createContactPointInput,
  currentCheckinInput,
  listCheckinsInScopeInput,
  listContactPointsInput,
  listHouseholdsInput,
  listHouseholdVisitsInput,
  listManagedContactPointsInput,
  listMyCheckinsInput,
  listMyVisitsInput,
  listNeglectedHouseholdsInput,
  myMonthInput,
  recordVisitInput,
  signInInput,
  signOutInput,
  updateContactPointInput,
} from '../fieldwork/fieldwork.schemas'
import { householdVisitSchema, ledgerRowSchema, monthFiguresSchema, visitSchema } from '../fieldwork/visit'
import { pageOf } from '../validation/page'
import type { ActionSpec } from './action-spec'

/** 下沉走访: contact points, 签到/签退, visits, the household ledger, 我的工作. */
export const FIELDWORK_ACTIONS = {
  listContactPoints: {
    permission: 'contactPoint.listMine',
    input: listContactPointsInput,
    output: z.array(listedContactPointSchema),
  },
  listManagedContactPoints: {
    permission: 'contactPoint.manage',
    input: listManagedContactPointsInput,
    output: z.array(managedContactPointSchema),
  },
  createContactPoint: {
    permission: 'contactPoint.manage',
    input: createContactPointInput,
    output: contactPointSchema,
  },
  updateContactPoint: {
    permission: 'contactPoint.manage',
    input: updateContactPointInput,
    output: contactPointSchema,
  },
  signIn: { permission: 'checkin.own', input: signInInput, output: checkinSchema },
  signOut: { permission: 'checkin.own', input: signOutInput, output: checkinSchema },
  currentCheckin: { permission: 'checkin.own', input: currentCheckinInput, output: z.nullable(checkinSchema) },
  recordVisit: { permission: 'visit.record', input: recordVisitInput, output: visitSchema },
  listMyVisits: { permission: 'checkin.own', input: listMyVisitsInput, output: pageOf(visitSchema) },
  listHouseholds: { permission: 'household.list', input: listHouseholdsInput, output: pageOf(ledgerRowSchema) },
  listHouseholdVisits: {
    permission: 'household.list',
    input: listHouseholdVisitsInput,
    output: pageOf(householdVisitSchema),
  },
  listNeglectedHouseholds: {
    permission: 'household.list',
    input: listNeglectedHouseholdsInput,
    output: z.strictObject({ ...pageOf(ledgerRowSchema).shape, neglectDays: z.number() }),
  },
  myMonth: {
    permission: 'checkin.own',
    input: myMonthInput,
    output: z.strictObject({ month: z.string(), figures: monthFiguresSchema }),
  },
  listMyCheckins: { permission: 'checkin.own', input: listMyCheckinsInput, output: pageOf(checkinSchema) },
  listCheckinsInScope: {
    permission: 'checkin.viewInScope',
    input: listCheckinsInScopeInput,
    output: pageOf(checkinSchema),
  },
} as const satisfies Record<string, ActionSpec>
