import type { Case } from '@core/case/case'
import { REPORTER_TEMPLATES, STAFF_TEMPLATES } from '@core/case/notifications'
import type { CaseStatus } from '@core/case/case'
import { runFunction } from '../../../backend/handlers/dispatch'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../backend'
import { data } from '../result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

/** The people a simulated phone can be: a first-time visitor and one of each role. */
export const PEOPLE = {
  visitor: null,
  resident: 'sim-resident',
  cadre: 'sim-cadre',
  supervisor: 'sim-supervisor',
  admin: 'sim-admin',
} as const
export type Person = keyof typeof PEOPLE

const granted = (role: keyof typeof STAFF_TEMPLATES) =>
  Object.fromEntries(STAFF_TEMPLATES[role].map((template) => [template, 20]))

export interface SimWorld {
  deps: Deps
  /** One case of the resident's in each state the lifecycle has. */
  cases: Record<CaseStatus, string>
  /** Their numbers (2026-000001), by which a shared link or a lookup opens a case. */
  numbers: Record<CaseStatus, string>
  /** A closed case whose reporter could not be told: waiting for a 回访 call. */
  callbackCase: string
}

async function act(deps: Deps, openid: string, action: string, id: string, params: Record<string, unknown> = {}) {
  const current = (await deps.store.get<Case>('cases', id)) as Case
  return data(await call(deps, openid, { action, id, expectedVersion: current.version, ...params }))
}

/** An office with a resident, a cadre, a supervisor and an admin, and a case in every state. */
export async function buildWorld(): Promise<SimWorld> {
  const deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, PEOPLE.resident, 'resident', { name: '张秀兰', phone: '13812345678' })
  await addUser(deps, PEOPLE.cadre, 'cadre', { unitId: 'office-a', name: '王强', subscriptions: granted('cadre') })
  await addUser(deps, PEOPLE.supervisor, 'supervisor', {
    unitId: 'office-a',
    name: '陈立新',
    subscriptions: granted('supervisor'),
  })
  await addUser(deps, 'sim-supervisor-2', 'supervisor', { unitId: 'office-a', name: '周主任' })
  await addUser(deps, PEOPLE.admin, 'admin', { unitId: 'district', name: '系统管理员' })
  const submit = async (description: string, subscriptions: readonly string[] = REPORTER_TEMPLATES) =>
    data<{ id: string; number: string }>(
      await call(deps, PEOPLE.resident, submitEvent({ areaUnitId: 'estate-a', description, subscriptions })),
    )
  const assign = {
    leadOfficial: '陈立新',
    responsibleUnitId: 'office-a',
    handlerOpenid: PEOPLE.cadre,
    standard: '三天内修好',
  }
  const step = async (id: string, steps: Array<[string, string, Record<string, unknown>?]>) => {
    for (const [openid, action, params] of steps) await act(deps, openid, action, id, params)
  }
  const toWork: Array<[string, string, Record<string, unknown>?]> = [
    [PEOPLE.supervisor, 'assign', assign],
    [PEOPLE.cadre, 'acknowledge'],
  ]
  const toReview: typeof toWork = [...toWork, [PEOPLE.cadre, 'requestClosure', { note: '修好了', standardMet: '修好' }]]
  const toClose: typeof toWork = [...toReview, [PEOPLE.supervisor, 'approveClosure']]

  const submitted = await submit('楼道灯坏了，晚上看不见台阶')
  const assigned = await submit('路面积水，出门要绕路')
  await step(assigned.id, [[PEOPLE.supervisor, 'assign', assign]])
  const inProgress = await submit('小区门口垃圾没人清运')
  await step(inProgress.id, toWork)
  const pending = await submit('健身器材坏了很久')
  await step(pending.id, toReview)
  const closed = await submit('路灯不亮已修好')
  await step(closed.id, toClose)
  const declined = await submit('想咨询一下社保政策')
  await step(declined.id, [[PEOPLE.supervisor, 'decline', { reason: '已电话答复，无需办理' }]])
  const merged = await submit('楼道灯不亮，和邻居反映的一样')
  await step(merged.id, [[PEOPLE.supervisor, 'merge', { targetNumber: submitted.number }]])
  const callback = await submit('下水道堵了', [])
  await step(callback.id, toClose)

  // Fieldwork: a contact point of the cadre, a visit with a household on the ledger.
  await runFunction(
    'fieldwork',
    {
      action: 'createContactPoint',
      type: '联系生产队/小区',
      name: 'A小区联系点',
      unitId: 'estate-a',
      position: { lat: 30.4285, lng: 112.8912, system: 'wgs84' },
      cadreOpenids: [PEOPLE.cadre],
    },
    deps,
    { openid: PEOPLE.supervisor },
  )
  await runFunction(
    'fieldwork',
    {
      action: 'recordVisit',
      clientRequestId: 'sim-visit-0001',
      kind: '敲门入户',
      durationMinutes: 30,
      areaUnitId: 'estate-a',
      household: { name: '孙桂芳', address: 'A小区3栋101', tags: ['独居老人'] },
      opinions: ['希望有人定期上门量血压'],
    },
    deps,
    { openid: PEOPLE.cadre },
  )
  return {
    deps,
    cases: {
      submitted: submitted.id,
      assigned: assigned.id,
      in_progress: inProgress.id,
      pending_closure: pending.id,
      closed: closed.id,
      declined: declined.id,
      merged: merged.id,
    },
    numbers: {
      submitted: submitted.number,
      assigned: assigned.number,
      in_progress: inProgress.number,
      pending_closure: pending.number,
      closed: closed.number,
      declined: declined.number,
      merged: merged.number,
    },
    callbackCase: callback.id,
  }
}
