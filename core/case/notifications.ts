import type { Case } from './case'
import { viewRule } from '../privacy/view-rule'
import type { CaseAction } from './actions'
import type { LateParty } from './overdue'
import { namesKnownTo, reporterHiddenFrom } from './scope'

/**
 * The messages 民情通 sends (DESIGN.md §3): residents hear of 受理, 不予受理/合并 and 办结
 * (with a rating prompt); handlers of new tasks, rejected closures and reopened cases; the
 * dispatching supervisor of closure and extension requests.
 */
export const NOTIFICATION_TEMPLATES = {
  caseAccepted: { audience: 'reporter', title: '您的诉求已受理' },
  caseDeclined: { audience: 'reporter', title: '您的诉求不予受理' },
  caseMerged: { audience: 'reporter', title: '您的诉求已合并办理' },
  caseClosed: { audience: 'reporter', title: '您的诉求已办结，请评价' },
  taskAssigned: { audience: 'staff', title: '您有新的办理任务' },
  taskClosureRejected: { audience: 'staff', title: '销号申请未通过' },
  taskReopened: { audience: 'staff', title: '群众不满意，诉求重新办理' },
  reviewClosureRequested: { audience: 'staff', title: '有诉求申请销号' },
  reviewExtensionRequested: { audience: 'staff', title: '有诉求申请延期' },
  caseSubmitted: { audience: 'staff', title: '有新的群众诉求待派单' },
  // One template for everything 督办 sends an official: a miss, a reminder, an escalation, a note, a reply.
  caseSupervised: { audience: 'staff', title: '督办提醒' },
} as const
export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES

/** The templates a reporter is asked to subscribe to when submitting (one WeChat grant = one message). */
export const REPORTER_TEMPLATES = (Object.keys(NOTIFICATION_TEMPLATES) as NotificationTemplate[]).filter(
  (template) => NOTIFICATION_TEMPLATES[template].audience === 'reporter',
)

/**
 * The templates an official is asked to subscribe to, by role (WeChat asks for at most 3 at once;
 * each accepted one is good for one message, counted on the user like a reporter's on the case).
 */
export const STAFF_TEMPLATES = {
  cadre: ['taskAssigned', 'taskClosureRejected', 'taskReopened'],
  supervisor: ['caseSubmitted', 'reviewClosureRequested', 'reviewExtensionRequested'],
} as const satisfies Record<string, readonly NotificationTemplate[]>

/**
 * 督办提醒, asked for on its own (a second request, one tap): each role's first request is full at
 * WeChat's 3, and 督办 must not take the place of a message the role already relies on.
 */
const SUPERVISION_TEMPLATES = ['caseSupervised'] as const satisfies readonly NotificationTemplate[]

export type StaffTemplate =
  (typeof STAFF_TEMPLATES)[keyof typeof STAFF_TEMPLATES][number] | (typeof SUPERVISION_TEMPLATES)[number]
export const STAFF_TEMPLATE_NAMES: StaffTemplate[] = [
  ...new Set([...Object.values(STAFF_TEMPLATES).flat(), ...SUPERVISION_TEMPLATES]),
]

/** The requests an official is asked, by role: each at most 3 templates, each asked with its own tap. */
export function staffTemplateRequests(role: string): ReadonlyArray<readonly StaffTemplate[]> {
  const own = (STAFF_TEMPLATES as Record<string, readonly StaffTemplate[]>)[role]
  return own ? [own, SUPERVISION_TEMPLATES] : []
}

/** Every template an official of this role may hold grants for. */
export function staffTemplatesFor(role: string): readonly StaffTemplate[] {
  return staffTemplateRequests(role).flat()
}

export interface Notification {
  template: NotificationTemplate
  recipient: string
  caseId: string
  caseNumber: string
  title: string
  text: string
  /** The page the message opens: the staff workbench for officials, the resident's page for reporters. */
  page: string
  /**
   * For `COVERING_SUPERVISORS`: the area whose covering supervisors the server finds, and who among
   * them must not be told (whoever handled the case: they may not review it).
   */
  covering?: Covering
}

/**
 * Whose covering supervisors: the area's (by default), or those of a unit the server looks up —
 * the responsible unit for a 督办, its parent (`above`) for an escalation.
 */
interface Covering {
  areaUnitPath: string[]
  except: string[]
  unitId?: string
  above?: boolean
}

/** A recipient the core cannot name: the supervisors covering the case's area, found by the server. */
export const COVERING_SUPERVISORS = '@covering-supervisors'

