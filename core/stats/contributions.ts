import { CATEGORIES, type Case, type CaseStatus, type Rating, type TimelineEvent } from '../case/case'
import type { Checkin } from '../fieldwork/fieldwork'
import { isUnitVisit, type Visit } from '../fieldwork/visit'

/**
 * What one record adds to the figures (DESIGN.md §8): each contribution counts something at one
 * moment for a list of subjects — org units (a unit and its ancestors) and people (`personKey`).
 * The rollups are the sum of every record's contributions; a write changes them by
 * contributions(after) − contributions(before), so no action has its own counting rule, and the
 * drill-down lists ask the same question of each record.
 */
export interface Contribution {
  subjects: readonly string[]
  at: number
  counts: Partial<Record<Counter, number>>
}

/** The case buckets, by the case's area and submission date. */
type Bucket = 'submitted' | 'pending' | 'working' | 'closed' | 'onTheSpot' | 'declined' | 'merged' | 'raisedOnVisit'

/** A bucket of one category (byCategory). */
type CategoryCounter = `cat:${(typeof CATEGORIES)[number]}:${Bucket}`

type EventCounter =
  // 派单 (and 改派), by the responsible unit and the handler, on the day of the assignment;
  | 'assigned'
  // of those, 签收 no later than the limit.
  | 'ackOnTime'
  // 销号, on the day of the closure, by who did the work (the responsible unit, or the area for 立行立改).
  | 'closures'
  // Real answers (the reporter, or a 回访 call), on the day of the answer, attributed like the closure;
  | 'rated'
  | 'ratedSolved'
  | 'ratedSatisfied'
  // 默认满意, apart.
  | 'defaultRated'

type FieldworkCounter =
  | 'signIns'
  // 下沉时长 in hundredths of an hour: integers add up exactly, so a rebuild finds no difference.
  | 'hundredthHours'
  | 'visits'
  | 'doorsKnocked'
  | 'unitVisits'
  | 'peopleMet'
  | 'opinions'

export type Counter = Bucket | CategoryCounter | EventCounter | FieldworkCounter

/** A person's figures are rolled up under this subject, beside the units'. */
export function personKey(openid: string): string {
  return `person:${openid}`
}

const WORKING: readonly CaseStatus[] = ['assigned', 'in_progress', 'pending_closure']

/** The status bucket a case is counted in now. */
function statusBucket(doc: Pick<Case, 'status'>): Bucket {
  if (doc.status === 'submitted') return 'pending'
  if (WORKING.includes(doc.status)) return 'working'
  return doc.status as 'closed' | 'declined' | 'merged'
}

function bucketCounts(doc: Case): Partial<Record<Counter, number>> {
  const buckets: Bucket[] = ['submitted', statusBucket(doc)]
  if (doc.status === 'closed' && doc.onTheSpot) buckets.push('onTheSpot')
  if (doc.source === 'visit') buckets.push('raisedOnVisit')
  const counts: Partial<Record<Counter, number>> = {}
  for (const bucket of buckets) {
    counts[bucket] = 1
    counts[`cat:${doc.category}:${bucket}`] = 1
  }
  return counts
}

/** Who an assignment makes responsible, as the timeline recorded it. */
interface Responsible {
  unitPath: string[]
  handler: string
  assignedAt: number
  acknowledgeBy: number | null
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null
}

/**
 * The responsibility an assignment event starts: its data names the responsible unit's path and the
 * 签收 limit; an event recorded before they were kept falls back on the case's current assignment
 * (or, lacking even that, on the unit alone).
 */
function responsibleFrom(event: TimelineEvent, doc: Case, previous: Responsible | null): Responsible | null {
  const data = event.data ?? {}
  const handler = typeof data.handler === 'string' ? data.handler : previous?.handler
  if (!handler) return previous
  const unitId = typeof data.responsibleUnitId === 'string' ? data.responsibleUnitId : null
  const current = doc.assignment
  const unitPath =
    stringArray(data.responsibleUnitPath) ??
    (current && unitId === current.responsibleUnitId ? doc.responsibleUnitPath : null) ??
    (unitId ? [unitId] : (previous?.unitPath ?? []))
  const acknowledgeBy =
    typeof data.acknowledgeBy === 'number'
      ? data.acknowledgeBy
      : current && current.handlerOpenid === handler && current.assignedAt === event.at
        ? current.acknowledgeBy
        : null
  return { unitPath, handler, assignedAt: event.at, acknowledgeBy }
}

