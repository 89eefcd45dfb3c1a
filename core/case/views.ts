import { maskName, maskPhone } from '../privacy/mask'
import type { RecordScope } from '../permissions'
import type { Actor } from '../roles'
import type {
  Assignment,
  Case,
  CaseLocation,
  CaseStatus,
  Category,
  ClosureRequest,
  EventActor,
  Rating,
  Reporter,
  TimelineEvent,
  Urgency,
} from './case'

/** What the people who follow a case as their own see of it. */
export interface ReporterCaseView {
  id: string
  number: string
  category: Category
  urgency: Urgency
  description: string
  photos: string[]
  location: CaseLocation | null
  areaUnitId: string
  reporter: Omit<Reporter, 'openid'>
  status: CaseStatus
  createdAt: number
  updatedAt: number
  version: number
  /** The 解决标准 the case is held to and its 完成时限, once assigned. */
  standard: string | null
  deadline: number | null
  onTheSpot: boolean
  mergedInto: { id: string; number: string } | null
  /** Whether the reporter may rate now (closed and not yet rated). */
  awaitingRating: boolean
  ratings: Array<Pick<Rating, 'solved' | 'satisfaction' | 'comment' | 'at' | 'byCall' | 'byDefault'>>
  timeline: Array<Omit<TimelineEvent, 'by' | 'visibleToReporter' | 'data'> & { byRole: TimelineEvent['by']['role'] }>
}

export interface CaseListItem {
  id: string
  number: string
  category: Category
  urgency: Urgency
  summary: string
  status: CaseStatus
  createdAt: number
  updatedAt: number
  photoCount: number
}

export const SUMMARY_LENGTH = 60

/** Someone who follows a case only because theirs was merged into it sees no one else's details. */
const OTHER_REPORTER = '其他群众'

export function toReporterView(doc: Case, ownReport = true): ReporterCaseView {
  const { openid: _ignored, ...own } = doc.reporter
  const reporter = ownReport ? own : { ...own, name: OTHER_REPORTER, phone: '' }
  return {
    id: doc._id,
    number: doc.number,
    category: doc.category,
    urgency: doc.urgency,
    description: doc.description,
    photos: doc.photos,
    location: doc.location,
    areaUnitId: doc.areaUnitId,
    reporter,
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    standard: doc.assignment?.standard ?? null,
    deadline: doc.assignment?.deadline ?? null,
    onTheSpot: doc.onTheSpot,
    mergedInto: doc.mergedInto,
    awaitingRating: doc.awaitingRating,
    ratings: doc.ratings.map(({ solved, satisfaction, comment, at, byCall, byDefault }) => ({
      solved,
      satisfaction,
      comment,
      at,
      byCall,
      byDefault,
    })),
    // Internal notes stay internal, and residents are not told which official did what.
    timeline: doc.timeline
      .filter((event) => event.visibleToReporter)
      .map(({ by, visibleToReporter: _visible, data: _data, ...event }) => ({ ...event, byRole: by.role })),
  }
}

export function toListItem(doc: Case): CaseListItem {
  return {
    id: doc._id,
    number: doc.number,
    category: doc.category,
    urgency: doc.urgency,
    summary: Array.from(doc.description).slice(0, SUMMARY_LENGTH).join(''),
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    photoCount: doc.photos.length,
  }
}

/** What a case is, for permission questions. */
export function caseScope(
  doc: Pick<Case, 'followerOpenids' | 'scopeUnitIds' | 'assignment' | 'handledBy'>,
): RecordScope {
  return {
    ownerOpenids: doc.followerOpenids,
    unitIds: doc.scopeUnitIds,
    handlerOpenid: doc.assignment?.handlerOpenid ?? null,
    handledBy: doc.handledBy,
  }
}

/** What the officials responsible for a case see: everything, including internal events. */
export interface StaffCaseView extends Omit<ReporterCaseView, 'timeline' | 'reporter'> {
  reporter: Omit<Reporter, 'openid'>
  createdBy: EventActor
  source: Case['source']
  assignment: Assignment | null
  handledBy: string[]
  pendingExtension: Case['pendingExtension']
  closureRequest: ClosureRequest | null
  scopeUnitIds: string[]
  needsCallback: boolean
  timeline: TimelineEvent[]
}

export const ANONYMOUS_NAME = '匿名群众'

const ANONYMOUS_ACTOR: EventActor = { openid: '', role: 'resident', name: ANONYMOUS_NAME }

export function toStaffView(doc: Case, hideReporter = false): StaffCaseView {
  const { openid: _ignored, ...reporter } = doc.reporter
  // 匿名 hides the reporter from the handler (DESIGN.md §4) — name, phone, and who submitted or
  // rated — while supervisors still see who it is.
  const hide = (by: EventActor): EventActor => (hideReporter && by.role === 'resident' ? ANONYMOUS_ACTOR : by)
  return {
    ...toReporterView(doc),
    reporter: hideReporter ? { ...reporter, name: ANONYMOUS_NAME, phone: '' } : reporter,
    createdBy: hide(doc.createdBy),
    source: doc.source,
    assignment: doc.assignment,
    handledBy: doc.handledBy,
    pendingExtension: doc.pendingExtension,
    closureRequest: doc.closureRequest,
    scopeUnitIds: doc.scopeUnitIds,
    needsCallback: doc.needsCallback,
    timeline: hideReporter ? doc.timeline.map((event) => ({ ...event, by: hide(event.by) })) : doc.timeline,
  }
}

/**
 * The view of a case its viewer is entitled to: their own (the reporter's view), or the
 * officials' — with the reporter hidden from a handler who only sees it as handler when 匿名.
 */
export function viewCaseFor(actor: Actor, doc: Case): ReporterCaseView | StaffCaseView {
  if (doc.followerOpenids.includes(actor.openid)) {
    const ownReport = doc.createdBy.openid === actor.openid || doc.reporter.openid === actor.openid
    return toReporterView(doc, ownReport)
  }
  const scope = caseScope(doc)
  const asSupervisor =
    actor.role === 'admin' ||
    (actor.unitId !== null && scope.unitIds.includes(actor.unitId) && actor.role === 'supervisor')
  return toStaffView(doc, doc.reporter.anonymous && !asSupervisor)
}

/** A row of the officials' case lists: the reporter's name and phone masked, as lists are glanced at. */
export interface StaffCaseListItem extends CaseListItem {
  areaUnitId: string
  reporterName: string
  reporterPhone: string
  anonymous: boolean
  onTheSpot: boolean
  handlerName: string | null
  acknowledgeBy: number | null
  deadline: number | null
  hasPendingExtension: boolean
}

export function toStaffListItem(doc: Case, hideReporter = false): StaffCaseListItem {
  return {
    ...toListItem(doc),
    areaUnitId: doc.areaUnitId,
    reporterName: hideReporter ? ANONYMOUS_NAME : maskName(doc.reporter.name),
    reporterPhone: hideReporter ? '' : maskPhone(doc.reporter.phone),
    anonymous: doc.reporter.anonymous,
    onTheSpot: doc.onTheSpot,
    handlerName: doc.assignment?.handlerName ?? null,
    acknowledgeBy: doc.assignment?.acknowledgeBy ?? null,
    deadline: doc.assignment?.deadline ?? null,
    hasPendingExtension: doc.pendingExtension !== null,
  }
}
