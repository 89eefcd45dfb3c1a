import { may } from '../permissions'
import { viewRule, type Disclosure, type ViewRule } from '../privacy/view-rule'
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
import { availableActions, type CaseAction } from './lifecycle'
import { isOverdue } from './overdue'
import { caseScope } from './scope'

/**
 * What leaves the server of a case, for whom. Every view is built here and every text in it passes
 * the one view rule (privacy/view-rule.ts) at the level this viewer stands at.
 */

/** How a person stands to a case; null when they may not see it at all. */
export type CaseAccess = 'staff' | 'own' | 'other'

/** The reporter, or whoever typed the report in for them (a resident for a family member). */
function isOwnReport(actor: Pick<Actor, 'openid'>, doc: Case): boolean {
  return doc.reporter.openid === actor.openid || doc.createdBy.openid === actor.openid
}

/**
 * The staff view wins over the creator's and the follower's: an official who works the case (its
 * handler, a supervisor of its units, an admin), typed it in, or is to make its 回访 call sees it
 * as staff. Following a case (a merged report) gives only the other view, whoever you are.
 */
export function caseAccess(actor: Actor, doc: Case): CaseAccess | null {
  if (actor.role !== 'resident') {
    const scope = caseScope(doc)
    const byGrant = may(actor, 'case.view', { ...scope, ownerOpenids: [] })
    const forCallback = doc.needsCallback && may(actor, 'case.rateByCall', scope)
    if (byGrant || forCallback || doc.createdBy.openid === actor.openid) return 'staff'
  }
  if (isOwnReport(actor, doc)) return 'own'
  if (doc.followerOpenids.includes(actor.openid)) return 'other'
  return null
}

/** The names a case's texts may hold: its reporter's, and the family member's who reported for them. */
function namesOf(doc: Case): string[] {
  return doc.createdBy.role === 'resident' ? [doc.reporter.name, doc.createdBy.name] : [doc.reporter.name]
}

/** 匿名 hides the reporter from everyone who has handled the case. */
function reporterHiddenFrom(actor: Pick<Actor, 'openid'>, doc: Case): boolean {
  return doc.reporter.anonymous && doc.handledBy.includes(actor.openid)
}

function staffDisclosure(actor: Actor, doc: Case): Disclosure {
  return reporterHiddenFrom(actor, doc) ? 'anonymousHandler' : 'full'
}

/** The rule for this viewer of this case (also for list rows). */
export function caseRuleFor(actor: Actor, doc: Case, access: CaseAccess): ViewRule {
  const level: Disclosure = access === 'staff' ? staffDisclosure(actor, doc) : access === 'own' ? 'full' : 'other'
  return viewRule(level, namesOf(doc))
}

export type PublicRating = Pick<Rating, 'solved' | 'satisfaction' | 'comment' | 'at' | 'byCall' | 'byDefault'>
export type ReporterInfo = Omit<Reporter, 'openid'>

interface CaseViewBase {
  id: string
  number: string
  category: Category
  urgency: Urgency
  description: string
  photos: string[]
  location: CaseLocation | null
  areaUnitId: string
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
  ratings: PublicRating[]
  /**
   * A short-lived URL for each photo in this view (photos, attachments of the events shown,
   * evidence), filled in by the server once it decided what the viewer sees.
   */
  photoUrls: Record<string, string>
}

/** What the people who follow a case see: their own report (`reporter`) or one merged with theirs (`other`). */
export interface ReporterCaseView extends CaseViewBase {
  kind: 'reporter' | 'other'
  reporter: ReporterInfo
  /** What this person may do now (to rate, once closed), as the lifecycle and permission tables say. */
  availableActions: CaseAction[]
  timeline: Array<Omit<TimelineEvent, 'by' | 'visibleToReporter' | 'data'> & { byRole: TimelineEvent['by']['role'] }>
}

export type StaffEvent = Omit<TimelineEvent, 'data'>

