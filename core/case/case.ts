import type { ActorRole } from '../roles'

export const CATEGORIES = [
  '就业',
  '医疗',
  '养老',
  '社会保障',
  '教育',
  '住房',
  '人居环境',
  '交通出行',
  '安全隐患',
  '矛盾纠纷',
  '信访',
  '企业纾困',
  '其他',
] as const
export type Category = (typeof CATEGORIES)[number]

export const URGENCIES = ['urgent', 'hard', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '急', hard: '难', normal: '一般' }

export const CASE_STATUSES = [
  'submitted',
  'assigned',
  'in_progress',
  'pending_closure',
  'closed',
  'declined',
  'merged',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  assigned: '已派单',
  in_progress: '办理中',
  pending_closure: '待销号',
  closed: '已办结',
  declined: '不予受理',
  merged: '已合并',
}

/**
 * The status as a resident reads it: the same states without the officials' words (待销号 and 销号
 * mean nothing to someone who never worked in an office).
 */
export const RESIDENT_STATUS_LABELS: Record<CaseStatus, string> = {
  ...CASE_STATUS_LABELS,
  assigned: '已安排专人',
  pending_closure: '办理完成待审核',
}

/** Not yet closed, declined or merged: still being worked on. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'assigned', 'in_progress', 'pending_closure']

/** What each kind of timeline event is called where people see it. */
export const EVENT_LABELS: Record<string, string> = {
  submit: '已提交，等待受理',
  recordOnTheSpot: '立行立改，现场已解决',
  assign: '已受理，派专人办理',
  acknowledge: '经办人已签收',
  sendBack: '经办人退单',
  reassign: '改派',
  addProgress: '办理进展',
  requestExtension: '申请延期',
  approveExtension: '同意延期',
  rejectExtension: '不同意延期',
  requestClosure: '申请销号',
  approveClosure: '已办结（销号）',
  rejectClosure: '销号未通过，继续办理',
  decline: '不予受理',
  merge: '已与同类诉求合并办理',
  rate: '群众评价',
  rateByCall: '回访评价',
  rateByDefault: '超过 7 天未评价，默认满意',
  supervise: '超期督办',
  remind: '完成时限将到，已提醒经办人',
  escalate: '督办后仍超期，已报上级督办',
  addSupervisionNote: '督办意见',
  replySupervisionNote: '经办人回复督办',
  markPledge: '领办',
}

/** The timeline as a resident reads it (only the events they may see reach them). */
export const RESIDENT_EVENT_LABELS: Record<string, string> = {
  ...EVENT_LABELS,
  acknowledge: '办理人员已接手',
  // 改派: the resident learns that someone new works on it, not the office's reason.
  reassign: '已安排新的办理人员',
  requestExtension: '申请延长办理时间',
  approveExtension: '办理时间已延长',
  requestClosure: '办理完成，等待审核',
  approveClosure: '已办结',
  rejectClosure: '审核未通过，继续办理',
}

/** 退单 reasons: the fixed list a handler chooses from. */
export const SEND_BACK_REASONS = ['职能不符', '属地不符', '权属不清', '其他'] as const
export type SendBackReason = (typeof SEND_BACK_REASONS)[number]

export const SOLVED_ANSWERS = ['solved', 'unsolved'] as const
export const SOLVED_LABELS: Record<(typeof SOLVED_ANSWERS)[number], string> = { solved: '已解决', unsolved: '未解决' }
export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
}

/** 问效于民: one answer per closure. */
export interface Rating {
  solved: (typeof SOLVED_ANSWERS)[number]
  satisfaction: Satisfaction
  comment: string
  at: number
  /** Recorded by a cadre from a 回访 call, for a reporter without WeChat. */
  byCall: boolean
  /** 默认满意: nobody answered within 7 days. Counted apart from real answers. */
  byDefault: boolean
  recordedBy: string | null
}

/** 派单: who leads, who is responsible, who does it, to what standard, by when. */
export interface Assignment {
  /** 领办领导, by name as shown (taken from the leader's record when one was chosen). */
  leadOfficial: string
  /** The leader's user record, when one was chosen (null or absent: a name typed by hand, or older cases). */
  leadOfficialId?: string | null
  responsibleUnitId: string
  handlerOpenid: string
  handlerName: string
  standard: string
  assignedBy: string
  assignedAt: number
  /** 签收 due (clock hours after assignment). */
  acknowledgeBy: number
  /** 完成时限 (end of a calendar day, UTC+8). */
  deadline: number
}

