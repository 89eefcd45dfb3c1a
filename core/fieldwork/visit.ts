import * as z from 'zod/mini'
import { viewRule, type ViewRule } from '../privacy/view-rule'
import type { Actor } from '../roles'
import { chinaTime } from '../time'
import { caseLocationSchema } from '../case/view-schemas'
import type { Checkin } from './fieldwork'
import type { CaseLocation } from '../case/case'

export const VISIT_KINDS = ['敲门入户', '走访企业', '联系点座谈', '其他'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]

export const VULNERABILITY_TAGS = [
  '独居老人',
  '残障人员',
  '特困人员',
  '农村监测户',
  '孤儿',
  '事实无人抚养儿童',
  '留守儿童',
] as const
export type VulnerabilityTag = (typeof VULNERABILITY_TAGS)[number]

/** Visits that count as 走访单位 in the briefings' figures. */
const UNIT_VISIT_KINDS: readonly VisitKind[] = ['走访企业', '联系点座谈']

export function isUnitVisit(kind: VisitKind): boolean {
  return UNIT_VISIT_KINDS.includes(kind)
}

export const visitSchema = z.strictObject({
  _id: z.string(),
  openid: z.string(),
  visitorName: z.string(),
  kind: z.enum(VISIT_KINDS),
  at: z.number(),
  durationMinutes: z.number(),
  areaUnitId: z.string(),
  unitPath: z.array(z.string()),
  contactPointId: z.nullable(z.string()),
  householdId: z.nullable(z.string()),
  household: z.nullable(
    z.strictObject({ name: z.string(), address: z.string(), tags: z.array(z.enum(VULNERABILITY_TAGS)) }),
  ),
  enterpriseName: z.nullable(z.string()),
  /** People met: 1 for a door, the headcount of a meeting (人次). */
  headcount: z.number(),
  /** 民情: what was heard, one short text each. */
  opinions: z.array(z.string()),
  photos: z.array(z.string()),
  location: z.nullable(caseLocationSchema),
  raisedCaseIds: z.array(z.string()),
  /** The cases raised, by id and number, so the page can name and open them. */
  raisedCases: z.array(z.strictObject({ id: z.string(), number: z.string() })),
  createdAt: z.number(),
  version: z.number(),
})
export type Visit = z.infer<typeof visitSchema>

/**
 * Where a case raised on a visit is: the visit's place, with the visit's address or, on a
 * door-knock that gave none, the household's.
 */
export function raisedCaseLocation(visit: {
  location?: CaseLocation | undefined
  household?: { address: string } | undefined
}): CaseLocation | undefined {
  const address = visit.location?.address || visit.household?.address
  if (!visit.location && !address) return undefined
  return { ...visit.location, ...(address ? { address } : {}) }
}

/** 民情台账: a household visited, with its tags; its visits are found by householdId. */
const householdSchema = z.strictObject({
  _id: z.string(),
  name: z.string(),
  address: z.string(),
  areaUnitId: z.string(),
  unitPath: z.array(z.string()),
  tags: z.array(z.enum(VULNERABILITY_TAGS)),
  tagged: z.boolean(),
  lastVisitedAt: z.number(),
  /** The officials who have knocked on this door: they see the name in full, others masked. */
  visitorOpenids: z.array(z.string()),
  version: z.number(),
})
export type Household = z.infer<typeof householdSchema>

/** A row of the 民情台账: a household as its viewer may see it, with its visits (newest first). */
export const ledgerRowSchema = z.strictObject({
  ...householdSchema.shape,
  visits: z.array(
    z.strictObject({ at: z.number(), visitorName: z.string(), opinions: z.array(z.string()), casesRaised: z.number() }),
  ),
})

/** One visit of a household, as the 民情台账's history of that door shows it (newest first). */
export const householdVisitSchema = z.strictObject({
  id: z.string(),
  at: z.number(),
  kind: z.enum(VISIT_KINDS),
  durationMinutes: z.number(),
  visitorName: z.string(),
  /** What was heard, under the household's view rule. */
  opinions: z.array(z.string()),
  raisedCases: visitSchema.shape.raisedCases,
})
export type HouseholdVisit = z.infer<typeof householdVisitSchema>

/** A visit as `rule` (the household's, see householdRule) lets its viewer see it. */
export function toHouseholdVisit(visit: Visit, rule: ViewRule): HouseholdVisit {
  return {
    id: visit._id,
    at: visit.at,
    kind: visit.kind,
    durationMinutes: visit.durationMinutes,
    visitorName: visit.visitorName,
    opinions: visit.opinions.map(rule.text),
    raisedCases: visit.raisedCases,
  }
}

/**
 * The view rule of a household and what was heard there: in full for the officials who knocked on
 * its door, and admins; for other officials of the area the name, the door number and any phone or
 * ID number are masked (DESIGN.md §4).
 */
export function householdRule(household: Pick<Household, 'name' | 'visitorOpenids'>, viewer: Actor): ViewRule {
  const visited = viewer.role === 'admin' || household.visitorOpenids.includes(viewer.openid)
  return viewRule(visited ? 'full' : 'other', [household.name])
}

/** A household as `viewer` may see it. */
export function householdFor<T extends Household>(household: T, viewer: Actor): T {
  const rule = householdRule(household, viewer)
  return { ...household, name: rule.name(household.name), address: rule.address(household.address) }
}

/** The UTC+8 calendar month containing `now`, as [start, end). */
export function chinaMonth(now: number): { start: number; end: number; label: string } {
  const start = chinaTime(now).startOf('month')
  return { start: start.valueOf(), end: start.add(1, 'month').valueOf(), label: start.format('YYYY年M月') }
}

export const monthFiguresSchema = z.strictObject({
  signIns: z.number(),
  hours: z.number(),
  visits: z.number(),
  /** 敲门入户 (户次). */
  doorsKnocked: z.number(),
  /** 走访单位个次: enterprises and contact-point meetings. */
  unitVisits: z.number(),
  peopleMet: z.number(),
  opinions: z.number(),
  casesRaised: z.number(),
  casesClosed: z.number(),
})
export type MonthFigures = z.infer<typeof monthFiguresSchema>

/** 我的工作: the month's figures, counted from the records themselves, never self-reported. */
export function monthFigures(input: {
  checkins: readonly Pick<Checkin, 'hours'>[]
  visits: readonly Pick<Visit, 'headcount' | 'opinions' | 'kind'>[]
  casesRaised: number
  casesClosed: number
}): MonthFigures {
  return {
    signIns: input.checkins.length,
    hours: Math.round(input.checkins.reduce((sum, checkin) => sum + (checkin.hours ?? 0), 0) * 100) / 100,
    visits: input.visits.length,
    doorsKnocked: input.visits.filter((visit) => visit.kind === '敲门入户').length,
    unitVisits: input.visits.filter((visit) => isUnitVisit(visit.kind)).length,
    peopleMet: input.visits.reduce((sum, visit) => sum + visit.headcount, 0),
    opinions: input.visits.reduce((sum, visit) => sum + visit.opinions.length, 0),
    casesRaised: input.casesRaised,
    casesClosed: input.casesClosed,
  }
}
