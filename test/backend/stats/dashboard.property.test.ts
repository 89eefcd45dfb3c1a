import fc from 'fast-check'
import type { Case, Rating } from '@core/case/case'
import type { Checkin, ContactPoint } from '@core/fieldwork/fieldwork'
import type { Household, Visit } from '@core/fieldwork/visit'
import type { Dashboard } from '@core/stats/dashboard.schemas'
import { HOUR_MS } from '@core/time'
import { defaultSatisfiedJob } from '../../../backend/jobs/default-satisfied'
import { rebuildRollups } from '../../../backend/stats/rebuild'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { TINY_PNG } from '../../support/images'
import { data } from '../../support/result'

/**
 * The dashboard against a recomputation written here, over the raw records, after random histories
 * of reports, lifecycle steps (reopen, merge, decline, 立行立改 and 默认满意 among them), visits and
 * sign-ins — and the rebuild finds nothing to repair.
 */

type Deps = Awaited<ReturnType<typeof makeDeps>>
const START = Date.UTC(2026, 10, 28, 1, 0, 0) // 2026-11-28 09:00 UTC+8: histories cross a month end
const CENTRE = { lat: 30.4321, lng: 112.8876 }
const AREAS = ['estate-a', 'estate-b'] as const
const HANDLERS = ['cadre-a', 'cadre-b', 'sup-a'] as const
const UNITS = ['office-a', 'office-b', 'district'] as const
const CATEGORIES = ['人居环境', '养老', '就业'] as const

type Step =
  | { kind: 'submit'; area: number; category: number; urgency: 'urgent' | 'normal' | 'hard' }
  | { kind: 'onTheSpot'; area: number; category: number }
  | { kind: 'assign'; target: number; handler: number; unit: number }
  | { kind: 'reassign'; target: number; handler: number }
  | {
      kind: 'acknowledge' | 'sendBack' | 'requestClosure' | 'approveClosure' | 'rejectClosure' | 'decline'
      target: number
    }
  | { kind: 'merge'; target: number; into: number }
  | { kind: 'rate'; target: number; solved: boolean; satisfaction: 'satisfied' | 'basically' | 'dissatisfied' }
  | { kind: 'visit'; area: number; door: boolean; tagged: boolean; opinions: number; headcount: number }
  | { kind: 'signIn'; cadre: number; hours: number }
  | { kind: 'wait'; hours: number }
  | { kind: 'progress'; target: number; choice: number }

const index = fc.nat({ max: 20 })
const step: fc.Arbitrary<Step> = fc.oneof(
  // The next natural step of a case, so that whole lifecycles happen often.
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('progress' as const), target: index, choice: fc.nat({ max: 5 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      area: fc.nat({ max: 1 }),
      category: fc.nat({ max: 2 }),
      urgency: fc.constantFrom('urgent' as const, 'normal' as const, 'hard' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('onTheSpot' as const),
      area: fc.nat({ max: 1 }),
      category: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      target: index,
      handler: fc.nat({ max: 2 }),
      unit: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('reassign' as const), target: index, handler: fc.nat({ max: 2 }) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'acknowledge' as const,
        'sendBack' as const,
        'requestClosure' as const,
        'approveClosure' as const,
        'rejectClosure' as const,
        'decline' as const,
      ),
      target: index,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), target: index, into: index }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('rate' as const),
      target: index,
      solved: fc.boolean(),
      satisfaction: fc.constantFrom('satisfied' as const, 'basically' as const, 'dissatisfied' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('visit' as const),
      area: fc.nat({ max: 1 }),
      door: fc.boolean(),
      tagged: fc.boolean(),
      opinions: fc.nat({ max: 3 }),
      headcount: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('signIn' as const),
      cadre: fc.nat({ max: 1 }),
      hours: fc.integer({ min: 1, max: 700 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 9 * 24 }) }),
  },
)