/** The events that (re)start an assignment. */
const ASSIGNING_EVENTS = new Set(['assign', 'reassign'])
const RATING_EVENTS = new Set(['rate', 'rateByCall', 'rateByDefault'])

function ratingCounts(rating: Rating): Partial<Record<Counter, number>> {
  if (rating.byDefault) return { defaultRated: 1 }
  return {
    rated: 1,
    ...(rating.solved === 'solved' ? { ratedSolved: 1 } : {}),
    ...(rating.satisfaction !== 'dissatisfied' ? { ratedSatisfied: 1 } : {}),
  }
}

function isRating(value: unknown): value is Rating {
  return typeof value === 'object' && value !== null && 'satisfaction' in value && 'solved' in value
}

/** Everything one case adds to the figures, read from its current state and its timeline. */
export function caseContributions(doc: Case): Contribution[] {
  // An official who raised the case (on a visit, or 立行立改) finds it among his own problems found.
  const raisedBy = doc.createdBy.role === 'resident' ? [] : [personKey(doc.createdBy.openid)]
  const contributions: Contribution[] = [
    { subjects: [...doc.areaUnitPath, ...raisedBy], at: doc.createdAt, counts: bucketCounts(doc) },
  ]
  let responsible: Responsible | null = null
  // Who a closure (and the ratings of it) is credited to.
  let closedBy: string[] = []
  const onTheSpotBy = doc.onTheSpot ? [personKey(doc.createdBy.openid)] : []
  for (const event of doc.timeline) {
    if (ASSIGNING_EVENTS.has(event.type)) {
      responsible = responsibleFrom(event, doc, responsible)
      if (!responsible) continue
      const subjects = [...responsible.unitPath, personKey(responsible.handler)]
      contributions.push({ subjects, at: event.at, counts: { assigned: 1 } })
    } else if (event.type === 'acknowledge' && responsible) {
      if (responsible.acknowledgeBy !== null && event.at <= responsible.acknowledgeBy) {
        const subjects = [...responsible.unitPath, personKey(responsible.handler)]
        contributions.push({ subjects, at: responsible.assignedAt, counts: { ackOnTime: 1 } })
      }
    } else if (event.type === 'sendBack') {
      responsible = null
    } else if (event.type === 'approveClosure') {
      closedBy = responsible
        ? [...responsible.unitPath, personKey(responsible.handler)]
        : [...doc.areaUnitPath, ...onTheSpotBy]
      contributions.push({ subjects: closedBy, at: event.at, counts: { closures: 1 } })
    } else if (RATING_EVENTS.has(event.type) && isRating(event.data?.rating)) {
      contributions.push({ subjects: closedBy, at: event.at, counts: ratingCounts(event.data.rating) })
    }
  }
  return contributions
}

/** A visit's figures: for its area and its visitor, on the day of the visit. */
function visitContributions(visit: Visit): Contribution[] {
  return [
    {
      subjects: [...visit.unitPath, personKey(visit.openid)],
      at: visit.at,
      counts: {
        visits: 1,
        ...(visit.kind === '敲门入户' ? { doorsKnocked: 1 } : {}),
        ...(isUnitVisit(visit.kind) ? { unitVisits: 1 } : {}),
        peopleMet: visit.headcount,
        opinions: visit.opinions.length,
      },
    },
  ]
}

/** A sign-in's figures: 下沉人次 on the day it began, and its hours once it ended. */
function checkinContributions(checkin: Checkin): Contribution[] {
  return [
    {
      subjects: [...checkin.unitPath, personKey(checkin.openid)],
      at: checkin.signedInAt,
      counts: {
        signIns: 1,
        ...(checkin.hours !== null ? { hundredthHours: Math.round(checkin.hours * 100) } : {}),
      },
    },
  ]
}

/** The collections whose records add to the figures, and how. */
export const CONTRIBUTING = {
  cases: caseContributions,
  visits: visitContributions,
  checkins: checkinContributions,
} as const satisfies Record<string, (record: never) => Contribution[]>
export type ContributingCollection = keyof typeof CONTRIBUTING