/** The page a message about a case opens, for its audience. */
function casePage(audience: 'reporter' | 'staff', caseId: string): string {
  return audience === 'staff' ? `packages/staff/pages/case/index?id=${caseId}` : `pages/case/index?id=${caseId}`
}

/** What a recipient may read of a message's text: free text about a 匿名 case is masked for its handlers. */
function textFor(recipient: string, doc: Case, text: string): string {
  return reporterHiddenFrom(recipient, doc) ? viewRule('anonymousHandler', namesKnownTo(doc)).text(text) : text
}

/**
 * A new case is announced to the supervisors who cover its area (found by the server): one waiting
 * for 派单, or a 立行立改 waiting for its 销号.
 */
export function planNewCaseNotifications(doc: Case, supervisors: readonly string[]): Notification[] {
  const template: NotificationTemplate = doc.status === 'pending_closure' ? 'reviewClosureRequested' : 'caseSubmitted'
  const text = doc.status === 'pending_closure' ? '立行立改，请审核销号' : `${doc.category}，请及时派单`
  // Whoever recorded a 立行立改 may not approve it: he is not asked to.
  return supervisors
    .filter((openid) => !doc.handledBy.includes(openid))
    .map((recipient) => ({
      template,
      recipient,
      caseId: doc._id,
      caseNumber: doc.number,
      title: NOTIFICATION_TEMPLATES[template].title,
      text,
      page: casePage('staff', doc._id),
    }))
}

/** Who receives the reporter's messages: the reporter's own WeChat, or the resident who reported for them. */
function reporterRecipient(doc: Pick<Case, 'reporter' | 'createdBy'>): string | null {
  if (doc.reporter.openid) return doc.reporter.openid
  return doc.createdBy.role === 'resident' ? doc.createdBy.openid : null
}

/**
 * 改派 tells the old handler with the task template under a title of its own: WeChat asks an
 * official for at most 3 templates at once, and a cadre's 3 are taken (STAFF_TEMPLATES). Being
 * relieved of a task is news about one's tasks, so it rides on that grant (the title is the
 * template's free-text 事项 field).
 */
const TASK_REASSIGNED_TITLE = '您的办理任务已改派他人'

/**
 * Who reviews a case's requests: the supervisor who dispatched it, unless he handles it himself
 * (领办) or nobody dispatched it (立行立改): then the supervisors covering its area.
 */
function reviewerOf(doc: Pick<Case, 'assignment' | 'handledBy'>): string {
  const assignedBy = doc.assignment?.assignedBy ?? null
  return assignedBy && !doc.handledBy.includes(assignedBy) ? assignedBy : COVERING_SUPERVISORS
}

function messagesFor(
  action: CaseAction,
  before: Case,
  after: Case,
): Array<{ template: NotificationTemplate; recipient: string | null; text: string; title?: string }> {
  const handler = after.assignment?.handlerOpenid ?? before.assignment?.handlerOpenid ?? null
  const dispatcher = reviewerOf(after)
  const reporter = reporterRecipient(after)
  switch (action) {
    case 'assign':
      return [
        { template: 'caseAccepted', recipient: reporter, text: `已派专人办理，完成时限见详情。` },
        { template: 'taskAssigned', recipient: handler, text: `解决标准：${after.assignment?.standard ?? ''}` },
      ]
    case 'reassign':
      return [
        {
          template: 'taskAssigned',
          recipient: handler,
          text: `改派给您，请签收。解决标准：${after.assignment?.standard ?? ''}`,
        },
        {
          template: 'taskAssigned',
          recipient: before.assignment?.handlerOpenid ?? null,
          title: TASK_REASSIGNED_TITLE,
          text: `已改派给${after.assignment?.handlerName ?? ''}，您无需再办理`,
        },
      ]
    case 'decline':
      return [{ template: 'caseDeclined', recipient: reporter, text: after.timeline.at(-1)?.note ?? '' }]
    case 'merge':
      return [{ template: 'caseMerged', recipient: reporter, text: after.timeline.at(-1)?.note ?? '' }]
    case 'approveClosure':
      return [{ template: 'caseClosed', recipient: reporter, text: '请对办理结果进行评价。' }]
    case 'rejectClosure':
      return [{ template: 'taskClosureRejected', recipient: handler, text: after.timeline.at(-1)?.note ?? '' }]
    case 'requestClosure':
      return [
        { template: 'reviewClosureRequested', recipient: dispatcher, text: after.closureRequest?.standardMet ?? '' },
      ]
    case 'requestExtension':
      return [
        { template: 'reviewExtensionRequested', recipient: dispatcher, text: after.pendingExtension?.reason ?? '' },
      ]
    case 'addSupervisionNote':
      return [
        { template: 'caseSupervised', recipient: handler, text: `督办意见：${after.timeline.at(-1)?.note ?? ''}` },
      ]
    case 'replySupervisionNote':
      return [
        {
          template: 'caseSupervised',
          recipient: before.supervisionNote?.by ?? null,
          text: `经办人回复：${after.timeline.at(-1)?.note ?? ''}`,
        },
      ]
    case 'rate':
    case 'rateByCall':
      return after.status === 'in_progress'
        ? [{ template: 'taskReopened', recipient: handler, text: after.timeline.at(-1)?.note ?? '' }]
        : []
    default:
      return []
  }
}

