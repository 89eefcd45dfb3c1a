import type { Case } from '@core/case/case'
import { readOutbox } from '../../../backend/adapters/outbox.notifier'
import { superviseJob } from '../../../backend/jobs/supervise'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

/** A moment written as China time (UTC+8). */
const cn = (text: string) => Date.parse(`${text}+08:00`)

/** Who was told what, oldest first, as `template→recipient`. */
async function told(deps: Deps): Promise<string[]> {
  return (await readOutbox(deps.store))
    .reverse()
    .filter((m) => m.template === 'caseSupervised')
    .map((m) => `${m.recipient}: ${m.text}`)
}

async function stored(deps: Deps, id: string): Promise<Case> {
  return (await deps.store.get<Case>('cases', id)) as Case
}

const GRANTS = { caseSupervised: 20 }

let deps: Deps
let caseId: string
beforeEach(async () => {
  // Submitted on Sunday 29 March 2026, 10:00 (UTC+8): 一般, done by the end of 5 April.
  deps = await makeDeps(cn('2026-03-29T10:00:00'))
  await addTwoOffices(deps)
  await addUser(deps, 'sup-district', 'supervisor', { unitId: 'district', subscriptions: GRANTS })
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', subscriptions: GRANTS })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', subscriptions: GRANTS })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '张干部', subscriptions: GRANTS })
  ;({ id: caseId } = data<{ id: string }>(await call(deps, 'res-1', submitEvent({ areaUnitId: 'estate-a' }))))
  const { version } = data<{ version: number }>(
    await call(deps, 'sup-district', {
      action: 'assign',
      id: caseId,
      expectedVersion: 1,
      leadOfficial: '陈书记',
      responsibleUnitId: 'office-b',
      handlerOpenid: 'cadre-b',
      standard: '路灯修好',
    }),
  )
  deps.clock.current = cn('2026-03-29T11:00:00')
  data(await call(deps, 'cadre-b', { action: 'acknowledge', id: caseId, expectedVersion: version }))
})
afterEach(() => deps.store.close())

async function runAt(text: string) {
  deps.clock.current = cn(text)
  return superviseJob.run(deps)
}

test('over a month end: reminder, one 督办 however often the job runs, escalation 3 days on — each told once', async () => {
  expect((await stored(deps, caseId)).superviseAt).toBe(cn('2026-04-04T23:59:59.999'))
  expect(await runAt('2026-03-31T23:00:00')).toEqual({ recorded: 0, skipped: 0 })
  expect(await runAt('2026-04-05T08:00:00')).toEqual({ recorded: 1, skipped: 0 })
  expect(await runAt('2026-04-05T09:00:00')).toEqual({ recorded: 0, skipped: 0 })
  expect(await runAt('2026-04-06T00:00:00')).toEqual({ recorded: 1, skipped: 0 })
  expect(await runAt('2026-04-06T00:15:00')).toEqual({ recorded: 0, skipped: 0 })
  expect(await runAt('2026-04-09T00:00:00')).toEqual({ recorded: 1, skipped: 0 })
  expect(await runAt('2026-04-30T00:00:00')).toEqual({ recorded: 0, skipped: 0 })
  expect(await told(deps)).toEqual([
    'cadre-b: 完成时限 2026-04-05 23:59 将到，请抓紧办理',
    'cadre-b: 已超过办结时限 2026-04-05 23:59，请尽快办理',
    // The supervisors covering the responsible unit (office-b), not those of the area.
    'sup-b: 已超过办结时限 2026-04-05 23:59，请尽快办理',
    // One level up from office-b: the district.
    'sup-district: 办结超期（时限 2026-04-05 23:59），督办 3 天后仍未办理，报上级督办',
  ])
  const doc = await stored(deps, caseId)
  expect(doc.timeline.map((event) => [event.type, event.by.role, event.visibleToReporter])).toEqual([
    ['submit', 'resident', true],
    ['assign', 'supervisor', true],
    ['acknowledge', 'cadre', true],
    ['remind', 'system', false],
    ['supervise', 'system', false],
    ['escalate', 'system', false],
  ])
  expect(doc.superviseAt).toBeNull()
})

test('the reporter sees none of it', async () => {
  await runAt('2026-04-06T00:00:00')
  const view = data<{ timeline: Array<{ type: string }> }>(await call(deps, 'res-1', { action: 'get', id: caseId }))
  expect(view.timeline.map((event) => event.type)).toEqual(['submit', 'assign', 'acknowledge'])
})

test('an extension granted between reminder and deadline: no 督办 for the old deadline; reminded again for the new', async () => {
  await runAt('2026-04-05T08:00:00')
  deps.clock.current = cn('2026-04-05T09:00:00')
  let doc = await stored(deps, caseId)
  data(
    await call(deps, 'cadre-b', {
      action: 'requestExtension',
      id: caseId,
      expectedVersion: doc.version,
      deadline: cn('2026-04-10T23:59:59.999'),
      reason: '灯具缺货，需要采购',
    }),
  )
  doc = await stored(deps, caseId)
  data(await call(deps, 'sup-district', { action: 'approveExtension', id: caseId, expectedVersion: doc.version }))
  expect(await runAt('2026-04-06T00:00:00')).toEqual({ recorded: 0, skipped: 0 })
  expect(await runAt('2026-04-10T00:00:00')).toEqual({ recorded: 1, skipped: 0 })
  expect(await runAt('2026-04-11T00:00:00')).toEqual({ recorded: 1, skipped: 0 })
  expect(await told(deps)).toEqual([
    'cadre-b: 完成时限 2026-04-05 23:59 将到，请抓紧办理',
    'cadre-b: 完成时限 2026-04-10 23:59 将到，请抓紧办理',
    'cadre-b: 已超过办结时限 2026-04-10 23:59，请尽快办理',
    'sup-b: 已超过办结时限 2026-04-10 23:59，请尽快办理',
  ])
})

test('a case changed between the read and the write is left for the next run, then recorded once', async () => {
  deps.clock.current = cn('2026-04-06T00:00:00')
  const real = deps.store.updateIfVersion.bind(deps.store)
  let raced = false
  deps.store.updateIfVersion = async (collection, id, expected, fields) => {
    if (!raced && collection === 'cases') {
      raced = true
      // Someone else writes first (a progress note).
      const doc = (await deps.store.get<Case>('cases', id)) as Case
      await real(collection, id, doc.version, { updatedAt: deps.clock.now() })
    }
    return real(collection, id, expected, fields)
  }
  expect(await superviseJob.run(deps)).toEqual({ recorded: 0, skipped: 1 })
  deps.store.updateIfVersion = real
  // The reminder is stale by now (the deadline passed): the 督办 alone.
  expect(await superviseJob.run(deps)).toEqual({ recorded: 1, skipped: 0 })
  expect(await superviseJob.run(deps)).toEqual({ recorded: 0, skipped: 0 })
})

test('open cases stored before 督办 (no superviseAt) are picked up once', async () => {
  const doc = await stored(deps, caseId)
  const { superviseAt: _at, supervisionNote: _note, ...legacy } = doc
  await deps.store.insert('cases', { ...legacy, _id: 'legacy-case', number: '2025-000999', version: 1 })
  expect(await runAt('2026-04-06T00:00:00')).toEqual({ recorded: 2, skipped: 0 })
  expect((await stored(deps, 'legacy-case')).timeline.map((event) => event.type).slice(-2)).toEqual([
    'acknowledge',
    'supervise',
  ])
  expect(await runAt('2026-04-06T01:00:00')).toEqual({ recorded: 0, skipped: 0 })
})
