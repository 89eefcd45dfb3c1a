import type { Case, CaseStatus } from '@core/case/case'
import { newCase } from '@core/case/create'
import {
  applyTransition,
  availableActions,
  CASE_ACTIONS,
  type TransitionParams,
  type CaseAction,
} from '@core/case/lifecycle'
import type { ErrorCode } from '@core/errors'
import { submitCaseInput } from '@core/case/case.schemas'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { DAY_MS } from '@core/time'
import { SYSTEM_ACTOR, type ActorRole, type Principal } from '@core/roles'
import { ROLES } from '@core/roles'

const T0 = Date.UTC(2026, 4, 10, 2, 0, 0)
const REPORTER = 'reporter'
const HANDLER_UNIT = 'office-b'

/** The states a case can be found in, with the variants that matter to some actions. */
const FIXTURE_STATES = [
  'submitted',
  'assigned',
  'in_progress',
  'in_progress_ext',
  'pending_closure',
  'closed',
  'closed_rated',
  'declined',
  'merged',
] as const
type FixtureState = (typeof FIXTURE_STATES)[number]

function fixture(state: FixtureState, handler: string): Case {
  const base = newCase({
    id: 'case-1',
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: '2026-000001',
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: 'fixture-0001',
      category: '住房',
      description: '屋顶漏水很久了',
      areaUnitId: 'estate-a',
      reporter: { name: '张三', phone: '13812345678' },
      subscriptions: ['caseAccepted', 'caseClosed'],
    }),
    actor: { openid: REPORTER, role: 'resident', unitId: null, name: '张三' },
    source: 'resident',
    now: T0,
  })
  const assignment = {
    leadOfficial: '陈书记',
    responsibleUnitId: HANDLER_UNIT,
    handlerOpenid: handler,
    handlerName: '经办人',
    standard: '修好屋顶，雨天不漏',
    assignedBy: 'dispatcher',
    assignedAt: T0,
    acknowledgeBy: T0 + 2 * 3600_000,
    deadline: T0 + 30 * DAY_MS,
  }
  const status: Record<FixtureState, CaseStatus> = {
    submitted: 'submitted',
    assigned: 'assigned',
    in_progress: 'in_progress',
    in_progress_ext: 'in_progress',
    pending_closure: 'pending_closure',
    closed: 'closed',
    closed_rated: 'closed',
    declined: 'declined',
    merged: 'merged',
  }
  const assigned = !['submitted', 'declined', 'merged'].includes(state)
  return {
    ...base,
    status: status[state],
    version: 3,
    assignment: assigned ? assignment : null,
    handledBy: assigned ? ['earlier-handler', handler] : [],
    pendingExtension:
      state === 'in_progress_ext' ? { deadline: T0 + 40 * DAY_MS, reason: '材料未到', requestedAt: T0 } : null,
    closureRequest:
      state === 'pending_closure'
        ? { note: '已修好', evidence: [], standardMet: '雨天不漏', requestedBy: handler, requestedAt: T0 }
        : null,
    closedAt: state.startsWith('closed') ? T0 + DAY_MS : null,
    awaitingRating: state === 'closed',
    // Closed and unrated: the reporter could not be told, so the case waits for a 回访 call.
    needsCallback: state === 'closed',
    ratings:
      state === 'closed_rated'
        ? [
            {
              solved: 'solved',
              satisfaction: 'satisfied',
              comment: '',
              at: T0 + 2 * DAY_MS,
              byCall: false,
              byDefault: false,
              recordedBy: null,
            },
          ]
        : [],
    mergedInto: state === 'merged' ? { id: 'case-0', number: '2026-000000' } : null,
  }
}

/** How an actor stands to the fixture case (the handler's unit is outside the case's area). */
const RELATIONS = ['reporter', 'handler', 'subtree', 'handledBefore', 'outside'] as const
type Relation = (typeof RELATIONS)[number]

function actorFor(role: ActorRole, relation: Relation): Principal {
  const unit = {
    reporter: null,
    handler: HANDLER_UNIT,
    subtree: 'office-a',
    handledBefore: 'office-a',
    outside: 'office-c',
  }[relation]
  const openid = {
    reporter: REPORTER,
    handler: `handler-${role}`,
    subtree: `sub-${role}`,
    handledBefore: 'earlier-handler',
    outside: `out-${role}`,
  }[relation]
  return { openid, role, unitId: unit, name: openid }
}