async function world(): Promise<{ deps: Deps; points: Record<string, string>; evidence: string }> {
  const deps = await makeDeps(START)
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘书记' })
  await addUser(deps, 'sup-d', 'supervisor', { unitId: 'district', name: '区督办' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
  await addUser(deps, 'res-1', 'resident', { name: '居民甲' })
  const points: Record<string, string> = {}
  for (const [cadre, supervisor, unitId] of [
    ['cadre-a', 'sup-a', 'estate-a'],
    ['cadre-b', 'sup-b', 'estate-b'],
  ] as const) {
    const point = data<ContactPoint>(
      await call(
        deps,
        supervisor,
        {
          action: 'createContactPoint',
          type: '联系生产队/小区',
          name: `${unitId}联系点`,
          unitId,
          position: { ...CENTRE, system: 'wgs84' },
          cadreOpenids: [cadre],
        },
        'fieldwork',
      ),
    )
    points[cadre] = point._id
  }
  return { deps, points, evidence: await deps.files.save(TINY_PNG, 'png', 'image/png') }
}

let serial = 0
const nextId = () => `prop-${process.pid}-${++serial}`.padEnd(12, '0')

/** Who may try each step: whoever could, so that most steps apply and the rest are refused unchanged. */
async function run(w: Awaited<ReturnType<typeof world>>, ids: string[], s: Step): Promise<void> {
  const { deps } = w
  const target = async (i: number) =>
    ids.length ? ((await deps.store.get<Case>('cases', ids[i % ids.length] as string)) as Case) : null
  const act = async (openid: string, doc: Case, action: string, params: Record<string, unknown> = {}) =>
    call(deps, openid, { action, id: doc._id, expectedVersion: doc.version, ...params })
  const supervisorOf = (doc: Case) => (doc.areaUnitPath.includes('office-a') ? 'sup-a' : 'sup-b')
  // A reviewer who did not handle the case (a supervisor may handle one himself).
  const reviewerOf = (doc: Case) => (doc.handledBy.includes(supervisorOf(doc)) ? 'sup-d' : supervisorOf(doc))
  switch (s.kind) {
    case 'submit': {
      const answer = await call(
        deps,
        'res-1',
        submitEvent({
          clientRequestId: nextId(),
          areaUnitId: AREAS[s.area],
          category: CATEGORIES[s.category],
          urgency: s.urgency,
        }),
      )
      if (answer.ok) ids.push((answer.data as { id: string }).id)
      return
    }
    case 'onTheSpot': {
      const cadre = s.area === 0 ? 'cadre-a' : 'cadre-b'
      const answer = await call(deps, cadre, {
        action: 'recordOnTheSpot',
        clientRequestId: nextId(),
        category: CATEGORIES[s.category],
        description: '路口垃圾堆积',
        areaUnitId: AREAS[s.area],
        reporter: { name: '孙大爷', phone: '0728-6231234' },
        resolution: '当场联系环卫清运',
        evidence: [w.evidence],
        standardMet: '路口清理干净',
      })
      if (answer.ok) ids.push((answer.data as { id: string }).id)
      return
    }
    case 'assign': {
      const doc = await target(s.target)
      if (!doc) return
      const unit = UNITS[s.unit]
      const handler = HANDLERS[s.handler]
      const supervisor = unit === 'district' ? 'sup-d' : supervisorOf(doc)
      await act(supervisor, doc, 'assign', {
        leadOfficial: '陈书记',
        responsibleUnitId: unit,
        handlerOpenid: handler,
        standard: '按时解决',
      })
      return
    }
    case 'reassign': {
      // 改派 by the district's supervisor, who covers every unit and handler.
      const doc = await target(s.target)
      if (!doc) return
      // Someone other than the current handler (the same one is refused, and proves nothing here).
      const others = HANDLERS.filter((handler) => handler !== doc.assignment?.handlerOpenid)
      await act('sup-d', doc, 'reassign', { handlerOpenid: others[s.handler % others.length], reason: '换人办理' })
      return
    }
    case 'acknowledge':
    case 'sendBack':
    case 'requestClosure': {
      const doc = await target(s.target)
      const handler = doc?.assignment?.handlerOpenid
      if (!doc || !handler) return
      const params =
        s.kind === 'sendBack'
          ? { reason: '职能不符' }
          : s.kind === 'requestClosure'
            ? { note: '已处理', standardMet: '已达到' }
            : {}
      await act(handler, doc, s.kind, params)
      return
    }
    case 'approveClosure':
    case 'rejectClosure':
    case 'decline': {
      const doc = await target(s.target)
      if (!doc) return
      const params = s.kind === 'approveClosure' ? {} : { reason: '材料不全' }
      await act(s.kind === 'decline' ? supervisorOf(doc) : reviewerOf(doc), doc, s.kind, params)
      return
    }
    case 'merge': {
      const doc = await target(s.target)
      const into = await target(s.into)
      if (!doc || !into) return
      await act(supervisorOf(doc), doc, 'merge', { targetNumber: into.number })
      return
    }
    case 'rate': {
      const doc = await target(s.target)
      if (!doc) return
      await act('res-1', doc, 'rate', {
        solved: s.solved ? 'solved' : 'unsolved',
        satisfaction: s.satisfaction,
        comment: '',
      })
      return
    }
    case 'visit': {
      const cadre = s.area === 0 ? 'cadre-a' : 'cadre-b'
      await call(
        deps,
        cadre,
        {
          action: 'recordVisit',
          clientRequestId: nextId(),
          kind: s.door ? '敲门入户' : '走访企业',
          durationMinutes: 30,
          areaUnitId: AREAS[s.area],
          ...(s.door
            ? { household: { name: `住户${serial % 4}`, address: `${s.area}号楼`, tags: s.tagged ? ['独居老人'] : [] } }
            : { enterpriseName: '某企业' }),
          headcount: s.headcount,
          opinions: Array.from({ length: s.opinions }, (_, i) => `意见${i + 1}`),
        },
        'fieldwork',
      )
      return
    }
    case 'signIn': {
      const cadre = s.cadre === 0 ? 'cadre-a' : 'cadre-b'
      const position = { ...CENTRE, system: 'wgs84', accuracy: 10 }
      await call(deps, cadre, { action: 'signIn', contactPointId: w.points[cadre], position }, 'fieldwork')
      deps.clock.current += (s.hours / 100) * HOUR_MS
      await call(deps, cadre, { action: 'signOut', position }, 'fieldwork')
      return
    }
    case 'progress': {
      const doc = await target(s.target)
      if (!doc) return
      const next: Record<string, Step | null> = {
        submitted: { kind: 'assign', target: s.target, handler: s.choice % 3, unit: s.choice % 3 },
        assigned: { kind: s.choice === 0 ? 'sendBack' : 'acknowledge', target: s.target },
        in_progress:
          s.choice >= 4
            ? { kind: 'reassign', target: s.target, handler: s.choice % 3 }
            : { kind: 'requestClosure', target: s.target },
        pending_closure: { kind: s.choice === 0 ? 'rejectClosure' : 'approveClosure', target: s.target },
        closed: {
          kind: 'rate',
          target: s.target,
          solved: s.choice !== 1,
          satisfaction: (['satisfied', 'basically', 'dissatisfied'] as const)[s.choice % 3],
        },
      }
      const chosen = next[doc.status]
      if (chosen) await run(w, ids, chosen)
      return
    }
    case 'wait': {
      deps.clock.current += s.hours * HOUR_MS
      // The 默认满意 job runs as the scheduler would.
      await defaultSatisfiedJob.run(deps)
      return
    }
  }
}

async function all<T>(deps: Deps, collection: string): Promise<T[]> {
  return deps.store.query<T & { _id: string }>(collection, { sort: [['_id', 1]], offset: 0, limit: 1000 })
}

/** The figures recomputed from the raw records, from the definitions (DESIGN.md §8), for `unit` over [start, end). */
function recompute(
  records: { cases: Case[]; visits: Visit[]; checkins: Checkin[]; households: Household[] },
  unit: string,
  start: number,
  end: number,
  now: number,
) {
  const inPeriod = (at: number) => at >= start && at < end
  const submitted = records.cases.filter((c) => c.areaUnitPath.includes(unit) && inPeriod(c.createdAt))
  const countStatus = (...statuses: string[]) => submitted.filter((c) => statuses.includes(c.status)).length
  let assigned = 0
  let ackOnTime = 0
  let closures = 0
  const ratings: Rating[] = []
  for (const c of records.cases) {
    let responsible: { path: string[]; acknowledgeBy: number; at: number } | null = null
    let credited: string[] = []
    for (const event of c.timeline) {
      const d = event.data ?? {}
      // 改派 starts a new assignment, to the new handler, with a 签收 limit of its own.
      if (event.type === 'assign' || event.type === 'reassign') {
        responsible = {
          path: d.responsibleUnitPath as string[],
          acknowledgeBy: d.acknowledgeBy as number,
          at: event.at,
        }
        if (responsible.path.includes(unit) && inPeriod(event.at)) assigned += 1
      }
      if (event.type === 'acknowledge' && responsible && event.at <= responsible.acknowledgeBy) {
        if (responsible.path.includes(unit) && inPeriod(responsible.at)) ackOnTime += 1
      }
      if (event.type === 'sendBack') responsible = null
      if (event.type === 'approveClosure') {
        credited = responsible ? responsible.path : c.areaUnitPath
        if (credited.includes(unit) && inPeriod(event.at)) closures += 1
      }
      if (
        ['rate', 'rateByCall', 'rateByDefault'].includes(event.type) &&
        credited.includes(unit) &&
        inPeriod(event.at)
      ) {
        ratings.push(d.rating as Rating)
      }
    }
  }
  const real = ratings.filter((r) => !r.byDefault)
  const defaults = ratings.length - real.length
  const solved = real.filter((r) => r.solved === 'solved').length
  const satisfied = real.filter((r) => r.satisfaction === 'satisfied' || r.satisfaction === 'basically').length
  const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, value: d ? n / d : null })
  const visits = records.visits.filter((v) => v.unitPath.includes(unit) && inPeriod(v.at))
  const checkins = records.checkins.filter((c) => c.unitPath.includes(unit) && inPeriod(c.signedInAt))
  const hundredths = checkins.reduce((sum, c) => sum + Math.round((c.hours ?? 0) * 100), 0)
  const tagged = records.households.filter((h) => h.unitPath.includes(unit) && h.tags.length > 0)
  return {
    cases: {
      total: submitted.length - countStatus('declined', 'merged'),
      pending: countStatus('submitted'),
      working: countStatus('assigned', 'in_progress', 'pending_closure'),
      closed: countStatus('closed'),
      onTheSpot: submitted.filter((c) => c.status === 'closed' && c.onTheSpot).length,
      declined: countStatus('declined'),
      merged: countStatus('merged'),
      raisedOnVisit: submitted.filter((c) => c.source === 'visit').length,
      overdue: records.cases.filter((c) => c.responsibleUnitPath.includes(unit) && c.dueAt !== null && c.dueAt < now)
        .length,
    },
    rates: {
      response: ratio(ackOnTime, assigned),
      solved: ratio(solved, real.length),
      satisfied: ratio(satisfied, real.length),
      solvedWithDefault: ratio(solved + defaults, ratings.length),
      satisfiedWithDefault: ratio(satisfied + defaults, ratings.length),
      defaultRated: defaults,
      closures,
    },
    fieldwork: {
      signIns: checkins.length,
      hours: Math.round(hundredths / 10) / 10,
      visits: visits.length,
      doorsKnocked: visits.filter((v) => v.kind === '敲门入户').length,
      unitVisits: visits.filter((v) => v.kind === '走访企业' || v.kind === '联系点座谈').length,
      peopleMet: visits.reduce((sum, v) => sum + v.headcount, 0),
      opinions: visits.reduce((sum, v) => sum + v.opinions.length, 0),
      casesRaised: submitted.filter((c) => c.source === 'visit').length,
      vulnerableOnLedger: tagged.length,
      vulnerableVisited: tagged.filter((h) => h.lastVisitedAt >= start).length,
    },
  }
}

