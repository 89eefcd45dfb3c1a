import type { Case } from '@core/case/case'
import { submitCaseInput } from '@core/case/case.schemas'
import { newCase } from '@core/case/create'
import { applyTransition, availableActions, type CaseAction, type TransitionParams } from '@core/case/lifecycle'
import { reassignInput } from '@core/case/lifecycle.schemas'
import { isOverdue } from '@core/case/overdue'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { viewCaseFor } from '@core/case/views'
import type { Actor } from '@core/roles'
import { DAY_MS, HOUR_MS } from '@core/time'

/** 2026-05-10 10:00 at UTC+8. */
const T0 = Date.UTC(2026, 4, 10, 2, 0, 0)
const REPORTER: Actor = { openid: 'reporter', role: 'resident', unitId: null, name: '张三' }
const DISPATCHER: Actor = { openid: 'sup-a', role: 'supervisor', unitId: 'office-a', name: '陈书记' }
const OTHER_SUPERVISOR: Actor = { openid: 'sup-a2', role: 'supervisor', unitId: 'office-a', name: '周主任' }
const OLD: Actor = { openid: 'cadre-old', role: 'cadre', unitId: 'office-a', name: '王强' }
const NEW: Actor = { openid: 'cadre-new', role: 'cadre', unitId: 'office-a', name: '李娜' }
const NAMES = new Map([['office-a', 'A办事处']])

function step<A extends CaseAction>(doc: Case, action: A, params: TransitionParams[A], actor: Actor, now: number) {
  const result = applyTransition(doc, action, params, { actor, now, limits: DEFAULT_TIME_LIMITS })
  if (!result.ok) throw new Error(`${action}: ${result.code} ${result.message}`)
  return result.data
}

/** A 一般 case submitted at T0, assigned to 王强 an hour later (完成时限: end of May 17, UTC+8). */
function assigned(urgency: 'normal' | 'urgent' = 'normal'): Case {
  const submitted = newCase({
    id: 'case-1',
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: '2026-000001',
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: 'reassign-0001',
      category: '住房',
      urgency,
      description: '屋顶漏水很久了',
      areaUnitId: 'estate-a',
      reporter: { name: '张三', phone: '13812345678' },
    }),
    actor: REPORTER,
    source: 'resident',
    now: T0,
  })
  return step(
    submitted,
    'assign',
    {
      leadOfficial: '陈书记',
      responsibleUnit: { id: 'office-a', path: ['district', 'office-a'] },
      handler: { openid: OLD.openid, name: OLD.name },
      standard: '修好屋顶，雨天不漏',
    },
    DISPATCHER,
    T0 + HOUR_MS,
  ).next
}
const END_OF_MAY_17 = Date.UTC(2026, 4, 17, 15, 59, 59, 999)

function inProgress(): Case {
  return step(assigned(), 'acknowledge', {}, OLD, T0 + 2 * HOUR_MS).next
}

const TO_NEW: TransitionParams['reassign'] = { handler: { openid: NEW.openid, name: NEW.name }, reason: '王强长期病假' }

