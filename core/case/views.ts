import { maskName, maskPhone } from '../privacy/mask'
import type { RecordScope } from '../permissions'
import type { Actor } from '../roles'
import type { Case, CaseLocation, CaseStatus, Category, EventActor, Reporter, TimelineEvent, Urgency } from './case'

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
  timeline: Array<Omit<TimelineEvent, 'by' | 'visibleToReporter'> & { byRole: TimelineEvent['by']['role'] }>
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

export function toReporterView(doc: Case): ReporterCaseView {
  const { openid: _ignored, ...reporter } = doc.reporter
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
    // Internal notes stay internal, and residents are not told which official did what.
    timeline: doc.timeline
      .filter((event) => event.visibleToReporter)
      .map(({ by, visibleToReporter: _visible, ...event }) => ({ ...event, byRole: by.role })),
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
export function caseScope(doc: Pick<Case, 'followerOpenids' | 'scopeUnitIds'>): RecordScope {
  return { ownerOpenids: doc.followerOpenids, unitIds: doc.scopeUnitIds }
}

/** What the officials responsible for a case see: everything, including internal events. */
export interface StaffCaseView extends Omit<ReporterCaseView, 'timeline' | 'reporter'> {
  reporter: Omit<Reporter, 'openid'>
  createdBy: EventActor
  source: Case['source']
  timeline: TimelineEvent[]
}

export function toStaffView(doc: Case): StaffCaseView {
  const { openid: _ignored, ...reporter } = doc.reporter
  return { ...toReporterView(doc), reporter, createdBy: doc.createdBy, source: doc.source, timeline: doc.timeline }
}

/** The view of a case its viewer is entitled to: their own, or the officials'. */
export function viewCaseFor(actor: Actor, doc: Case): ReporterCaseView | StaffCaseView {
  return doc.followerOpenids.includes(actor.openid) ? toReporterView(doc) : toStaffView(doc)
}

/** A row of the officials' case lists: the reporter's name and phone masked, as lists are glanced at. */
export interface StaffCaseListItem extends CaseListItem {
  areaUnitId: string
  reporterName: string
  reporterPhone: string
  anonymous: boolean
}

export function toStaffListItem(doc: Case): StaffCaseListItem {
  return {
    ...toListItem(doc),
    areaUnitId: doc.areaUnitId,
    reporterName: maskName(doc.reporter.name),
    reporterPhone: maskPhone(doc.reporter.phone),
    anonymous: doc.reporter.anonymous,
  }
}
