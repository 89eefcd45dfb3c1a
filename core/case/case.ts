import type { Role } from '../roles'

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

/** Not yet closed, declined or merged: still being worked on. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'assigned', 'in_progress', 'pending_closure']

/** What each kind of timeline event is called where the reporter sees it. */
export const EVENT_LABELS: Record<string, string> = {
  submit: '已提交，等待受理',
}

export const CASE_SOURCES = ['resident', 'visit', 'meeting', 'enterprise'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]

export const COORDINATE_SYSTEMS = ['gcj02', 'wgs84'] as const
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number]

export const REPORTER_RELATIONS = ['self', 'family'] as const
export type ReporterRelation = (typeof REPORTER_RELATIONS)[number]

export interface CaseLocation {
  coords?: { lat: number; lng: number; system: CoordinateSystem; accuracy?: number }
  address?: string
}

export interface Reporter {
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
  role: Role
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
  /**
   * The area unit and the responsible unit, each with its ancestors: a supervisor sees the case
   * when their unit is in this list, in one indexed query.
   */
  scopeUnitIds: string[]
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
}
