import type { Case } from '@core/case/case'
import { submitCaseInput } from '@core/case/case.schemas'
import { newCase } from '@core/case/create'
import { applyTransition, type CaseAction, type TransitionParams } from '@core/case/lifecycle'
import { COVERING_SUPERVISORS, staffTemplateRequests } from '@core/case/notifications'
import { applySupervision, overdueText } from '@core/case/supervision'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import type { Actor, Principal } from '@core/roles'

/** A moment written as China time (UTC+8), so the expectations read like a calendar. */
function cn(text: string): number {
  return Date.parse(`${text}+08:00`)
}

const REPORTER: Actor = { openid: 'reporter', role: 'resident', unitId: null, name: '王阿姨' }
const DISPATCHER: Principal = { openid: 'sup-a', role: 'supervisor', unitId: 'office-a', name: '李主任' }
const HANDLER: Principal = { openid: 'cadre-b', role: 'cadre', unitId: 'office-b', name: '张干部' }

function submitted(at: number): Case {
  return newCase({
    id: 'case-1',
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: '2026-000001',
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: 'supervise-0001',
      category: '住房',
      urgency: 'normal',
      description: '楼道灯坏了',
      areaUnitId: 'estate-a',
      reporter: { name: '王阿姨', phone: '13812345678' },
    }),
    actor: REPORTER,
    source: 'resident',
    now: at,
  })
}

function act<A extends CaseAction>(doc: Case, action: A, actor: Principal, at: number, params: TransitionParams[A]) {
  const result = applyTransition(doc, action, params, { actor, now: at, limits: DEFAULT_TIME_LIMITS })
  if (!result.ok) throw new Error(`${action}: ${result.code}`)
  return result.data.next
}

function assigned(submittedAt: number, assignedAt: number): Case {
  return act(submitted(submittedAt), 'assign', DISPATCHER, assignedAt, {
    leadOfficial: '陈书记',
    responsibleUnit: { id: 'office-b', path: ['district', 'office-b'] },
    handler: { openid: HANDLER.openid, name: HANDLER.name },
    standard: '灯亮',
  })
}

/** One run of the job at `at`: what it records as `type:kind`, and the case after. */
function runJob(doc: Case, at: number): { doc: Case; recorded: string[] } {
  const applied = applySupervision(doc, at)
  if (!applied) return { doc, recorded: [] }
  return { doc: applied.next, recorded: applied.events.map((event) => `${event.type}:${String(event.data?.kind)}`) }
}

/** The job run at each moment in turn: what each run records, and when the case is to be looked at next. */
function runs(start: Case, moments: number[]): Array<[string, string[], number | null]> {
  let doc = start
  return moments.map((at) => {
    const run = runJob(doc, at)
    doc = run.doc
    return [new Date(at).toISOString(), run.recorded, doc.superviseAt]
  })
}
const iso = (text: string) => new Date(cn(text)).toISOString()

describe('督办 with a fake clock, across a month end', () => {
  // Submitted on 25 March (一般: done by the end of the 7th day after, 1 April), acknowledged at once.
  const start = act(
    assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00')),
    'acknowledge',
    HANDLER,
    cn('2026-03-25T12:00:00'),
    {},
  )

  test('the deadline is the end of 1 April, and the job is first due at its reminder', () => {
    expect(start.assignment?.deadline).toBe(cn('2026-04-01T23:59:59.999'))
    expect(start.superviseAt).toBe(cn('2026-03-31T23:59:59.999'))
  })

  test('reminder 24 h before, one 督办 when missed (a second run records nothing), escalation exactly 3 days on', () => {
    expect(
      runs(start, [
        cn('2026-03-31T23:00:00'),
        cn('2026-04-01T00:00:00'),
        cn('2026-04-01T12:00:00'),
        cn('2026-04-01T23:59:59.999'),
        cn('2026-04-02T00:00:00'),
        cn('2026-04-02T00:00:00'),
        cn('2026-04-04T23:59:59.999'),
        cn('2026-04-05T00:00:00'),
        cn('2026-04-05T00:00:00'),
        cn('2026-04-20T00:00:00'),
      ]),
    ).toEqual([
      [iso('2026-03-31T23:00:00'), [], cn('2026-03-31T23:59:59.999')],
      [iso('2026-04-01T00:00:00'), ['remind:complete'], cn('2026-04-02T00:00:00')],
      [iso('2026-04-01T12:00:00'), [], cn('2026-04-02T00:00:00')],
      // At the deadline's last millisecond the case is not late yet.
      [iso('2026-04-01T23:59:59.999'), [], cn('2026-04-02T00:00:00')],
      [iso('2026-04-02T00:00:00'), ['supervise:complete'], cn('2026-04-05T00:00:00')],
      [iso('2026-04-02T00:00:00'), [], cn('2026-04-05T00:00:00')],
      [iso('2026-04-04T23:59:59.999'), [], cn('2026-04-05T00:00:00')],
      [iso('2026-04-05T00:00:00'), ['escalate:complete'], null],
      [iso('2026-04-05T00:00:00'), [], null],
      [iso('2026-04-20T00:00:00'), [], null],
    ])
  })

  test('a job that did not run until after the deadline records the 督办 without the stale reminder', () => {
    expect(runs(start, [cn('2026-04-03T08:00:00')])).toEqual([
      [iso('2026-04-03T08:00:00'), ['supervise:complete'], cn('2026-04-06T08:00:00')],
    ])
  })

  test('an extension granted between reminder and deadline: no 督办 for the old deadline, a reminder for the new', () => {
    const reminded = runJob(start, cn('2026-04-01T00:00:00')).doc
    const asked = act(reminded, 'requestExtension', HANDLER, cn('2026-04-01T09:00:00'), {
      deadline: cn('2026-04-08T23:59:59.999'),
      reason: '灯具缺货',
    })
    const extended = act(asked, 'approveExtension', DISPATCHER, cn('2026-04-01T10:00:00'), {})
    expect(extended.superviseAt).toBe(cn('2026-04-07T23:59:59.999'))
    expect(
      runs(extended, [
        cn('2026-04-02T00:00:00'),
        cn('2026-04-07T23:59:59.999'),
        cn('2026-04-08T12:00:00'),
        cn('2026-04-09T00:00:00'),
        cn('2026-04-09T00:00:00'),
      ]),
    ).toEqual([
      [iso('2026-04-02T00:00:00'), [], cn('2026-04-07T23:59:59.999')],
      [iso('2026-04-07T23:59:59.999'), ['remind:complete'], cn('2026-04-09T00:00:00')],
      [iso('2026-04-08T12:00:00'), [], cn('2026-04-09T00:00:00')],
      [iso('2026-04-09T00:00:00'), ['supervise:complete'], cn('2026-04-12T00:00:00')],
      [iso('2026-04-09T00:00:00'), [], cn('2026-04-12T00:00:00')],
    ])
  })
})

