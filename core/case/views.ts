import { may } from '../permissions'
import { viewRule, type Disclosure, type ViewRule } from '../privacy/view-rule'
import type { Actor } from '../roles'
import type { Case, EventActor } from './case'
import { availableActions, reporterReadsNote } from './lifecycle'
import { isOverdue, lateness as latenessOf } from './overdue'
import { deadlineLabel, overdueText, supervisionCount } from './supervision'
import { caseScope, namesKnownTo, reporterHiddenFrom } from './scope'
import type {
  CallbackItem,
  CaseListItem,
  CaseView,
  HandedOverView,
  ReporterCaseView,
  StaffCaseListItem,
  StaffCaseView,
  Lateness,
  SupervisionItem,
} from './view-schemas'

export type {
  CallbackItem,
  CaseListItem,
  CaseView,
  HandedOverView,
  ReporterCaseView,
  StaffCaseListItem,
  StaffCaseView,
  SupervisionItem,
} from './view-schemas'

/**
 * What leaves the server of a case, for whom. Every view is built here and every text in it passes
 * the one view rule (privacy/view-rule.ts) at the level this viewer stands at.
 */

/** How a person stands to a case; null when they may not see it at all. */
export type CaseAccess = 'staff' | 'own' | 'other'

/**
 * The reporter, or the resident who typed the report in for them (a family member). It counts as
 * they were then: an official who typed a case in on a visit did not report it, even once he is a
 * resident again.
 */
function isOwnReport(actor: Pick<Actor, 'openid'>, doc: Case): boolean {
  return (
    doc.reporter.openid === actor.openid || (doc.createdBy.openid === actor.openid && doc.createdBy.role === 'resident')
  )
}

/** An official who typed the case in (on a visit, or a 立行立改), counted as he was then. */
function typedInAsStaff(actor: Pick<Actor, 'openid'>, doc: Case): boolean {
  return doc.createdBy.openid === actor.openid && doc.createdBy.role !== 'resident'
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
    if (byGrant || forCallback || typedInAsStaff(actor, doc)) return 'staff'
  }
  if (isOwnReport(actor, doc)) return 'own'
  if (doc.followerOpenids.includes(actor.openid)) return 'other'
  return null
}

function staffDisclosure(actor: Actor, doc: Case): Disclosure {
  return reporterHiddenFrom(actor.openid, doc) ? 'anonymousHandler' : 'full'
}

/** The rule for this viewer of this case (also for list rows). */
function caseRuleFor(actor: Actor, doc: Case, access: CaseAccess): ViewRule {
  const level: Disclosure = access === 'staff' ? staffDisclosure(actor, doc) : access === 'own' ? 'full' : 'other'
  return viewRule(level, namesKnownTo(doc))
}

/** Someone who follows a case only because theirs was merged into it sees no one else's details. */
const OTHER_REPORTER = '其他群众'
const ANONYMOUS_NAME = '匿名群众'
const ANONYMOUS_ACTOR: EventActor = { openid: '', role: 'resident', name: ANONYMOUS_NAME }

type CaseViewBase = Omit<ReporterCaseView, 'kind' | 'reporter' | 'timeline' | 'availableActions'>

function baseView(doc: Case, rule: ViewRule): CaseViewBase {
  return {
    id: doc._id,
    number: doc.number,
    category: doc.category,
    urgency: doc.urgency,
    description: rule.text(doc.description),
    photos: doc.photos,
    publicListings: [],
    location: doc.location && {
      ...(doc.location.coords && rule.exactPlace ? { coords: doc.location.coords } : {}),
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
        note: reporterReadsNote(event.type) ? rule.text(note) : '',
        byRole: by.role,
      })),
  }
}

/** The names of the units a view mentions, looked up by the handler (the core does no I/O). */
export type UnitNames = ReadonlyMap<string, string>

/** The org units whose names a staff view of this case shows (its 责任单位). */
export function unitsNamedIn(doc: Pick<Case, 'assignment'>): string[] {
  return doc.assignment ? [doc.assignment.responsibleUnitId] : []
}

