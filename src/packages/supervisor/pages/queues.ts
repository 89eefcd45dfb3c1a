/** The supervisor's queues, in the order the home and the case list show them. */
export const SUPERVISOR_QUEUES = [
  ['dispatch', '待派单'],
  ['review', '待审核销号'],
  ['extension', '延期申请'],
  ['overdue', '已超期'],
  ['all', '全部'],
] as const
export type SupervisorQueue = (typeof SUPERVISOR_QUEUES)[number][0]

/** The queues the home counts (全部 is no work waiting). */
export type CountedQueue = Exclude<SupervisorQueue, 'all'>

export function isSupervisorQueue(value: string | undefined): value is SupervisorQueue {
  return SUPERVISOR_QUEUES.some(([queue]) => queue === value)
}