const PARAMS: { [A in CaseAction]: TransitionParams[A] } = {
  assign: {
    leadOfficial: '陈书记',
    responsibleUnit: { id: HANDLER_UNIT, path: ['district', HANDLER_UNIT] },
    handler: { openid: 'new-handler', name: '新经办人' },
    standard: '修好屋顶',
    // No deadline chosen: the urgency's default (the rule for a chosen one is assign-deadline.test.ts's).
  },
  acknowledge: {},
  sendBack: { reason: '属地不符', note: '不在本单位' },
  reassign: { handler: { openid: 'new-handler', name: '新经办人' }, reason: '原经办人长期病假' },
  addProgress: { note: '已联系物业', photos: [], visibleToReporter: true },
  requestExtension: { deadline: T0 + 45 * DAY_MS, reason: '需要采购材料' },
  approveExtension: {},
  rejectExtension: { reason: '时间足够' },
  requestClosure: { note: '已修好', evidence: [], standardMet: '雨天不漏' },
  approveClosure: { note: '' },
  rejectClosure: { reason: '照片不清楚' },
  decline: { reason: '不属于受理范围' },
  merge: { target: { id: 'case-9', number: '2026-000009' } },
  rate: { solved: 'solved', satisfaction: 'satisfied', comment: '' },
  rateByCall: { solved: 'solved', satisfaction: 'basically', comment: '电话回访' },
  rateByDefault: {},
  addSupervisionNote: { note: '请本周内修好' },
  replySupervisionNote: { note: '材料已到，周五修' },
  markPledge: { leader: { id: 'leader-1', name: '王主任' }, unit: null },
}

/**
 * The expected outcomes, written out by hand from DESIGN.md §3–§4 and the issues: for each action,
 * who may take it (role·relation), from which fixture states, where it leads, and the refusal code
 * of each state the action's own rules refuse. Permission is asked before state, so a caller who
 * may not act learns nothing of the case's state, and a permission regression shows in every row.
 */
const HANDLERS = ['cadre·handler', 'supervisor·handler']
const DISPATCHERS = ['supervisor·subtree', 'supervisor·handledBefore']
// 回访: officials of the area, never one who handled the case (they would be rating their own work).
const CALLERS = ['cadre·subtree', 'supervisor·subtree']
const EXPECTED: Record<
  CaseAction,
  { from: FixtureState[]; by: string[]; to: CaseStatus | 'same'; refused?: Partial<Record<FixtureState, ErrorCode>> }