describe('改派 hands the same task to another official, who must 签收 it afresh', () => {
  test('from 办理中: back to 已派单 with the new handler, a 签收 limit from now, the 完成时限 unchanged', () => {
    const now = T0 + 2 * DAY_MS
    const { next, event } = step(inProgress(), 'reassign', TO_NEW, OTHER_SUPERVISOR, now)
    expect(next.status).toBe('assigned')
    expect(next.assignment).toEqual({
      leadOfficial: '陈书记',
      leadOfficialId: null,
      responsibleUnitId: 'office-a',
      handlerOpenid: 'cadre-new',
      handlerName: '李娜',
      standard: '修好屋顶，雨天不漏',
      // The one who reassigned is now the one who dispatched it: requests go to him.
      assignedBy: 'sup-a2',
      assignedAt: now,
      acknowledgeBy: now + 24 * HOUR_MS,
      deadline: END_OF_MAY_17,
    })
    expect(next.handledBy).toEqual(['cadre-old', 'cadre-new'])
    // Not yet signed: due at the earlier of the 签收 limit and the 完成时限.
    expect(next.dueAt).toBe(now + 24 * HOUR_MS)
    expect(event).toMatchObject({
      type: 'reassign',
      from: 'in_progress',
      to: 'assigned',
      by: { openid: 'sup-a2', role: 'supervisor' },
      note: '由王强改派给李娜。理由：王强长期病假',
      visibleToReporter: true,
      data: {
        handler: 'cadre-new',
        previousHandler: 'cadre-old',
        responsibleUnitId: 'office-a',
        responsibleUnitPath: ['district', 'office-a'],
        acknowledgeBy: now + 24 * HOUR_MS,
        deadline: END_OF_MAY_17,
        reason: '王强长期病假',
        extensionWithdrawn: false,
      },
    })
  })

  test('from 已派单 (not yet signed): the new 签收 limit runs from the 改派, an 急 case 2 hours', () => {
    const now = T0 + 3 * HOUR_MS
    const { next } = step(assigned('urgent'), 'reassign', TO_NEW, DISPATCHER, now)
    expect(next.status).toBe('assigned')
    expect(next.assignment?.acknowledgeBy).toBe(now + 2 * HOUR_MS)
    // 急: done by the end of the 3rd day after submission (May 13, UTC+8), as before.
    expect(next.assignment?.deadline).toBe(Date.UTC(2026, 4, 13, 15, 59, 59, 999))
  })

  test('an extension the old handler asked for is withdrawn, and the event says so', () => {
    const asked = step(
      inProgress(),
      'requestExtension',
      { deadline: T0 + 20 * DAY_MS, reason: '等材料' },
      OLD,
      T0 + DAY_MS,
    )
    expect(asked.next.pendingExtension).not.toBeNull()
    const { next, event } = step(asked.next, 'reassign', TO_NEW, DISPATCHER, T0 + 2 * DAY_MS)
    expect(next.pendingExtension).toBeNull()
    expect(next.assignment?.deadline).toBe(END_OF_MAY_17)
    expect(event.note).toBe('由王强改派给李娜。理由：王强长期病假（待审批的延期申请已撤回）')
    expect(event.data).toMatchObject({ extensionWithdrawn: true })
  })

  test('reassigning to the current handler is refused with its own code, naming the field', () => {
    const result = applyTransition(
      inProgress(),
      'reassign',
      { handler: { openid: OLD.openid, name: OLD.name }, reason: '再试试' },
      { actor: DISPATCHER, now: T0 + DAY_MS, limits: DEFAULT_TIME_LIMITS },
    )
    expect(result).toMatchObject({ ok: false, code: 'CASE.SAME_HANDLER', field: 'handlerOpenid' })
  })

  test('back to an earlier handler: he is not listed twice among those who handled it', () => {
    const away = step(inProgress(), 'reassign', TO_NEW, DISPATCHER, T0 + DAY_MS).next
    const back = step(
      away,
      'reassign',
      { handler: { openid: OLD.openid, name: OLD.name }, reason: '王强已返岗' },
      DISPATCHER,
      T0 + 2 * DAY_MS,
    ).next
    expect(back.handledBy).toEqual(['cadre-old', 'cadre-new'])
    expect(back.assignment?.handlerOpenid).toBe('cadre-old')
  })

  test('after 改派 the new handler signs and works; the old one may do nothing more', () => {
    const now = T0 + 2 * DAY_MS
    const { next } = step(inProgress(), 'reassign', TO_NEW, DISPATCHER, now)
    expect(availableActions(NEW, next, now).sort()).toEqual(['acknowledge', 'sendBack'])
    expect(availableActions(OLD, next, now)).toEqual([])
    const signed = step(next, 'acknowledge', {}, NEW, now + HOUR_MS).next
    expect(signed.status).toBe('in_progress')
    expect(signed.dueAt).toBe(END_OF_MAY_17)
  })
})