/**
 * The messages an action sends, and what it does to the reporter's subscriptions: each message to
 * the reporter uses up one grant of its template; one that cannot be delivered (no grant left, or
 * a reporter without WeChat) is not sent, and a closure that cannot be announced puts the case on
 * the 回访 list instead.
 */
export function planNotifications(
  action: CaseAction,
  before: Case,
  after: Case,
): { notifications: Notification[]; subscriptions: Record<string, number>; needsCallback: boolean } {
  const subscriptions = { ...after.subscriptions }
  const notifications: Notification[] = []
  let needsCallback = after.status === 'closed' ? after.needsCallback : false
  for (const message of messagesFor(action, before, after)) {
    const audience = NOTIFICATION_TEMPLATES[message.template].audience
    let deliverable = message.recipient !== null
    if (deliverable && audience === 'reporter') {
      deliverable = (subscriptions[message.template] ?? 0) > 0
      if (deliverable) subscriptions[message.template] = (subscriptions[message.template] ?? 0) - 1
    }
    if (message.template === 'caseClosed') needsCallback = !deliverable
    if (deliverable && message.recipient) {
      notifications.push({
        template: message.template,
        recipient: message.recipient,
        caseId: after._id,
        caseNumber: after.number,
        title: message.title ?? NOTIFICATION_TEMPLATES[message.template].title,
        // A message is a view too: the handler of a 匿名 case reads it through the view rule.
        text: textFor(message.recipient, after, message.text),
        page: casePage(audience, after._id),
        ...(message.recipient === COVERING_SUPERVISORS
          ? { covering: { areaUnitPath: after.areaUnitPath, except: after.handledBy } }
          : {}),
      })
    }
  }
  return { notifications, subscriptions, needsCallback }
}

/** What the 督办 job records on a case, as far as its messages need to know (supervision.ts). */
export interface SupervisionStepMessage {
  type: 'supervise' | 'remind' | 'escalate'
  party: LateParty
  text: string
}

/** One 督办提醒 to an official, or to the covering supervisors the server finds. */
function supervisionMessage(doc: Case, recipient: string, text: string, covering?: Partial<Covering>): Notification {
  return {
    template: 'caseSupervised',
    recipient,
    caseId: doc._id,
    caseNumber: doc.number,
    title: NOTIFICATION_TEMPLATES.caseSupervised.title,
    text: textFor(recipient, doc, text),
    page: casePage('staff', doc._id),
    ...(recipient === COVERING_SUPERVISORS
      ? { covering: { areaUnitPath: doc.areaUnitPath, except: doc.handledBy, ...covering } }
      : {}),
  }
}

/**
 * Who hears of what the 督办 job records: a missed 签收 or completion deadline goes to the handler
 * and the supervisors covering the responsible unit; a review waiting too long to its reviewers; a
 * reminder to the handler alone; an escalation to the supervisors covering the unit one level up.
 */
export function planSupervisionNotifications(doc: Case, steps: readonly SupervisionStepMessage[]): Notification[] {
  const handler = doc.assignment?.handlerOpenid ?? null
  const unitId = doc.assignment?.responsibleUnitId ?? doc.areaUnitId
  return steps.flatMap((step): Notification[] => {
    switch (step.type) {
      case 'remind':
        return handler ? [supervisionMessage(doc, handler, step.text)] : []
      case 'escalate':
        return [supervisionMessage(doc, COVERING_SUPERVISORS, step.text, { unitId, above: true })]
      case 'supervise':
        if (step.party === 'reviewer') return [supervisionMessage(doc, reviewerOf(doc), step.text)]
        return [
          ...(handler ? [supervisionMessage(doc, handler, step.text)] : []),
          supervisionMessage(doc, COVERING_SUPERVISORS, step.text, { unitId }),
        ]
    }
  })
}
