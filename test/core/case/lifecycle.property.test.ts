import fc from 'fast-check'
import type { Case } from '@core/case/case'
import { newCase } from '@core/case/create'
import { submitCaseInput } from '@core/case/case.schemas'
import { applyTransition, CASE_ACTIONS, type TransitionParams, type CaseAction } from '@core/case/lifecycle'
import { dueAt } from '@core/case/overdue'
import { nextSuperviseAt } from '@core/case/supervision'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { DAY_MS, HOUR_MS } from '@core/time'
import type { Actor } from '@core/roles'

const T0 = Date.UTC(2026, 6, 1, 1, 0, 0)

const ACTORS: Actor[] = [
  { openid: 'reporter', role: 'resident', unitId: null, name: '群众' },
  { openid: 'stranger', role: 'resident', unitId: null, name: '路人' },
  { openid: 'cadre-a', role: 'cadre', unitId: 'office-a', name: '干部甲' },
  { openid: 'cadre-b', role: 'cadre', unitId: 'office-b', name: '干部乙' },
  { openid: 'sup-a', role: 'supervisor', unitId: 'office-a', name: '领导甲' },
  { openid: 'sup-a2', role: 'supervisor', unitId: 'office-a', name: '领导丙' },
  { openid: 'sup-b', role: 'supervisor', unitId: 'office-b', name: '领导乙' },
  { openid: 'admin', role: 'admin', unitId: 'district', name: '管理员' },
]
const HANDLER_CANDIDATES = ['cadre-a', 'cadre-b', 'sup-a', 'sup-a2']

function start(): Case {
  return newCase({
    id: 'c1',
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: '2026-000001',
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: 'prop-00000001',
      category: '养老',
      description: '老人需要助餐',
      areaUnitId: 'estate-a',
      reporter: { name: '李四', phone: '13812345678' },
    }),
    actor: ACTORS[0] as Actor,
    source: 'resident',
    now: T0,
  })
}

function paramsFor(action: CaseAction, pick: number, now: number): TransitionParams[CaseAction] {
  const handler = HANDLER_CANDIDATES[pick % HANDLER_CANDIDATES.length] as string
  const answers = [
    { solved: 'solved', satisfaction: 'satisfied', comment: '' },
    { solved: 'unsolved', satisfaction: 'basically', comment: '没修好' },
    { solved: 'solved', satisfaction: 'dissatisfied', comment: '太慢' },
  ] as const
  const all: { [A in CaseAction]: TransitionParams[A] } = {
    assign: {
      leadOfficial: '领导',
      responsibleUnit: { id: 'office-a', path: ['district', 'office-a'] },
      handler: { openid: handler, name: handler },
      standard: '按时解决',
      // No deadline chosen: the urgency's default, or the end of today once the walk's clock ran past it.
    },
    acknowledge: {},
    sendBack: { reason: '其他', note: '' },
    reassign: { handler: { openid: handler, name: handler }, reason: '换人办理' },
    addProgress: { note: '进展', photos: [], visibleToReporter: pick % 2 === 0 },
    requestExtension: { deadline: now + (20 + (pick % 10)) * DAY_MS, reason: '需要时间' },
    approveExtension: {},
    rejectExtension: { reason: '不同意' },
    requestClosure: { note: '办好了', evidence: [], standardMet: '达到' },
    approveClosure: { note: '' },
    rejectClosure: { reason: '再看看' },
    decline: { reason: '不受理' },
    merge: { target: { id: 'c0', number: '2026-000000' } },
    rate: answers[pick % 3] as TransitionParams['rate'],
    rateByCall: answers[(pick + 1) % 3] as TransitionParams['rateByCall'],
    rateByDefault: {},
    addSupervisionNote: { note: '请加快进度' },
    replySupervisionNote: { note: '正在办理' },
    // 领办: a leader, a unit, or nobody (the same choice twice is refused as no change).
    markPledge: [
      { leader: { id: 'leader-1', name: '王主任' }, unit: null },
      { leader: null, unit: { id: 'office-a', name: '东湖办事处' } },
      { leader: null, unit: null },
    ][pick % 3] as TransitionParams['markPledge'],
  }
  return all[action]
}