describe('the time limits stay right after 改派', () => {
  test('a case past its 完成时限 is still overdue: 改派 gives no more time', () => {
    const late = T0 + 10 * DAY_MS
    const doc = inProgress()
    expect(isOverdue(doc, late)).toBe(true)
    const { next } = step(doc, 'reassign', TO_NEW, DISPATCHER, late)
    expect(next.dueAt).toBe(END_OF_MAY_17)
    expect(isOverdue(next, late)).toBe(true)
  })

  test('near the 完成时限, the 完成时限 comes before the new 签收 limit and is the due time', () => {
    const now = END_OF_MAY_17 - 5 * HOUR_MS
    const { next } = step(inProgress(), 'reassign', TO_NEW, DISPATCHER, now)
    expect(next.assignment?.acknowledgeBy).toBe(now + 24 * HOUR_MS)
    expect(next.dueAt).toBe(END_OF_MAY_17)
  })

  test('a case whose 签收 limit had passed is not overdue once reassigned (a fresh 签收 limit)', () => {
    const late = T0 + 2 * DAY_MS
    const doc = assigned()
    expect(isOverdue(doc, late)).toBe(true)
    const { next } = step(doc, 'reassign', TO_NEW, DISPATCHER, late)
    expect(isOverdue(next, late)).toBe(false)
    expect(isOverdue(next, late + 24 * HOUR_MS + 1)).toBe(true)
  })
})

describe('who reads what of a 改派', () => {
  const now = T0 + 2 * DAY_MS
  const reassigned = () => step(inProgress(), 'reassign', TO_NEW, DISPATCHER, now).next

  test('the reporter sees that someone new works on it, not the reason', () => {
    const view = viewCaseFor(REPORTER, reassigned(), now, NAMES)
    if (view?.kind !== 'reporter') throw new Error('expected the reporter view')
    expect(view.timeline.at(-1)).toMatchObject({ type: 'reassign', note: '' })
    expect(JSON.stringify(view)).not.toContain('病假')
  })

  test('the officials read who it went from and to, and why', () => {
    const view = viewCaseFor(NEW, reassigned(), now, NAMES)
    if (view?.kind !== 'staff') throw new Error('expected the staff view')
    expect(view.timeline.at(-1)).toMatchObject({ type: 'reassign', note: '由王强改派给李娜。理由：王强长期病假' })
  })

  test('the old handler no longer sees the case', () => {
    expect(viewCaseFor(OLD, reassigned(), now, NAMES)).toBeNull()
  })
})

describe('the messages of a 改派', () => {
  test('the new handler gets a task, the old one is told it went to someone else; the reporter gets none', () => {
    const { notifications } = step(inProgress(), 'reassign', TO_NEW, DISPATCHER, T0 + 2 * DAY_MS)
    expect(notifications.map(({ template, recipient, title, text }) => ({ template, recipient, title, text }))).toEqual(
      [
        {
          template: 'taskAssigned',
          recipient: 'cadre-new',
          title: '您有新的办理任务',
          text: '改派给您，请签收。解决标准：修好屋顶，雨天不漏',
        },
        {
          template: 'taskAssigned',
          recipient: 'cadre-old',
          title: '您的办理任务已改派他人',
          text: '已改派给李娜，您无需再办理',
        },
      ],
    )
  })

  test('the closure request of the new handler goes to the supervisor who reassigned it', () => {
    const now = T0 + 2 * DAY_MS
    let doc = step(inProgress(), 'reassign', TO_NEW, OTHER_SUPERVISOR, now).next
    doc = step(doc, 'acknowledge', {}, NEW, now).next
    const { notifications } = step(
      doc,
      'requestClosure',
      { note: '修好了', evidence: [], standardMet: '不漏' },
      NEW,
      now,
    )
    expect(notifications.map(({ template, recipient }) => `${template}→${recipient}`)).toEqual([
      'reviewClosureRequested→sup-a2',
    ])
  })
})

describe('the input of a 改派', () => {
  const base = { action: 'reassign', id: 'case-1', expectedVersion: 3 }
  test.each([
    { input: { ...base, handlerOpenid: 'cadre-new', reason: '病假' }, message: null },
    { input: { ...base, handlerOpenid: 'cadre-new', reason: '  ' }, message: '改派理由至少 2 个字' },
    { input: { ...base, handlerOpenid: 'cadre-new' }, message: '请填写改派理由' },
    { input: { ...base, handlerOpenid: '', reason: '病假' }, message: '请选择新的承办人' },
    { input: { ...base, reason: '病假' }, message: '请选择新的承办人' },
    { input: { ...base, handlerOpenid: 'cadre-new', reason: '长'.repeat(201) }, message: '改派理由不能超过 200 个字' },
  ])('$input → $message', ({ input, message }) => {
    const parsed = reassignInput.safeParse(input)
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(message)
  })
})