const dayOf = (at: number) => new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10)

test('after random histories, every dashboard figure equals its recomputation from the raw records, and the rebuild finds no difference', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 45 }), async (steps) => {
      const w = await world()
      try {
        const ids: string[] = []
        for (const s of steps) await run(w, ids, s)
        const { deps } = w
        const now = deps.clock.now()
        const records = {
          cases: await all<Case>(deps, 'cases'),
          visits: await all<Visit>(deps, 'visits'),
          checkins: await all<Checkin>(deps, 'checkins'),
          households: await all<Household>(deps, 'households'),
        }
        // A range that starts on the first day (a month end) and ends today; and this month alone.
        const ranges = [{ kind: 'range', from: dayOf(START), to: dayOf(now) }, { kind: 'month' }] as const
        for (const period of ranges) {
          for (const [viewer, unitId] of [
            ['admin', 'district'],
            ['sup-a', 'office-a'],
            ['sup-b', 'estate-b'],
          ] as const) {
            const shown = data<Dashboard>(await call(deps, viewer, { action: 'dashboard', period, unitId }, 'stats'))
            const want = recompute(records, unitId, shown.period.start, shown.period.end, now)
            expect({ cases: shown.cases, rates: shown.rates, fieldwork: shown.fieldwork }).toEqual(want)
            for (const row of shown.ranking) {
              const child = recompute(records, row.unit.id, shown.period.start, shown.period.end, now)
              expect(row).toEqual({
                unit: row.unit,
                total: child.cases.total,
                closed: child.cases.closed,
                overdue: child.cases.overdue,
                rates: child.rates,
              })
            }
          }
        }
        // Every count opens its records: as many rows as the figure says (a case closed twice, twice).
        const shown = data<Dashboard>(
          await call(deps, 'sup-a', { action: 'dashboard', period: ranges[0], unitId: 'office-a' }, 'stats'),
        )
        const figures: Record<string, number> = {
          'cases.total': shown.cases.total,
          'cases.pending': shown.cases.pending,
          'cases.working': shown.cases.working,
          'cases.closed': shown.cases.closed,
          'cases.onTheSpot': shown.cases.onTheSpot,
          'cases.declined': shown.cases.declined,
          'cases.merged': shown.cases.merged,
          'cases.overdue': shown.cases.overdue,
          'rates.response': shown.rates.response.denominator,
          'rates.solved': shown.rates.solved.denominator,
          'rates.satisfiedWithDefault': shown.rates.satisfiedWithDefault.denominator,
          'rates.defaultRated': shown.rates.defaultRated,
          'rates.closures': shown.rates.closures,
          'fieldwork.visits': shown.fieldwork.visits,
          'fieldwork.doorsKnocked': shown.fieldwork.doorsKnocked,
          'fieldwork.unitVisits': shown.fieldwork.unitVisits,
          'fieldwork.signIns': shown.fieldwork.signIns,
          'fieldwork.casesRaised': shown.fieldwork.casesRaised,
          'fieldwork.vulnerableVisited': shown.fieldwork.vulnerableVisited,
        }
        const listed: Record<string, number> = {}
        for (const figure of Object.keys(figures)) {
          const page = data<{ total: number }>(
            await call(deps, 'sup-a', { action: 'records', figure, period: ranges[0], unitId: 'office-a' }, 'stats'),
          )
          listed[figure] = page.total
        }
        expect(listed).toEqual(figures)
        expect(await rebuildRollups(deps.store, { repair: false })).toEqual([])
      } finally {
        await w.deps.store.close()
      }
    }),
    { numRuns: 40 },
  )
}, 300_000)