/**
 * 领办: the leader and/or the unit that personally takes the case on (the plan's quotas count
 * these). Each side keeps the time it was set, which decides the month it counts in: changing the
 * unit leaves the leader's month alone.
 */
export interface Pledge {
  leaderId: string | null
  leaderName: string | null
  leaderAt: number | null
  unitId: string | null
  unitName: string | null
  unitAt: number | null
  /** Who last changed it, and when. */
  markedBy: string
  markedAt: number
}

/** 督办意见: a supervisor's note on an open case that its handler must answer. */
interface SupervisionNote {
  note: string
  by: string
  byName: string
  at: number
}

interface ClosureRequest {
  note: string
  evidence: string[]
  standardMet: string
  requestedBy: string
  requestedAt: number
}

export const CASE_SOURCES = ['resident', 'visit', 'meeting', 'enterprise'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  resident: '群众自报',
  visit: '干部走访',
  meeting: '座谈会',
  enterprise: '企业反映',
}

export const COORDINATE_SYSTEMS = ['gcj02', 'wgs84'] as const
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number]

export const REPORTER_RELATIONS = ['self', 'family'] as const
type ReporterRelation = (typeof REPORTER_RELATIONS)[number]

export interface CaseLocation {
  coords?: { lat: number; lng: number; system: CoordinateSystem; accuracy?: number }
  address?: string
}

interface Reporter {
  name: string
  phone: string
  /** 匿名: not named to the handler; supervisors still see who it is. */
  anonymous: boolean
  relation: ReporterRelation
  /** The reporter's own WeChat identity, when they reported for themselves. */
  openid: string | null
}

export interface EventActor {
  openid: string
  role: ActorRole
  name: string
}

/** One immutable entry of a case's timeline (DESIGN.md §3). */
export interface TimelineEvent {
  type: string
  at: number
  by: EventActor
  from: CaseStatus | null
  to: CaseStatus
  note: string
  attachments: string[]
  /** Whether the reporter may see it; internal notes stay internal. */
  visibleToReporter: boolean
  /** Structured details of the action (a reason, a new deadline, a rating). */
  data?: Record<string, unknown>
}

export interface Case {
  _id: string
  number: string
  category: Category
  urgency: Urgency
  description: string
  photos: string[]
  location: CaseLocation | null
  areaUnitId: string
  /** The area unit with its ancestors. */
  areaUnitPath: string[]
  /**
   * The area unit and the responsible unit, each with its ancestors: a supervisor sees the case
   * when their unit is in this list, in one indexed query.
   */
  scopeUnitIds: string[]
  /** The responsible unit with its ancestors (empty while nobody is assigned): 逾期 is counted by it. */
  responsibleUnitPath: string[]
  source: CaseSource
  reporter: Reporter
  createdBy: EventActor
  /** Everyone who follows the case as its own: creator, reporter, reporters of merged cases. */
  followerOpenids: string[]
  status: CaseStatus
  createdAt: number
  updatedAt: number
  version: number
  timeline: TimelineEvent[]
  clientRequestId: string
  assignment: Assignment | null
  /** Everyone who has been this case's handler: none of them may approve its closure. */
  handledBy: string[]
  pendingExtension: { deadline: number; reason: string; requestedAt: number } | null
  closureRequest: ClosureRequest | null
  /** 立行立改: solved on the spot and recorded with evidence. */
  onTheSpot: boolean
  closedAt: number | null
  ratings: Rating[]
  /** A dissatisfied rating reopens a case once; the answer after that is final. */
  reopened: boolean
  mergedInto: { id: string; number: string } | null
  /** Merged, and its followers not yet copied to the surviving case (the finish-merges job completes it). */
  mergeFollowersPending: boolean
  /** The visit this case was raised from (走访立案). */
  visitId: string | null
  /** When the case becomes overdue (see overdue.ts); null when no time limit runs. Kept by every transition. */
  dueAt: number | null
  /**
   * When the 督办 job next needs to look at the case (a reminder, a 督办 or an escalation falls due;
   * see supervision.ts); null when nothing is to come. Kept by every transition, like `dueAt`.
   */
  superviseAt: number | null
  /** A supervisor's 督办 note the handler has not answered yet. */
  supervisionNote: SupervisionNote | null
  /** 领办 (null or absent: nobody's; records older than the field have none). */
  pledge?: Pledge | null
  /** Closed and not yet rated: the 默认满意 job looks for these. */
  awaitingRating: boolean
  /** Closed, unrated, and the reporter cannot be notified: the 回访 list. */
  needsCallback: boolean
  /** The reporter's remaining WeChat subscribe-message grants, per template (keys hold no dots: they are field names). */
  subscriptions: Record<string, number>
}