function staffView(actor: Actor, doc: Case, rule: ViewRule, now: number, names: UnitNames): StaffCaseView {
  const { openid: _ignored, ...reporter } = doc.reporter
  const hidden = reporterHiddenFrom(actor.openid, doc)
  // 匿名: the handler learns neither who reported nor who, as a resident, submitted or rated.
  const by = (actor: EventActor): EventActor => (hidden && actor.role === 'resident' ? ANONYMOUS_ACTOR : actor)
  return {
    ...baseView(doc, rule),
    kind: 'staff',
    reporter: hidden ? { ...reporter, name: ANONYMOUS_NAME, phone: '' } : reporter,
    createdBy: by(doc.createdBy),
    source: doc.source,
    assignment: doc.assignment && {
      ...doc.assignment,
      leadOfficialId: doc.assignment.leadOfficialId ?? null,
      responsibleUnitName: names.get(doc.assignment.responsibleUnitId) ?? null,
      standard: rule.text(doc.assignment.standard),
    },
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
    lateness: latenessView(doc, now),
    supervisionNote: doc.supervisionNote && {
      note: rule.text(doc.supervisionNote.note),
      byName: doc.supervisionNote.byName,
      at: doc.supervisionNote.at,
    },
    pledge: doc.pledge
      ? {
          leaderId: doc.pledge.leaderId,
          leaderName: doc.pledge.leaderName,
          leaderAt: doc.pledge.leaderAt,
          unitId: doc.pledge.unitId,
          unitName: doc.pledge.unitName,
          unitAt: doc.pledge.unitAt,
          markedAt: doc.pledge.markedAt,
        }
      : null,
    availableActions: availableActions(actor, doc, now),
    timeline: doc.timeline.map(({ data: _data, ...event }) => ({
      ...event,
      by: by(event.by),
      note: rule.text(event.note),
    })),
  }
}

/**
 * The view of a case this person is entitled to, or null when they may not see it. `names` holds
 * the names of the units in `unitsNamedIn(doc)`.
 */
export function viewCaseFor(actor: Actor, doc: Case, now: number, names: UnitNames): CaseView | null {
  const access = caseAccess(actor, doc)
  if (!access) return null
  const rule = caseRuleFor(actor, doc, access)
  return access === 'staff' ? staffView(actor, doc, rule, now, names) : reporterView(actor, doc, access, rule, now)
}

const SUMMARY_LENGTH = 60

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

/** Lists are glanced at, by anyone passing: the reporter's name and phone as for any other viewer. */
const AT_A_GLANCE = viewRule('other', [])

export function toStaffListItem(actor: Actor, doc: Case, now: number): StaffCaseListItem {
  const hidden = reporterHiddenFrom(actor.openid, doc)
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
    lateness: latenessView(doc, now),
    supervisionNoteAwaiting: doc.supervisionNote !== null,
  }
}

/** Whose lateness a case is and for how long, as the server's clock says. */
function latenessView(doc: Case, now: number): Lateness | null {
  const late = latenessOf(doc, now)
  return (
    late && {
      party: late.party,
      kind: late.kind,
      label: deadlineLabel(late.kind),
      since: late.at,
      text: overdueText(late.at, now),
    }
  )
}

/** A row of the 督办 list. */
export function toSupervisionItem(actor: Actor, doc: Case, now: number): SupervisionItem {
  return { ...toStaffListItem(actor, doc, now), supervisionCount: supervisionCount(doc) }
}

/**
 * A 回访 row: the caller gets the reporter's name and phone; who works the case sees it as staff;
 * anyone else of the area (a cadre who sent it back) only as any other viewer.
 */
export function toCallbackItem(actor: Actor, doc: Case, now: number): CallbackItem {
  const mayCall = availableActions(actor, doc, now).includes('rateByCall')
  const row = toStaffListItem(actor, doc, now)
  if (mayCall) return { ...row, reporterName: doc.reporter.name, reporterPhone: doc.reporter.phone, mayCall }
  return caseAccess(actor, doc) === 'staff'
    ? { ...row, mayCall }
    : { ...row, summary: summaryOf(doc, caseRuleFor(actor, doc, 'other')), mayCall }
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