const TERMINAL: CaseAction[] = ['decline', 'merge']
/** 督办 notes and replies change no state: asked for now and then, so walks still get deep. */
const SIDE_NOTES: CaseAction[] = ['addSupervisionNote', 'replySupervisionNote', 'markPledge']
/**
 * Actions and actors are random, but weighted so that walks often reach deep states: the actor is
 * frequently whoever the case's next step needs (its handler, a supervisor of its area, its
 * reporter), and the actions that end a case are rarer.
 */
const step = fc.record({
  action: fc.oneof(
    {
      arbitrary: fc.constantFrom(
        ...CASE_ACTIONS.filter((action) => !TERMINAL.includes(action) && !SIDE_NOTES.includes(action)),
      ),
      weight: 80,
    },
    { arbitrary: fc.constantFrom(...SIDE_NOTES), weight: 8 },
    { arbitrary: fc.constantFrom(...TERMINAL), weight: 1 },
    // The reporter's answer is what reopens a case: ask for it often enough to get there.
    { arbitrary: fc.constant<CaseAction>('rate'), weight: 10 },
  ),
  actor: fc.oneof(
    { arbitrary: fc.constantFrom('handler', 'dispatcher', 'reporter'), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: ACTORS.length - 1 }), weight: 1 },
  ),
  pick: fc.nat(100),
  hours: fc.integer({ min: 0, max: 72 }),
})

function resolveActor(choice: string | number, doc: Case): Actor {
  if (typeof choice === 'number') return ACTORS[choice] as Actor
  const byId = (openid: string) => ACTORS.find((actor) => actor.openid === openid) as Actor
  if (choice === 'reporter') return byId('reporter')
  if (choice === 'handler') return byId(doc.assignment?.handlerOpenid ?? 'cadre-a')
  return byId(doc.handledBy.includes('sup-a') ? 'sup-a2' : 'sup-a')
}

/**
 * Invariants stated independently of the lifecycle table, over random sequences of actions by
 * random actors. The seed is fixed so that a run is repeatable and its coverage check stable;
 * change it to explore other sequences.
 */
test('random sequences of actions keep the case consistent', () => {
  const reached = new Set<string>()
  fc.assert(
    fc.property(fc.array(step, { minLength: 30, maxLength: 120 }), (steps) => {
      let doc = start()
      let now = T0
      const handlers = new Set<string>()
      for (const { action, actor, pick, hours } of steps) {
        now += hours * HOUR_MS
        const before = doc
        const snapshot = JSON.stringify(before)
        const result = applyTransition(doc, action, paramsFor(action, pick, now) as never, {
          actor: resolveActor(actor, doc),
          now,
          limits: DEFAULT_TIME_LIMITS,
        })
        // A refusal changes nothing.
        expect(JSON.stringify(before)).toBe(snapshot)
        if (!result.ok) continue
        // Declined and merged cases accept no further change.
        expect(['declined', 'merged']).not.toContain(before.status)
        doc = result.data.next
        reached.add(doc.status)
        if (doc.reopened) reached.add('reopened')
        // The timeline grows by exactly one event and never loses one.
        expect(doc.timeline).toHaveLength(before.timeline.length + 1)
        expect(doc.timeline.slice(0, -1)).toEqual(before.timeline)
        // The stored due time is always the one the core derives (the 已超期 queue filters on it).
        expect(doc.dueAt).toBe(dueAt(doc))
        // So is the moment the 督办 job looks at it next.
        expect(doc.superviseAt).toBe(nextSuperviseAt(doc))
        // The version strictly increases.
        expect(doc.version).toBeGreaterThan(before.version)
        if (doc.assignment) handlers.add(doc.assignment.handlerOpenid)
        // Whoever handles the case now is among those who handled it (none of them may approve it).
        if (doc.assignment) expect(doc.handledBy).toContain(doc.assignment.handlerOpenid)
        // Every closed case was approved by someone who never handled it.
        if (doc.status === 'closed') {
          const approvals = doc.timeline.filter((event) => event.type === 'approveClosure')
          expect(approvals.length).toBeGreaterThan(0)
          const lastApproval = approvals[approvals.length - 1]
          expect(handlers.has(lastApproval?.by.openid ?? '')).toBe(false)
        }
      }
    }),
    { numRuns: 600, seed: 20261124 },
  )
  // The random walks must actually get somewhere, or the invariants above prove little.
  expect([...reached].sort()).toEqual(
    ['assigned', 'closed', 'declined', 'in_progress', 'merged', 'pending_closure', 'reopened', 'submitted'].sort(),
  )
})
