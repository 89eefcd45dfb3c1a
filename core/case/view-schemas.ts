import * as z from 'zod/mini'
import { ACTOR_ROLES } from '../roles'
import { CASE_ACTIONS } from './actions'
import {
  CASE_SOURCES,
  CASE_STATUSES,
  CATEGORIES,
  COORDINATE_SYSTEMS,
  REPORTER_RELATIONS,
  SATISFACTIONS,
  SOLVED_ANSWERS,
  URGENCIES,
} from './case'

/**
 * The shapes of a case as it leaves the server, one schema each: the function catalogue declares
 * them as outputs, the server (and every test) checks what handlers return against them, and the
 * pages' types are derived from them. Strict: a field not declared here is a mismatch, not a leak.
 */
const status = z.enum(CASE_STATUSES)
const epochMs = z.number()

export const caseLocationSchema = z.strictObject({
  coords: z.optional(
    z.strictObject({
      lat: z.number(),
      lng: z.number(),
      system: z.enum(COORDINATE_SYSTEMS),
      accuracy: z.optional(z.number()),
    }),
  ),
  address: z.optional(z.string()),
})

const reporterInfoSchema = z.strictObject({
  name: z.string(),
  phone: z.string(),
  anonymous: z.boolean(),
  relation: z.enum(REPORTER_RELATIONS),
})

const publicRatingSchema = z.strictObject({
  solved: z.enum(SOLVED_ANSWERS),
  satisfaction: z.enum(SATISFACTIONS),
  comment: z.string(),
  at: epochMs,
  byCall: z.boolean(),
  byDefault: z.boolean(),
})

const eventActorSchema = z.strictObject({ openid: z.string(), role: z.enum(ACTOR_ROLES), name: z.string() })

const caseViewBase = {
  id: z.string(),
  number: z.string(),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  description: z.string(),
  photos: z.array(z.string()),
  location: z.nullable(caseLocationSchema),
  areaUnitId: z.string(),
  status,
  createdAt: epochMs,
  updatedAt: epochMs,
  version: z.number(),
  /** The 解决标准 the case is held to and its 完成时限, once assigned. */
  standard: z.nullable(z.string()),
  deadline: z.nullable(epochMs),
  onTheSpot: z.boolean(),
  mergedInto: z.nullable(z.strictObject({ id: z.string(), number: z.string() })),
  /** Whether the reporter may rate now (closed and not yet rated). */
  awaitingRating: z.boolean(),
  ratings: z.array(publicRatingSchema),
  /** A short-lived URL for each photo in this view, filled in once the server decided what the viewer sees. */
  photoUrls: z.record(z.string(), z.string()),
  /** What this person may do now, as the lifecycle and permission tables say: pages build their buttons from it. */
  availableActions: z.array(z.enum(CASE_ACTIONS)),
  /** The published 三个清单 that name the case: the month and what its people read (已列入2026年11月问题清单…), filled in by the server. */
  publicListings: z.array(z.strictObject({ month: z.string(), label: z.string() })),
}

const eventBase = {
  type: z.string(),
  at: epochMs,
  from: z.nullable(status),
  to: status,
  note: z.string(),
  attachments: z.array(z.string()),
}

/** What the people who follow a case see: their own report (`reporter`) or one merged with theirs (`other`). */
const reporterCaseViewSchema = z.strictObject({
  ...caseViewBase,
  kind: z.enum(['reporter', 'other']),
  reporter: reporterInfoSchema,
  timeline: z.array(z.strictObject({ ...eventBase, byRole: z.enum(ACTOR_ROLES) })),
})

const assignmentSchema = z.strictObject({
  /** 领办领导 by name (always the name to show). */
  leadOfficial: z.string(),
  /** The leader's record when one was chosen (null: typed by hand, or an older case). */
  leadOfficialId: z.nullable(z.string()),
  responsibleUnitId: z.string(),
  /** 责任单位, by its name now (null if the unit is gone). */
  responsibleUnitName: z.nullable(z.string()),
  handlerOpenid: z.string(),
  handlerName: z.string(),
  standard: z.string(),
  assignedBy: z.string(),
  assignedAt: epochMs,
  acknowledgeBy: epochMs,
  deadline: epochMs,
})

/** Whose lateness a case is, since when and for how long (overdue.ts, supervision.ts), by the server's clock. */
const latenessSchema = z.strictObject({
  party: z.enum(['handler', 'reviewer']),
  kind: z.enum(['acknowledge', 'complete', 'review']),
  /** 签收 / 办结 / 销号审核. */
  label: z.string(),
  since: epochMs,
  /** 逾期 X 天 Y 小时. */
  text: z.string(),
})

