import type { Case, CaseLocation, CaseStatus, Category, Reporter, TimelineEvent, Urgency } from './case'

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