> = {
  assign: { from: ['submitted'], by: DISPATCHERS, to: 'assigned' },
  acknowledge: { from: ['assigned'], by: HANDLERS, to: 'in_progress' },
  sendBack: { from: ['assigned'], by: HANDLERS, to: 'submitted' },
  // 改派: a supervisor of the area, while someone works on it; the new handler must 签收 again.
  reassign: { from: ['assigned', 'in_progress', 'in_progress_ext'], by: DISPATCHERS, to: 'assigned' },
  addProgress: { from: ['in_progress', 'in_progress_ext'], by: HANDLERS, to: 'same' },
  requestExtension: {
    from: ['in_progress', 'in_progress_ext'],
    by: HANDLERS,
    to: 'same',
    refused: { in_progress_ext: 'CASE.EXTENSION_PENDING' },
  },
  // Whoever handled the case may not approve its extension (a supervisor who took it on himself).
  approveExtension: {
    from: ['in_progress', 'in_progress_ext'],
    by: ['supervisor·subtree'],
    to: 'same',
    refused: { in_progress: 'CASE.NO_EXTENSION' },
  },
  rejectExtension: {
    from: ['in_progress', 'in_progress_ext'],
    by: ['supervisor·subtree'],
    to: 'same',
    refused: { in_progress: 'CASE.NO_EXTENSION' },
  },
  requestClosure: { from: ['in_progress', 'in_progress_ext'], by: HANDLERS, to: 'pending_closure' },
  // Separation of duties: whoever handled the case may not review its closure.
  approveClosure: { from: ['pending_closure'], by: ['supervisor·subtree'], to: 'closed' },
  rejectClosure: { from: ['pending_closure'], by: ['supervisor·subtree'], to: 'in_progress' },
  decline: { from: ['submitted'], by: DISPATCHERS, to: 'declined' },
  merge: { from: ['submitted'], by: DISPATCHERS, to: 'merged' },
  rate: {
    from: ['closed', 'closed_rated'],
    by: ['resident·reporter'],
    to: 'closed',
    refused: { closed_rated: 'CASE.ALREADY_RATED' },
  },
  rateByCall: {
    from: ['closed', 'closed_rated'],
    by: CALLERS,
    to: 'closed',
    refused: { closed_rated: 'CASE.ALREADY_RATED' },
  },
  // 默认满意 is the system's, never a person's (the fixture closed 8 days before "now").
  rateByDefault: {
    from: ['closed', 'closed_rated'],
    by: ['system·reporter', 'system·handler', 'system·subtree', 'system·handledBefore', 'system·outside'],
    to: 'closed',
    refused: { closed_rated: 'CASE.ALREADY_RATED' },
  },
  // 督办意见: a supervisor of the area on a case being worked; never one who handled it.
  addSupervisionNote: {
    from: ['assigned', 'in_progress', 'in_progress_ext', 'pending_closure'],
    by: ['supervisor·subtree'],
    to: 'same',
  },
  // The handler answers a note; the fixtures hold none (the answered one is below).
  replySupervisionNote: {
    from: ['assigned', 'in_progress', 'in_progress_ext', 'pending_closure'],
    by: HANDLERS,
    to: 'same',
    refused: {
      assigned: 'CASE.NO_SUPERVISION_NOTE',
      in_progress: 'CASE.NO_SUPERVISION_NOTE',
      in_progress_ext: 'CASE.NO_SUPERVISION_NOTE',
      pending_closure: 'CASE.NO_SUPERVISION_NOTE',
    },
  },
  // 领办: a supervisor of the area names who takes the case on, from 派单 on (closed ones too).
  markPledge: {
    from: ['assigned', 'in_progress', 'in_progress_ext', 'pending_closure', 'closed', 'closed_rated'],
    by: DISPATCHERS,
    to: 'same',
  },
}

/** States in which the fixture has a handler and a list of those who handled it. */
const ASSIGNED_STATES: FixtureState[] = [
  'assigned',
  'in_progress',
  'in_progress_ext',
  'pending_closure',
  'closed',
  'closed_rated',
]
/** Actions no one who handled the case may take (and the 回访 call, which rates their work; and 督办). */
const REVIEWS: CaseAction[] = [
  'approveClosure',
  'rejectClosure',
  'approveExtension',
  'rejectExtension',
  'rateByCall',
  'addSupervisionNote',
]

/** Whether the permission table lets this role·relation act on the fixture in this state. */
function permitted(action: CaseAction, role: ActorRole, relation: Relation, state: FixtureState): boolean {
  const assigned = ASSIGNED_STATES.includes(state)
  // The handler relation holds only while the case has a handler.
  if (relation === 'handler' && !assigned && (role === 'cadre' || role === 'supervisor')) return false
  // Before anyone handled the case, the earlier handler is just a supervisor of the area.
  if (relation === 'handledBefore' && !assigned && REVIEWS.includes(action)) {
    return role === 'supervisor' || (role === 'cadre' && action === 'rateByCall')
  }
  return EXPECTED[action].by.includes(`${role}·${relation}`)
}

function expectedOutcome(
  action: CaseAction,
  role: ActorRole,
  relation: Relation,
  state: FixtureState,
): 'ok' | ErrorCode {
  if (!permitted(action, role, relation, state)) return 'AUTH.FORBIDDEN'
  if (!EXPECTED[action].from.includes(state)) return 'CASE.INVALID_TRANSITION'
  return EXPECTED[action].refused?.[state] ?? 'ok'
}

const NOW = T0 + 9 * DAY_MS
const ALL_ROLES: ActorRole[] = [...ROLES, 'system']