describe('who is chased, and who is told', () => {
  test('a missed 签收: the handler and the covering supervisors of the responsible unit', () => {
    const doc = assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00'))
    expect(doc.superviseAt).toBe(cn('2026-03-26T11:00:00.001'))
    const applied = applySupervision(doc, cn('2026-03-26T12:00:00'))
    expect(applied?.events).toEqual([
      {
        type: 'supervise',
        at: cn('2026-03-26T12:00:00'),
        by: { openid: 'system', role: 'system', name: '系统' },
        from: 'assigned',
        to: 'assigned',
        note: '已超过签收时限 2026-03-26 11:00，请尽快办理',
        attachments: [],
        visibleToReporter: false,
        data: {
          key: `acknowledge:${cn('2026-03-26T11:00:00')}`,
          kind: 'acknowledge',
          deadline: cn('2026-03-26T11:00:00'),
        },
      },
    ])
    expect(applied?.notifications.map((n) => [n.template, n.recipient, n.covering ?? null])).toEqual([
      ['caseSupervised', 'cadre-b', null],
      [
        'caseSupervised',
        COVERING_SUPERVISORS,
        { areaUnitPath: ['district', 'office-a', 'estate-a'], except: ['cadre-b'], unitId: 'office-b' },
      ],
    ])
    // Escalated 3 days after its 督办 if still not 签收: to the supervisors one level up.
    const later = applySupervision(applied?.next as Case, cn('2026-03-29T12:00:00'))
    expect(later?.events.map((event) => event.type)).toEqual(['escalate'])
    expect(later?.notifications.map((n) => [n.recipient, n.covering?.unitId, n.covering?.above])).toEqual([
      [COVERING_SUPERVISORS, 'office-b', true],
    ])
  })

  test('the 24 h reminder goes to the handler alone', () => {
    const doc = act(
      assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00')),
      'acknowledge',
      HANDLER,
      cn('2026-03-25T12:00:00'),
      {},
    )
    const applied = applySupervision(doc, cn('2026-04-01T08:00:00'))
    expect(applied?.events.map((event) => event.note)).toEqual(['完成时限 2026-04-01 23:59 将到，请抓紧办理'])
    expect(applied?.notifications.map((n) => n.recipient)).toEqual(['cadre-b'])
  })

  test('a closure waiting: the handler is never late; the review is, for its reviewer, after exactly 2 days', () => {
    const working = act(
      assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00')),
      'acknowledge',
      HANDLER,
      cn('2026-03-25T12:00:00'),
      {},
    )
    const waiting = act(working, 'requestClosure', HANDLER, cn('2026-03-31T10:00:00'), {
      note: '已换灯',
      evidence: [],
      standardMet: '灯亮了',
    })
    expect(waiting.dueAt).toBe(cn('2026-04-02T10:00:00'))
    expect(runs(waiting, [cn('2026-04-02T10:00:00'), cn('2026-04-02T10:00:00.001')])).toEqual([
      [iso('2026-04-02T10:00:00'), [], cn('2026-04-02T10:00:00.001')],
      [iso('2026-04-02T10:00:00.001'), ['supervise:review'], cn('2026-04-05T10:00:00.001')],
    ])
    const applied = applySupervision(waiting, cn('2026-04-03T10:00:00'))
    // The reviewer is the supervisor who dispatched it; the handler is not told.
    expect(applied?.notifications.map((n) => n.recipient)).toEqual(['sup-a'])
    expect(applied?.events.map((event) => event.note)).toEqual([
      '销号申请等待审核已超过 2 天（应于 2026-04-02 10:00 前审核），请尽快审核',
    ])
  })

  test('a rejected closure gives the handler back the time the review took (the clock stopped)', () => {
    const working = act(
      assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00')),
      'acknowledge',
      HANDLER,
      cn('2026-03-25T12:00:00'),
      {},
    )
    const waiting = act(working, 'requestClosure', HANDLER, cn('2026-03-31T10:00:00'), {
      note: '已换灯',
      evidence: [],
      standardMet: '灯亮了',
    })
    // Reviewed 3 days later: the deadline (end of 1 April) moves 3 days on.
    const rejected = act(waiting, 'rejectClosure', DISPATCHER, cn('2026-04-03T10:00:00'), { reason: '灯还是不亮' })
    expect(rejected.assignment?.deadline).toBe(cn('2026-04-04T23:59:59.999'))
    expect(rejected.dueAt).toBe(cn('2026-04-04T23:59:59.999'))
    expect(runs(rejected, [cn('2026-04-03T10:00:00'), cn('2026-04-04T00:00:00'), cn('2026-04-05T00:00:00')])).toEqual([
      [iso('2026-04-03T10:00:00'), [], cn('2026-04-03T23:59:59.999')],
      [iso('2026-04-04T00:00:00'), ['remind:complete'], cn('2026-04-05T00:00:00')],
      [iso('2026-04-05T00:00:00'), ['supervise:complete'], cn('2026-04-08T00:00:00')],
    ])
  })

  test('a 立行立改 waiting for its 销号: the supervisors covering its area, then those one level up', () => {
    const recorded: Case = {
      ...submitted(cn('2026-03-25T10:00:00')),
      status: 'pending_closure',
      onTheSpot: true,
      handledBy: ['cadre-a'],
      closureRequest: {
        note: '已当场修好',
        evidence: ['photo-1'],
        standardMet: '灯亮了',
        requestedBy: 'cadre-a',
        requestedAt: cn('2026-03-25T10:00:00'),
      },
    }
    const late = applySupervision(recorded, cn('2026-03-27T10:00:00.001'))
    expect(late?.notifications.map((n) => [n.recipient, n.covering])).toEqual([
      [COVERING_SUPERVISORS, { areaUnitPath: ['district', 'office-a', 'estate-a'], except: ['cadre-a'] }],
    ])
    const escalated = applySupervision(late?.next as Case, cn('2026-03-30T10:00:00.001'))
    expect(escalated?.notifications.map((n) => [n.recipient, n.covering])).toEqual([
      [
        COVERING_SUPERVISORS,
        { areaUnitPath: ['district', 'office-a', 'estate-a'], except: ['cadre-a'], unitId: 'estate-a', above: true },
      ],
    ])
  })

  test('a closed case is never looked at again', () => {
    const doc = assigned(cn('2026-03-25T10:00:00'), cn('2026-03-25T11:00:00'))
    const closed = act(
      act(
        act(doc, 'acknowledge', HANDLER, cn('2026-03-25T12:00:00'), {}),
        'requestClosure',
        HANDLER,
        cn('2026-03-26T10:00:00'),
        {
          note: '已换灯',
          evidence: [],
          standardMet: '灯亮了',
        },
      ),
      'approveClosure',
      DISPATCHER,
      cn('2026-03-26T11:00:00'),
      { note: '' },
    )
    expect(closed.superviseAt).toBeNull()
    expect(applySupervision(closed, cn('2026-05-01T00:00:00'))).toBeNull()
  })
})

describe('how late, in words', () => {
  test.each([
    [0, '逾期 0 小时'],
    [59 * 60_000, '逾期 0 小时'],
    [5 * 3600_000, '逾期 5 小时'],
    [24 * 3600_000, '逾期 1 天 0 小时'],
    [(2 * 24 + 3) * 3600_000 + 59 * 60_000, '逾期 2 天 3 小时'],
  ])('%d ms → %s', (ms, text) => {
    expect(overdueText(1000, 1000 + ms)).toBe(text)
  })
})

describe('督办提醒 is its own WeChat request (at most 3 templates a request)', () => {
  test.each([
    ['cadre', [['taskAssigned', 'taskClosureRejected', 'taskReopened'], ['caseSupervised']]],
    ['supervisor', [['caseSubmitted', 'reviewClosureRequested', 'reviewExtensionRequested'], ['caseSupervised']]],
    ['admin', []],
    ['resident', []],
  ])('%s', (role, requests) => {
    expect(staffTemplateRequests(role)).toEqual(requests)
  })
})
