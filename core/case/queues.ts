import type { ListScope } from '../permissions'
import type { CASE_QUEUES } from './case.schemas'
import { OPEN_STATUSES } from './case'
import { overdueFilter } from './overdue'

export type CaseQueue = (typeof CASE_QUEUES)[number]

/** A store filter and order, as plain data (the backend's store port reads this shape). */
export interface QueueQuery {
  filter: Record<string, unknown>
  sort: Array<[field: string, direction: 1 | -1]>
}

/**
 * The supervisor's queues (待派单, 待审核销号, 延期申请, 已超期, 全部): which cases each holds and in
 * what order. The 已超期 queue is the one overdue rule's filter, most overdue first.
 */
function caseQueue(queue: CaseQueue, now: number): QueueQuery {
  const newestFirst: QueueQuery['sort'] = [['createdAt', -1]]
  switch (queue) {
    case 'dispatch':
      return { filter: { status: 'submitted' }, sort: newestFirst }
    case 'review':
      return { filter: { status: 'pending_closure' }, sort: newestFirst }
    case 'extension':
      return { filter: { status: 'in_progress', pendingExtension: { $ne: null } }, sort: newestFirst }
    case 'overdue':
      return { filter: overdueFilter(now), sort: [['dueAt', 1]] }
    case 'open':
      return { filter: { status: { $in: [...OPEN_STATUSES] } }, sort: newestFirst }
    case 'all':
      return { filter: {}, sort: newestFirst }
  }
}

/** The queues a supervisor's home page counts (待派单, 待审核销号, 延期申请, 已超期). */
export const COUNTED_QUEUES = ['dispatch', 'review', 'extension', 'overdue'] as const satisfies readonly CaseQueue[]

/**
 * A queue within what the actor may list (`listScope` of case.listInScope): the cases of their
 * subtree, or every case. The list and the home page's counts both ask this, so they never disagree.
 */
export function scopedCaseQueue(
  scope: Exclude<ListScope, { kind: 'none' }>,
  queue: CaseQueue,
  now: number,
): QueueQuery {
  const { filter, sort } = caseQueue(queue, now)
  return { filter: scope.kind === 'subtree' ? { scopeUnitIds: scope.unitId, ...filter } : filter, sort }
}

/** 我的任务: the open cases a person handles, due soonest first. */
export function myTasksQuery(openid: string): QueueQuery {
  return {
    filter: { 'assignment.handlerOpenid': openid, status: { $in: [...OPEN_STATUSES] } },
    sort: [['assignment.deadline', 1]],
  }
}

/** 回访: closed cases of an area whose reporter has not answered and could not be told; oldest first. */
export function callbacksQuery(unitId: string): QueueQuery {
  return { filter: { scopeUnitIds: unitId, needsCallback: true }, sort: [['closedAt', 1]] }
}