/** A 督办 note waiting for the handler's reply. */
const supervisionNoteSchema = z.strictObject({ note: z.string(), byName: z.string(), at: epochMs })

const closureRequestSchema = z.strictObject({
  note: z.string(),
  evidence: z.array(z.string()),
  standardMet: z.string(),
  requestedBy: z.string(),
  requestedAt: epochMs,
})

/** What the officials who work a case see, with what this official may do on it now. */
const staffCaseViewSchema = z.strictObject({
  ...caseViewBase,
  kind: z.literal('staff'),
  reporter: reporterInfoSchema,
  createdBy: eventActorSchema,
  source: z.enum(CASE_SOURCES),
  assignment: z.nullable(assignmentSchema),
  handledBy: z.array(z.string()),
  pendingExtension: z.nullable(z.strictObject({ deadline: epochMs, reason: z.string(), requestedAt: epochMs })),
  closureRequest: z.nullable(closureRequestSchema),
  scopeUnitIds: z.array(z.string()),
  needsCallback: z.boolean(),
  /** Decided by the server's clock and the one overdue rule. */
  overdue: z.boolean(),
  lateness: z.nullable(latenessSchema),
  supervisionNote: z.nullable(supervisionNoteSchema),
  /** 领办: the leader and/or unit that takes the case on (names are public), and when each was set. */
  pledge: z.nullable(
    z.strictObject({
      leaderId: z.nullable(z.string()),
      leaderName: z.nullable(z.string()),
      leaderAt: z.nullable(epochMs),
      unitId: z.nullable(z.string()),
      unitName: z.nullable(z.string()),
      unitAt: z.nullable(epochMs),
      markedAt: epochMs,
    }),
  ),
  timeline: z.array(z.strictObject({ ...eventBase, by: eventActorSchema, visibleToReporter: z.boolean() })),
})

export const caseViewSchema = z.discriminatedUnion('kind', [reporterCaseViewSchema, staffCaseViewSchema])

/** What the official who just gave a case away (退单) is answered: it is no longer theirs to see. */
const handedOverViewSchema = z.strictObject({
  kind: z.literal('handedOver'),
  id: z.string(),
  number: z.string(),
  status,
})

/** What a lifecycle action answers: the case as its actor now sees it. */
export const afterActionSchema = z.discriminatedUnion('kind', [
  reporterCaseViewSchema,
  staffCaseViewSchema,
  handedOverViewSchema,
])

/** A row of a resident's own list (我的诉求). */
export const caseListItemSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  summary: z.string(),
  status,
  createdAt: epochMs,
  updatedAt: epochMs,
  photoCount: z.number(),
  awaitingRating: z.boolean(),
})

/** A row of the officials' case lists: the reporter's name and phone masked, as lists are glanced at. */
export const staffCaseListItemSchema = z.strictObject({
  ...z.omit(caseListItemSchema, { awaitingRating: true }).shape,
  areaUnitId: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  anonymous: z.boolean(),
  onTheSpot: z.boolean(),
  handlerName: z.nullable(z.string()),
  acknowledgeBy: z.nullable(epochMs),
  deadline: z.nullable(epochMs),
  hasPendingExtension: z.boolean(),
  overdue: z.boolean(),
  /** Whose lateness the case is and for how long (null when nobody is late). */
  lateness: z.nullable(latenessSchema),
  /** A 督办 note waits for the handler's reply. */
  supervisionNoteAwaiting: z.boolean(),
})

/** A row of the 督办 list: a staff row, and how often the case was chased. */
export const supervisionItemSchema = z.strictObject({
  ...staffCaseListItemSchema.shape,
  supervisionCount: z.number(),
})

/** A row of the 回访 list: the number in full for whoever may make the call, hidden from the rest. */
export const callbackItemSchema = z.strictObject({ ...staffCaseListItemSchema.shape, mayCall: z.boolean() })

/** How many cases wait in each of a supervisor's queues (COUNTED_QUEUES), within their scope. */
export const queueCountsSchema = z.strictObject({
  dispatch: z.number(),
  review: z.number(),
  extension: z.number(),
  overdue: z.number(),
})

export type ReporterCaseView = z.infer<typeof reporterCaseViewSchema>
export type StaffCaseView = z.infer<typeof staffCaseViewSchema>
export type CaseView = z.infer<typeof caseViewSchema>
export type HandedOverView = z.infer<typeof handedOverViewSchema>
export type CaseListItem = z.infer<typeof caseListItemSchema>
export type StaffCaseListItem = z.infer<typeof staffCaseListItemSchema>
export type CallbackItem = z.infer<typeof callbackItemSchema>
export type SupervisionItem = z.infer<typeof supervisionItemSchema>
export type Lateness = z.infer<typeof latenessSchema>
