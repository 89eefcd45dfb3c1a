import { viewRule, type ViewRule } from '../privacy/view-rule'
import type { Actor } from '../roles'
import { chinaTime } from '../time'
import type { CaseLocation } from '../case/case'
import type { Checkin } from './fieldwork'

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
export const UNIT_VISIT_KINDS: readonly VisitKind[] = ['走访企业', '联系点座谈']

export interface Visit {
  _id: string
  openid: string
  visitorName: string
  kind: VisitKind
  at: number
  durationMinutes: number
  areaUnitId: string
  unitPath: string[]
  contactPointId: string | null
  householdId: string | null
  household: { name: string; address: string; tags: VulnerabilityTag[] } | null
  enterpriseName: string | null
  /** People met: 1 for a door, the headcount of a meeting (人次). */
  headcount: number
  /** 民情: what was heard, one short text each. */
  opinions: string[]
  photos: string[]
  location: CaseLocation | null
  raisedCaseIds: string[]
  createdAt: number
  version: number
}

/** 民情台账: a household visited, with its tags; its visits are found by householdId. */
export interface Household {
  _id: string
  name: string
  address: string
  areaUnitId: string
  unitPath: string[]
  tags: VulnerabilityTag[]
  tagged: boolean
  lastVisitedAt: number
  /** The officials who have knocked on this door: they see the name in full, others masked. */
  visitorOpenids: string[]
  version: number
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

export interface MonthFigures {
  signIns: number
  hours: number
  visits: number
  /** 敲门入户 (户次). */
  doorsKnocked: number
  /** 走访单位个次: enterprises and contact-point meetings. */
  unitVisits: number
  peopleMet: number
  opinions: number
  casesRaised: number
  casesClosed: number
}

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
    unitVisits: input.visits.filter((visit) => UNIT_VISIT_KINDS.includes(visit.kind)).length,
    peopleMet: input.visits.reduce((sum, visit) => sum + visit.headcount, 0),
    opinions: input.visits.reduce((sum, visit) => sum + visit.opinions.length, 0),
    casesRaised: input.casesRaised,
    casesClosed: input.casesClosed,
  }
}