/** What the officials who work a case see, with what this official may do on it now. */
export interface StaffCaseView extends CaseViewBase {
  kind: 'staff'
  reporter: ReporterInfo
  createdBy: EventActor
  source: Case['source']
  assignment: Assignment | null
  handledBy: string[]
  pendingExtension: Case['pendingExtension']
  closureRequest: ClosureRequest | null
  scopeUnitIds: string[]
  needsCallback: boolean
  /** Decided by the server's clock and the one overdue rule. */
  overdue: boolean
  /** Decided by the lifecycle and permission tables: the page builds its buttons from this. */
  availableActions: CaseAction[]
  timeline: StaffEvent[]
}

export type CaseView = ReporterCaseView | StaffCaseView

/** Someone who follows a case only because theirs was merged into it sees no one else's details. */
const OTHER_REPORTER = '其他群众'
export const ANONYMOUS_NAME = '匿名群众'
const ANONYMOUS_ACTOR: EventActor = { openid: '', role: 'resident', name: ANONYMOUS_NAME }

function baseView(doc: Case, rule: ViewRule): CaseViewBase {
  return {
    id: doc._id,
    number: doc.number,
    category: doc.category,
    urgency: doc.urgency,
    description: rule.text(doc.description),
    photos: doc.photos,
    location: doc.location && {
      ...doc.location,
      ...(doc.location.address !== undefined ? { address: rule.address(doc.location.address) } : {}),
    },
    areaUnitId: doc.areaUnitId,
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    standard: doc.assignment ? rule.text(doc.assignment.standard) : null,
    deadline: doc.assignment?.deadline ?? null,
    onTheSpot: doc.onTheSpot,
    mergedInto: doc.mergedInto,
    awaitingRating: doc.awaitingRating,
    ratings: doc.ratings.map(({ solved, satisfaction, comment, at, byCall, byDefault }) => ({
      solved,
      satisfaction,
      comment: rule.text(comment),
      at,
      byCall,
      byDefault,
    })),
    photoUrls: {},
  }
}

function reporterView(actor: Actor, doc: Case, access: 'own' | 'other', rule: ViewRule, now: number): ReporterCaseView {
  const { openid: _ignored, ...own } = doc.reporter
  return {
    ...baseView(doc, rule),
    kind: access === 'own' ? 'reporter' : 'other',
    availableActions: availableActions(actor, doc, now),
    reporter: access === 'own' ? own : { ...own, name: OTHER_REPORTER, phone: '' },
    // Internal notes stay internal, and residents are not told which official did what.
    timeline: doc.timeline
      .filter((event) => event.visibleToReporter)
      .map(({ by, visibleToReporter: _visible, data: _data, note, ...event }) => ({
        ...event,
        note: rule.text(note),
        byRole: by.role,
      })),
  }
}

function staffView(actor: Actor, doc: Case, rule: ViewRule, now: number): StaffCaseView {
  const { openid: _ignored, ...reporter } = doc.reporter
  const hidden = reporterHiddenFrom(actor, doc)
  // 匿名: the handler learns neither who reported nor who, as a resident, submitted or rated.
  const by = (actor: EventActor): EventActor => (hidden && actor.role === 'resident' ? ANONYMOUS_ACTOR : actor)
  return {
    ...baseView(doc, rule),
    kind: 'staff',
    reporter: hidden ? { ...reporter, name: ANONYMOUS_NAME, phone: '' } : reporter,
    createdBy: by(doc.createdBy),
    source: doc.source,
    assignment: doc.assignment && { ...doc.assignment, standard: rule.text(doc.assignment.standard) },
    handledBy: doc.handledBy,
    pendingExtension: doc.pendingExtension && {
      ...doc.pendingExtension,
      reason: rule.text(doc.pendingExtension.reason),
    },
    closureRequest: doc.closureRequest && {
      ...doc.closureRequest,
      note: rule.text(doc.closureRequest.note),
      standardMet: rule.text(doc.closureRequest.standardMet),
    },
    scopeUnitIds: doc.scopeUnitIds,
    needsCallback: doc.needsCallback,
    overdue: isOverdue(doc, now),
    availableActions: availableActions(actor, doc, now),
    timeline: doc.timeline.map(({ data: _data, ...event }) => ({
      ...event,
      by: by(event.by),
      note: rule.text(event.note),
    })),
  }
}