describe('every (state, action, role, relation) of the lifecycle', () => {
  test('the expectations cover exactly the actions of the code', () => {
    expect([...CASE_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  const rows = FIXTURE_STATES.flatMap((state) =>
    CASE_ACTIONS.flatMap((action) =>
      ALL_ROLES.flatMap((role) => RELATIONS.map((relation) => ({ state, action, role, relation }))),
    ),
  )

  test.each(rows)('$state · $action · $role · $relation', ({ state, action, role, relation }) => {
    const actor = actorFor(role, relation)
    const doc = fixture(state, actorFor(role, 'handler').openid)
    const before = JSON.stringify(doc)
    const expected = EXPECTED[action]
    const outcome = expectedOutcome(action, role, relation, state)
    const result = applyTransition(doc, action, PARAMS[action] as never, {
      actor,
      now: NOW,
      limits: DEFAULT_TIME_LIMITS,
    })
    expect(JSON.stringify(doc)).toBe(before)
    // What the page is told it may do agrees with what the server then does.
    expect(availableActions(actor, doc, NOW).includes(action)).toBe(outcome === 'ok')
    if (outcome !== 'ok') {
      expect(result).toMatchObject({ ok: false, code: outcome })
      return
    }
    if (!result.ok) throw new Error(`expected ${action} to succeed: ${result.code} ${result.message}`)
    const { next, event } = result.data
    expect(next.status).toBe(expected.to === 'same' ? doc.status : expected.to)
    expect(next.version).toBe(doc.version + 1)
    expect(next.timeline).toEqual([...doc.timeline, event])
    expect(event).toMatchObject({ type: action, from: doc.status, to: next.status, by: { openid: actor.openid, role } })
  })

  test('the rows hold every kind of outcome', () => {
    const counts = new Map<string, number>()
    for (const { state, action, role, relation } of rows) {
      const outcome = expectedOutcome(action, role, relation, state)
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
    }
    expect(Object.fromEntries([...counts].sort())).toEqual({
      'AUTH.FORBIDDEN': expect.any(Number),
      'CASE.ALREADY_RATED': expect.any(Number),
      'CASE.EXTENSION_PENDING': expect.any(Number),
      'CASE.INVALID_TRANSITION': expect.any(Number),
      'CASE.NO_EXTENSION': expect.any(Number),
      'CASE.NO_SUPERVISION_NOTE': expect.any(Number),
      ok: expect.any(Number),
    })
  })
})

describe('what the actions do', () => {
  const supervisor = actorFor('supervisor', 'subtree')
  const ctx = { actor: supervisor, now: T0 + 3 * DAY_MS, limits: DEFAULT_TIME_LIMITS }

  test('assign sets the assignment with default deadlines from urgency, and widens the scope to the responsible unit', () => {
    const result = applyTransition(fixture('submitted', 'x'), 'assign', PARAMS.assign, ctx)
    if (!result.ok) throw new Error(result.message)
    const { assignment, scopeUnitIds, handledBy } = result.data.next
    expect(assignment).toMatchObject({
      handlerOpenid: 'new-handler',
      standard: '修好屋顶',
      assignedBy: supervisor.openid,
    })
    // normal: 签收 within 24 h of assignment; done by the end of the 7th day after submission (UTC+8).
    expect(assignment?.acknowledgeBy).toBe(ctx.now + 24 * 3600_000)
    expect(assignment?.deadline).toBe(Date.UTC(2026, 4, 17, 15, 59, 59, 999))
    expect(scopeUnitIds).toEqual(['district', 'office-a', 'estate-a', HANDLER_UNIT])
    expect(handledBy).toEqual(['new-handler'])
  })

  test('an approved extension moves the deadline; a rejected one leaves it', () => {
    const doc = fixture('in_progress_ext', 'h')
    const approved = applyTransition(doc, 'approveExtension', {}, ctx)
    const rejected = applyTransition(doc, 'rejectExtension', { reason: '不行' }, ctx)
    expect(approved.ok && approved.data.next.assignment?.deadline).toBe(T0 + 40 * DAY_MS)
    expect(rejected.ok && rejected.data.next.assignment?.deadline).toBe(T0 + 30 * DAY_MS)
    expect(approved.ok && approved.data.next.pendingExtension).toBeNull()
  })

  test('an extension is refused after the deadline, or for an earlier date', () => {
    const handler = actorFor('cadre', 'handler')
    const doc = fixture('in_progress', handler.openid)
    const late = applyTransition(doc, 'requestExtension', PARAMS.requestExtension, {
      ...ctx,
      actor: handler,
      now: T0 + 31 * DAY_MS,
    })
    expect(late).toMatchObject({ ok: false, code: 'CASE.EXTENSION_TOO_LATE' })
    const earlier = applyTransition(
      doc,
      'requestExtension',
      { deadline: T0 + 10 * DAY_MS, reason: '提前' },
      { ...ctx, actor: handler },
    )
    expect(earlier).toMatchObject({ ok: false, code: 'CASE.BAD_DEADLINE' })
  })

  test('未解决 or 不满意 reopens once; the answer after the second closure is final', () => {
    const reporter = actorFor('resident', 'reporter')
    const first = applyTransition(
      fixture('closed', 'h'),
      'rate',
      { solved: 'unsolved', satisfaction: 'basically', comment: '还在漏' },
      { ...ctx, actor: reporter },
    )
    if (!first.ok) throw new Error(first.message)
    expect(first.data.next).toMatchObject({ status: 'in_progress', reopened: true, awaitingRating: false })
    // Closed again later, and still unhappy: final.
    const closedAgain: Case = { ...first.data.next, status: 'closed', closedAt: T0 + 10 * DAY_MS, awaitingRating: true }
    const second = applyTransition(
      closedAgain,
      'rate',
      { solved: 'solved', satisfaction: 'dissatisfied', comment: '' },
      { ...ctx, actor: reporter, now: T0 + 11 * DAY_MS },
    )
    if (!second.ok) throw new Error(second.message)
    expect(second.data.next).toMatchObject({ status: 'closed', awaitingRating: false })
    expect(second.data.next.ratings).toHaveLength(2)
    const third = applyTransition(second.data.next, 'rate', PARAMS.rate, {
      ...ctx,
      actor: reporter,
      now: T0 + 12 * DAY_MS,
    })
    expect(third).toMatchObject({ ok: false, code: 'CASE.ALREADY_RATED' })
  })

  test('internal steps stay internal: the reporter sees 受理 and 办结 but not 退单 or 销号申请', () => {
    const visible = (action: CaseAction, state: FixtureState, actor: Principal) => {
      const result = applyTransition(fixture(state, 'handler-cadre'), action, PARAMS[action] as never, {
        ...ctx,
        actor,
      })
      if (!result.ok) throw new Error(result.message)
      return result.data.event.visibleToReporter
    }
    const handler = actorFor('cadre', 'handler')
    expect(visible('assign', 'submitted', supervisor)).toBe(true)
    expect(visible('sendBack', 'assigned', handler)).toBe(false)
    expect(visible('requestClosure', 'in_progress', handler)).toBe(false)
    expect(visible('approveClosure', 'pending_closure', supervisor)).toBe(true)
    expect(visible('rejectClosure', 'pending_closure', supervisor)).toBe(false)
  })
})

describe('默认满意 runs through the table as the system', () => {
  test('the system rates a case closed 7 days ago, flagged as a default, and the event names the system', () => {
    const result = applyTransition(
      fixture('closed', 'h'),
      'rateByDefault',
      {},
      {
        actor: SYSTEM_ACTOR,
        now: NOW,
        limits: DEFAULT_TIME_LIMITS,
      },
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.data.next).toMatchObject({ status: 'closed', awaitingRating: false, needsCallback: false })
    expect(result.data.next.ratings.at(-1)).toMatchObject({
      solved: 'solved',
      satisfaction: 'satisfied',
      byDefault: true,
    })
    expect(result.data.event).toMatchObject({ type: 'rateByDefault', by: { openid: 'system', role: 'system' } })
  })

  test('not before the waiting period is over', () => {
    const result = applyTransition(
      fixture('closed', 'h'),
      'rateByDefault',
      {},
      {
        actor: SYSTEM_ACTOR,
        now: T0 + 7 * DAY_MS,
        limits: DEFAULT_TIME_LIMITS,
      },
    )
    expect(result).toMatchObject({ ok: false, code: 'CASE.RATING_NOT_DUE' })
  })

  test('an admin may not pretend to be the system', () => {
    const admin = actorFor('admin', 'outside')
    const result = applyTransition(
      fixture('closed', 'h'),
      'rateByDefault',
      {},
      {
        actor: admin,
        now: NOW,
        limits: DEFAULT_TIME_LIMITS,
      },
    )
    expect(result).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})

describe('the next state comes from the table', () => {
  const supervisor = actorFor('supervisor', 'subtree')
  const ctx = { actor: supervisor, now: NOW, limits: DEFAULT_TIME_LIMITS }

  test('a refused 立行立改 nobody was assigned goes back to 待派单, an assigned case back to its handler', () => {
    const onTheSpot: Case = { ...fixture('pending_closure', 'h'), assignment: null, onTheSpot: true }
    const refused = applyTransition(onTheSpot, 'rejectClosure', { reason: '证据不足' }, ctx)
    expect(refused.ok && refused.data.next.status).toBe('submitted')
    const assigned = applyTransition(fixture('pending_closure', 'h'), 'rejectClosure', { reason: '证据不足' }, ctx)
    expect(assigned.ok && assigned.data.next.status).toBe('in_progress')
  })

  test('a satisfied answer keeps the case closed; 不满意 reopens it once', () => {
    const reporter = actorFor('resident', 'reporter')
    const happy = applyTransition(fixture('closed', 'h'), 'rate', PARAMS.rate, { ...ctx, actor: reporter })
    expect(happy.ok && happy.data.next.status).toBe('closed')
    const unhappy = applyTransition(
      fixture('closed', 'h'),
      'rate',
      { solved: 'solved', satisfaction: 'dissatisfied', comment: '' },
      { ...ctx, actor: reporter },
    )
    expect(unhappy.ok && unhappy.data.next.status).toBe('in_progress')
  })
})

describe('what a person is offered on a case', () => {
  test('a cadre who handled a 匿名 case may not make its 回访 call; another cadre of the area may', () => {
    const anonymous: Case = {
      ...fixture('closed', 'h'),
      reporter: { ...fixture('closed', 'h').reporter, anonymous: true },
    }
    const earlier = actorFor('cadre', 'handledBefore')
    const other = actorFor('cadre', 'subtree')
    expect(availableActions(earlier, anonymous, NOW)).not.toContain('rateByCall')
    expect(
      applyTransition(anonymous, 'rateByCall', PARAMS.rateByCall, {
        actor: earlier,
        now: NOW,
        limits: DEFAULT_TIME_LIMITS,
      }),
    ).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
    expect(availableActions(other, anonymous, NOW)).toEqual(['rateByCall'])
  })

  test('the handler of a case in progress is offered the work, a supervisor of the area only 改派, 督办 and 领办 while no extension waits', () => {
    const handler = actorFor('cadre', 'handler')
    expect(availableActions(handler, fixture('in_progress', handler.openid), NOW).sort()).toEqual(
      ['addProgress', 'requestClosure', 'requestExtension'].sort(),
    )
    expect(availableActions(actorFor('supervisor', 'subtree'), fixture('in_progress', 'h'), NOW).sort()).toEqual(
      ['addSupervisionNote', 'reassign', 'markPledge'].sort(),
    )
    expect(availableActions(actorFor('supervisor', 'subtree'), fixture('in_progress_ext', 'h'), NOW).sort()).toEqual(
      ['approveExtension', 'rejectExtension', 'addSupervisionNote', 'reassign', 'markPledge'].sort(),
    )
  })

  test('no extension is offered once the deadline has passed', () => {
    const handler = actorFor('cadre', 'handler')
    expect(availableActions(handler, fixture('in_progress', handler.openid), T0 + 31 * DAY_MS)).not.toContain(
      'requestExtension',
    )
  })
})

describe('the 回访 call rates the work: only for a reporter who could not be told, never by those being judged', () => {
  const ctx = (actor: Principal) => ({ actor, now: NOW, limits: DEFAULT_TIME_LIMITS })

  test('a reporter who was told of the closure answers himself: no 回访 call is recorded for him', () => {
    const told: Case = { ...fixture('closed', 'h'), needsCallback: false }
    const other = actorFor('cadre', 'subtree')
    expect(availableActions(other, told, NOW)).not.toContain('rateByCall')
    expect(applyTransition(told, 'rateByCall', PARAMS.rateByCall, ctx(other))).toMatchObject({
      ok: false,
      code: 'CASE.NO_CALLBACK',
    })
  })

  test('the supervisor who approved the closure may not record the call', () => {
    const approver = actorFor('supervisor', 'subtree')
    const approved = applyTransition(fixture('pending_closure', 'h'), 'approveClosure', { note: '' }, ctx(approver))
    if (!approved.ok) throw new Error(approved.message)
    const waiting: Case = { ...approved.data.next, needsCallback: true }
    expect(applyTransition(waiting, 'rateByCall', PARAMS.rateByCall, ctx(approver))).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
    const another: Principal = { ...approver, openid: 'sup-other' }
    expect(applyTransition(waiting, 'rateByCall', PARAMS.rateByCall, ctx(another)).ok).toBe(true)
  })
})

describe('督办意见 and the reply', () => {
  const supervisor = actorFor('supervisor', 'subtree')
  const handler = actorFor('cadre', 'handler')

  test('a note waits for the handler; a second keeps the first one’s time; the reply clears it and is internal', () => {
    const noted = applyTransition(
      fixture('in_progress', handler.openid),
      'addSupervisionNote',
      PARAMS.addSupervisionNote,
      {
        actor: supervisor,
        now: NOW,
        limits: DEFAULT_TIME_LIMITS,
      },
    )
    if (!noted.ok) throw new Error(noted.code)
    expect(noted.data.next.supervisionNote).toEqual({
      note: '请本周内修好',
      by: supervisor.openid,
      byName: supervisor.name,
      at: NOW,
    })
    expect(noted.data.notifications.map((n) => [n.template, n.recipient, n.text])).toEqual([
      ['caseSupervised', handler.openid, '督办意见：请本周内修好'],
    ])
    const again = applyTransition(
      noted.data.next,
      'addSupervisionNote',
      { note: '今天务必回复' },
      {
        actor: supervisor,
        now: NOW + 3600_000,
        limits: DEFAULT_TIME_LIMITS,
      },
    )
    if (!again.ok) throw new Error(again.code)
    expect(again.data.next.supervisionNote).toMatchObject({ note: '今天务必回复', at: NOW })
    expect(availableActions(handler, again.data.next, NOW)).toContain('replySupervisionNote')
    const replied = applyTransition(again.data.next, 'replySupervisionNote', PARAMS.replySupervisionNote, {
      actor: handler,
      now: NOW + 7200_000,
      limits: DEFAULT_TIME_LIMITS,
    })
    if (!replied.ok) throw new Error(replied.code)
    expect(replied.data.next.supervisionNote).toBeNull()
    expect(replied.data.event).toMatchObject({
      type: 'replySupervisionNote',
      note: '材料已到，周五修',
      visibleToReporter: false,
    })
    expect(replied.data.notifications.map((n) => [n.recipient, n.text])).toEqual([
      [supervisor.openid, '经办人回复：材料已到，周五修'],
    ])
    expect(availableActions(handler, replied.data.next, NOW)).not.toContain('replySupervisionNote')
  })
})

test('a 立行立改 waiting for its 销号 has no handler to chase: CASE.NO_HANDLER', () => {
  const onTheSpot: Case = { ...fixture('pending_closure', 'h'), assignment: null, onTheSpot: true }
  const result = applyTransition(onTheSpot, 'addSupervisionNote', PARAMS.addSupervisionNote, {
    actor: actorFor('supervisor', 'subtree'),
    now: NOW,
    limits: DEFAULT_TIME_LIMITS,
  })
  expect(result).toMatchObject({ ok: false, code: 'CASE.NO_HANDLER' })
})
