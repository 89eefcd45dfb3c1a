import { SYSTEM_ACTOR } from '../roles'
import { DAY_MS, formatChinaTime, HOUR_MS } from '../time'
import type { Case, TimelineEvent } from './case'
import { eventActor } from './create'
import { planSupervisionNotifications, type Notification } from './notifications'
import { dueAt, runningDeadlines, type Deadline, type DeadlineKind } from './overdue'

/**
 * 督办: what the scheduled job records on a case, decided here from the one overdue definition
 * (overdue.ts). Each running deadline, once missed, gets one 督办 (`supervise`); the completion
 * deadline gets a reminder 24 hours before it (`remind`), unless it was missed first; a deadline
 * still missed 3 days after its 督办 is escalated one level up (`escalate`). A deadline is known by
 * its kind and its moment, so an extension or a clock stopped for a review makes a new deadline
 * that can be reminded of and missed again, while a job run twice finds nothing new: what was
 * recorded is on the timeline, and the timeline is what is read.
 */

const REMIND_BEFORE_MS = DAY_MS
const ESCALATE_AFTER_MS = 3 * DAY_MS

type SupervisionEvent = 'supervise' | 'remind' | 'escalate'

/** One thing the job is to record, and from when. */
interface SupervisionStep {
  type: SupervisionEvent
  deadline: Deadline
  at: number
}

function deadlineKey(deadline: Deadline): string {
  return `${deadline.kind}:${deadline.at}`
}

function recorded(doc: Pick<Case, 'timeline'>, type: SupervisionEvent, key: string): TimelineEvent | undefined {
  return doc.timeline.find((event) => event.type === type && event.data?.key === key)
}

type SupervisedFields = Pick<Case, 'status' | 'assignment' | 'closureRequest' | 'timeline'>

/** Everything still to be recorded for the deadlines running now, whenever it falls due. */
function supervisionSchedule(doc: SupervisedFields): SupervisionStep[] {
  const steps: SupervisionStep[] = []
  for (const deadline of runningDeadlines(doc)) {
    const key = deadlineKey(deadline)
    const supervised = recorded(doc, 'supervise', key)
    if (!supervised) {
      // Overdue once the deadline lies before now: from the next millisecond.
      steps.push({ type: 'supervise', deadline, at: deadline.at + 1 })
      if (deadline.kind === 'complete' && !recorded(doc, 'remind', key)) {
        steps.push({ type: 'remind', deadline, at: deadline.at - REMIND_BEFORE_MS })
      }
    } else if (!recorded(doc, 'escalate', key)) {
      steps.push({ type: 'escalate', deadline, at: supervised.at + ESCALATE_AFTER_MS })
    }
  }
  return steps.sort((a, b) => a.at - b.at)
}

/** When the job next needs to look at the case; null when nothing is to come. */
export function nextSuperviseAt(doc: SupervisedFields): number | null {
  return supervisionSchedule(doc)[0]?.at ?? null
}

/** What falls due at `now`: a reminder of a deadline already missed is left out (its 督办 says more). */
function supervisionDue(doc: SupervisedFields, now: number): SupervisionStep[] {
  return supervisionSchedule(doc).filter(
    (step) => step.at <= now && !(step.type === 'remind' && step.deadline.at < now),
  )
}

const KIND_LABELS: Record<DeadlineKind, string> = { acknowledge: '签收', complete: '办结', review: '销号审核' }

/** "逾期 2 天 3 小时": how long a deadline has been missed, in whole hours. */
export function overdueText(since: number, now: number): string {
  const hours = Math.max(0, Math.floor((now - since) / HOUR_MS))
  const days = Math.floor(hours / 24)
  return days > 0 ? `逾期 ${days} 天 ${hours % 24} 小时` : `逾期 ${hours} 小时`
}

/** 签收 / 办结 / 销号审核: what a late case waits for. */
export function deadlineLabel(kind: DeadlineKind): string {
  return KIND_LABELS[kind]
}

function stepNote(step: SupervisionStep): string {
  const when = formatChinaTime(step.deadline.at)
  switch (step.type) {
    case 'remind':
      return `完成时限 ${when} 将到，请抓紧办理`
    case 'escalate':
      return `${KIND_LABELS[step.deadline.kind]}超期（时限 ${when}），督办 3 天后仍未办理，报上级督办`
    case 'supervise':
      return step.deadline.party === 'reviewer'
        ? `销号申请等待审核已超过 2 天（应于 ${when} 前审核），请尽快审核`
        : `已超过${KIND_LABELS[step.deadline.kind]}时限 ${when}，请尽快办理`
  }
}

/**
 * Records what falls due at `now` on a case, as the system: one internal timeline event per step
 * (the reporter does not see them), the next moment to look again, and the messages to send.
 * Null when nothing is due (the stored next moment was stale; the job just corrects it).
 */
export function applySupervision(
  doc: Case,
  now: number,
): { next: Case; events: TimelineEvent[]; notifications: Notification[] } | null {
  const due = supervisionDue(doc, now)
  if (due.length === 0) return null
  const by = eventActor(SYSTEM_ACTOR)
  const events: TimelineEvent[] = due.map((step) => ({
    type: step.type,
    at: now,
    by,
    from: doc.status,
    to: doc.status,
    note: stepNote(step),
    attachments: [],
    visibleToReporter: false,
    data: { key: deadlineKey(step.deadline), kind: step.deadline.kind, deadline: step.deadline.at },
  }))
  const timeline = [...doc.timeline, ...events]
  // A reminder skipped because its deadline was missed is settled by the 督办 recorded with it.
  const changed: Case = { ...doc, timeline, updatedAt: now, version: doc.version + 1 }
  const next: Case = { ...changed, dueAt: dueAt(changed), superviseAt: nextSuperviseAt(changed) }
  const notifications = planSupervisionNotifications(
    next,
    due.map((step, index) => ({ type: step.type, party: step.deadline.party, text: events[index]?.note ?? '' })),
  )
  return { next, events, notifications }
}

/** How many 督办 a case has had (missed deadlines recorded). */
export function supervisionCount(doc: Pick<Case, 'timeline'>): number {
  return doc.timeline.filter((event) => event.type === 'supervise').length
}