/** The view of a case this person is entitled to, or null when they may not see it. */
export function viewCaseFor(actor: Actor, doc: Case, now: number): CaseView | null {
  const access = caseAccess(actor, doc)
  if (!access) return null
  const rule = caseRuleFor(actor, doc, access)
  return access === 'staff' ? staffView(actor, doc, rule, now) : reporterView(actor, doc, access, rule, now)
}

/** A row of a resident's own list (我的诉求). */
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
  awaitingRating: boolean
}

export const SUMMARY_LENGTH = 60

/** The start of a description, masked before it is cut (a cut must not leave half a phone number). */
function summaryOf(doc: Case, rule: ViewRule): string {
  return Array.from(rule.text(doc.description)).slice(0, SUMMARY_LENGTH).join('')
}

function listItemBase(doc: Case, rule: ViewRule): Omit<CaseListItem, 'awaitingRating'> {
  return {
    id: doc._id,
    number: doc.number,
    category: doc.category,
    urgency: doc.urgency,
    summary: summaryOf(doc, rule),
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    photoCount: doc.photos.length,
  }
}

export function toListItem(actor: Actor, doc: Case): CaseListItem {
  const own = isOwnReport(actor, doc)
  return {
    ...listItemBase(doc, caseRuleFor(actor, doc, own ? 'own' : 'other')),
    awaitingRating: doc.awaitingRating && own,
  }
}

/** A row of the officials' case lists: the reporter's name and phone masked, as lists are glanced at. */
export interface StaffCaseListItem extends Omit<CaseListItem, 'awaitingRating'> {
  areaUnitId: string
  reporterName: string
  reporterPhone: string
  anonymous: boolean
  onTheSpot: boolean
  handlerName: string | null
  acknowledgeBy: number | null
  deadline: number | null
  hasPendingExtension: boolean
  overdue: boolean
}

/** Lists are glanced at, by anyone passing: the reporter's name and phone as for any other viewer. */
const AT_A_GLANCE = viewRule('other', [])

export function toStaffListItem(actor: Actor, doc: Case, now: number): StaffCaseListItem {
  const hidden = reporterHiddenFrom(actor, doc)
  return {
    ...listItemBase(doc, caseRuleFor(actor, doc, 'staff')),
    areaUnitId: doc.areaUnitId,
    reporterName: hidden ? ANONYMOUS_NAME : AT_A_GLANCE.name(doc.reporter.name),
    reporterPhone: hidden ? '' : AT_A_GLANCE.phone(doc.reporter.phone),
    anonymous: doc.reporter.anonymous,
    onTheSpot: doc.onTheSpot,
    handlerName: doc.assignment?.handlerName ?? null,
    acknowledgeBy: doc.assignment?.acknowledgeBy ?? null,
    deadline: doc.assignment?.deadline ?? null,
    hasPendingExtension: doc.pendingExtension !== null,
    overdue: isOverdue(doc, now),
  }
}

/** A row of the 回访 list: the reporter's number in full for whoever may make the call, hidden from the rest. */
export interface CallbackItem extends StaffCaseListItem {
  mayCall: boolean
}

export function toCallbackItem(actor: Actor, doc: Case, now: number): CallbackItem {
  const mayCall = availableActions(actor, doc, now).includes('rateByCall')
  const row = toStaffListItem(actor, doc, now)
  return mayCall
    ? { ...row, reporterName: doc.reporter.name, reporterPhone: doc.reporter.phone, mayCall }
    : { ...row, mayCall }
}

/** What the official who just gave a case away (退单) is answered: it is no longer theirs to see. */
export interface HandedOverView {
  kind: 'handedOver'
  id: string
  number: string
  status: CaseStatus
}

export function handedOver(doc: Case): HandedOverView {
  return { kind: 'handedOver', id: doc._id, number: doc.number, status: doc.status }
}

/** Every stored file a view shows: the only ones its viewer gets URLs for. */
export function viewFileIds(view: CaseView): string[] {
  const ids = [...view.photos, ...view.timeline.flatMap((event) => event.attachments)]
  if (view.kind === 'staff' && view.closureRequest) ids.push(...view.closureRequest.evidence)
  return [...new Set(ids)]
}
