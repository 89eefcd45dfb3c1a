import type { Case, CaseStatus } from '@core/case/case'
import { newCase } from '@core/case/create'
import { applyTransition, CASE_ACTIONS, type ActionParams, type CaseAction } from '@core/case/lifecycle'
import { submitCaseInput } from '@core/case/case.schemas'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { DAY_MS } from '@core/time'
import type { Actor, Role } from '@core/roles'
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

function actorFor(role: Role, relation: Relation): Actor {
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

const PARAMS: { [A in CaseAction]: ActionParams[A] } = {
  assign: {
    leadOfficial: '陈书记',
    responsibleUnit: { id: HANDLER_UNIT, path: ['district', HANDLER_UNIT] },
    handler: { openid: 'new-handler', name: '新经办人' },
    standard: '修好屋顶',
  },
  acknowledge: {},
  sendBack: { reason: '属地不符', note: '不在本单位' },
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
}

/**
 * The expected outcomes, written out by hand from DESIGN.md §3–§4 and the issue:
 * from which fixture states each action succeeds, for which role·relation pairs, and where it leads.
 */
const HANDLERS = ['cadre·handler', 'supervisor·handler']
const DISPATCHERS = ['supervisor·subtree', 'supervisor·handledBefore']
const EXPECTED: Record<CaseAction, { from: FixtureState[]; by: string[]; to: CaseStatus | 'same' }> = {
  assign: { from: ['submitted'], by: DISPATCHERS, to: 'assigned' },
  acknowledge: { from: ['assigned'], by: HANDLERS, to: 'in_progress' },
  sendBack: { from: ['assigned'], by: HANDLERS, to: 'submitted' },
  addProgress: { from: ['in_progress', 'in_progress_ext'], by: HANDLERS, to: 'same' },
  requestExtension: { from: ['in_progress'], by: HANDLERS, to: 'same' },
  approveExtension: { from: ['in_progress_ext'], by: DISPATCHERS, to: 'same' },
  rejectExtension: { from: ['in_progress_ext'], by: DISPATCHERS, to: 'same' },
  requestClosure: { from: ['in_progress', 'in_progress_ext'], by: HANDLERS, to: 'pending_closure' },
  // Separation of duties: whoever handled the case may not review its closure.
  approveClosure: { from: ['pending_closure'], by: ['supervisor·subtree'], to: 'closed' },
  rejectClosure: { from: ['pending_closure'], by: ['supervisor·subtree'], to: 'in_progress' },
  decline: { from: ['submitted'], by: DISPATCHERS, to: 'declined' },
  merge: { from: ['submitted'], by: DISPATCHERS, to: 'merged' },
  rate: { from: ['closed'], by: ['resident·reporter'], to: 'closed' },
  rateByCall: { from: ['closed'], by: ['cadre·subtree', 'cadre·handledBefore'], to: 'closed' },
}

describe('every (state, action, role, relation) of the lifecycle', () => {
  test('the expectations cover exactly the actions of the code', () => {
    expect([...CASE_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  const rows = FIXTURE_STATES.flatMap((state) =>
    CASE_ACTIONS.flatMap((action) =>
      ROLES.flatMap((role) => RELATIONS.map((relation) => ({ state, action, role, relation }))),
    ),
  )

  test.each(rows)('$state · $action · $role · $relation', ({ state, action, role, relation }) => {
    const actor = actorFor(role, relation)
    const doc = fixture(state, actorFor(role, 'handler').openid)
    const before = JSON.stringify(doc)
    const expected = EXPECTED[action]
    const allowed = expected.from.includes(state) && expected.by.includes(`${role}·${relation}`)
    const result = applyTransition(doc, action, PARAMS[action] as never, {
      actor,
      now: T0 + 3 * DAY_MS,
      limits: DEFAULT_TIME_LIMITS,
    })
    expect(JSON.stringify(doc)).toBe(before)
    if (!allowed) {
      expect(result.ok).toBe(false)
      return
    }
    if (!result.ok) throw new Error(`expected ${action} to succeed: ${result.code} ${result.message}`)
    const { next, event } = result.data
    expect(next.status).toBe(expected.to === 'same' ? doc.status : expected.to)
    expect(next.version).toBe(doc.version + 1)
    expect(next.timeline).toEqual([...doc.timeline, event])
    expect(event).toMatchObject({ type: action, from: doc.status, to: next.status, by: { openid: actor.openid, role } })
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
    const visible = (action: CaseAction, state: FixtureState, actor: Actor) => {
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
