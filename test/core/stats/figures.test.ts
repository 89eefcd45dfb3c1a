import type { Case } from '@core/case/case'
import { newCase } from '@core/case/create'
import { applyTransition, type CaseAction, type TransitionParams } from '@core/case/lifecycle'
import { submitCaseInput } from '@core/case/case.schemas'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { SYSTEM_ACTOR, type Actor, type Principal } from '@core/roles'
import { caseContributions, personKey } from '@core/stats/contributions'
import { briefing, caseBuckets, formatRate, rates } from '@core/stats/figures'
import { periodRows, resolvePeriod, trendWeeks } from '@core/stats/period'
import { caseRecords } from '@core/stats/records'
import { rollupRows, sumCounts, type Counts } from '@core/stats/rollups'
import { HOUR_MS } from '@core/time'

/** Midnight of a day (UTC+8) plus some hours. */
const at = (day: string, hours = 0) => Date.parse(`${day}T00:00:00+08:00`) + hours * HOUR_MS

const SUPERVISOR: Principal = { openid: 'sup-a', role: 'supervisor', unitId: 'office-a', name: '陈书记' }
const HANDLER: Principal = { openid: 'cadre-a', role: 'cadre', unitId: 'office-a', name: '王强' }
const REPORTER: Actor = { openid: 'res-1', role: 'resident', unitId: null, name: '张三' }
const RESPONSIBLE = { id: 'office-a', path: ['district', 'office-a'] }

let serial = 0
function submitted(when: number, urgency: 'urgent' | 'normal' = 'urgent'): Case {
  serial += 1
  return newCase({
    id: `case-${serial}`,
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number: `2026-${String(serial).padStart(6, '0')}`,
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: `figures-${String(serial).padStart(4, '0')}`,
      category: '住房',
      urgency,
      description: '屋顶漏水很久了',
      areaUnitId: 'estate-a',
      reporter: { name: '张三', phone: '13812345678' },
      subscriptions: ['caseAccepted', 'caseClosed'],
    }),
    actor: REPORTER,
    source: 'resident',
    now: when,
  })
}

/** Takes the steps in order, each at its moment, failing loudly on a refusal. */
function history(doc: Case, steps: Array<[CaseAction, Principal, number, Record<string, unknown>?]>): Case {
  let current = doc
  for (const [action, actor, now, params] of steps) {
    const result = applyTransition(current, action, (params ?? {}) as TransitionParams[typeof action], {
      actor,
      now,
      limits: DEFAULT_TIME_LIMITS,
    })
    if (!result.ok) throw new Error(`${action} refused: ${result.code}`)
    current = result.data.next
  }
  return current
}

const assign = {
  leadOfficial: '陈书记',
  responsibleUnit: RESPONSIBLE,
  handler: { openid: 'cadre-a', name: '王强' },
  standard: '修好',
}
const answer = (solved: 'solved' | 'unsolved', satisfaction: 'satisfied' | 'basically' | 'dissatisfied') => ({
  solved,
  satisfaction,
  comment: '',
})

/** One subject's counts over [from, to] (days, UTC+8), through the rollup rows. */
function countsOf(cases: Case[], subject: string, from: string, to: string): Counts {
  const rows = rollupRows(cases.flatMap(caseContributions))
  const period = resolvePeriod({ kind: 'range', from, to }, at('2026-12-31', 12))
  if (!period.ok) throw new Error(period.code)
  return sumCounts(
    periodRows(subject, period.data.start, period.data.end).flatMap((key) => {
      const row = rows.get(`${key.subject}|${key.grain}${key.slot}`)
      return row ? [row] : []
    }),
  )
}

describe('the three rates on hand-built cases', () => {
  // Assigned 11-03 10:00 (urgent: 签收 within 2 h, by 12:00).
  const assignedAt = at('2026-11-03', 10)
  const onTheLimit = history(submitted(at('2026-11-03', 9)), [
    ['assign', SUPERVISOR, assignedAt, assign],
    ['acknowledge', HANDLER, assignedAt + 2 * HOUR_MS], // exactly at the limit: on time
    ['requestClosure', HANDLER, at('2026-11-04', 9), { note: '已修好', evidence: [], standardMet: '不漏了' }],
    ['approveClosure', SUPERVISOR, at('2026-11-04', 15), { note: '' }],
    ['rate', REPORTER, at('2026-11-05', 9), answer('solved', 'satisfied')],
  ])
  const late = history(submitted(at('2026-11-10', 9)), [
    ['assign', SUPERVISOR, at('2026-11-10', 10), assign],
    ['acknowledge', HANDLER, at('2026-11-10', 12) + 1], // one millisecond past the limit
    ['requestClosure', HANDLER, at('2026-11-11', 9), { note: '已处理', evidence: [], standardMet: '处理完毕' }],
    ['approveClosure', SUPERVISOR, at('2026-11-11', 15), { note: '' }],
    // 不满意 reopens the case; it is closed again and answered again: both closures and both answers count.
    ['rate', REPORTER, at('2026-11-12', 9), answer('unsolved', 'dissatisfied')],
    ['requestClosure', HANDLER, at('2026-11-20', 9), { note: '重新处理', evidence: [], standardMet: '处理完毕' }],
    ['approveClosure', SUPERVISOR, at('2026-11-20', 15), { note: '' }],
    ['rate', REPORTER, at('2026-11-21', 9), answer('solved', 'basically')],
  ])
  // Nobody answers: 默认满意 after 7 days, counted apart.
  const byDefault = history(submitted(at('2026-11-15', 9)), [
    ['assign', SUPERVISOR, at('2026-11-15', 10), assign],
    ['acknowledge', HANDLER, at('2026-11-15', 11)],
    ['requestClosure', HANDLER, at('2026-11-16', 9), { note: '已修好', evidence: [], standardMet: '不漏了' }],
    ['approveClosure', SUPERVISOR, at('2026-11-16', 15), { note: '' }],
    ['rateByDefault', SYSTEM_ACTOR, at('2026-11-23', 16)],
  ])
  // Outside November: assigned and rated in December.
  const december = history(submitted(at('2026-11-30', 23)), [
    ['assign', SUPERVISOR, at('2026-12-01', 8), assign],
    ['acknowledge', HANDLER, at('2026-12-01', 9)],
    ['requestClosure', HANDLER, at('2026-12-02', 9), { note: '已修好', evidence: [], standardMet: '不漏了' }],
    ['approveClosure', SUPERVISOR, at('2026-12-02', 15), { note: '' }],
    ['rate', REPORTER, at('2026-12-03', 9), answer('unsolved', 'dissatisfied')],
  ])
  const cases = [onTheLimit, late, byDefault, december]

  test('November, for the responsible unit: written out by hand', () => {
    const november = rates(countsOf(cases, 'office-a', '2026-11-01', '2026-11-30'))
    expect(november).toEqual({
      // assigned 3 in November (the fourth on 12-01); on time: the one at the limit and the default one
      response: { numerator: 2, denominator: 3, value: 2 / 3 },
      // real answers: satisfied+solved, dissatisfied+unsolved, basically+solved (the default apart)
      solved: { numerator: 2, denominator: 3, value: 2 / 3 },
      satisfied: { numerator: 2, denominator: 3, value: 2 / 3 },
      solvedWithDefault: { numerator: 3, denominator: 4, value: 3 / 4 },
      satisfiedWithDefault: { numerator: 3, denominator: 4, value: 3 / 4 },
      defaultRated: 1,
      // 11-04, 11-11, 11-20 (reopened and closed again), 11-16
      closures: 4,
    })
    expect([formatRate(november.response.value), formatRate(november.solvedWithDefault.value)]).toEqual([
      '66.7%',
      '75%',
    ])
  })

  test('December alone holds the fourth case; the handler’s own figures are the same cases', () => {
    expect(rates(countsOf(cases, 'office-a', '2026-12-01', '2026-12-31'))).toMatchObject({
      response: { numerator: 1, denominator: 1 },
      solved: { numerator: 0, denominator: 1, value: 0 },
      defaultRated: 0,
      closures: 1,
    })
    expect(rates(countsOf(cases, personKey('cadre-a'), '2026-11-01', '2026-12-31'))).toMatchObject({
      response: { numerator: 3, denominator: 4 },
      closures: 5,
    })
    // The area's unit below the responsible one is credited with none of the work.
    expect(rates(countsOf(cases, 'estate-a', '2026-11-01', '2026-12-31')).closures).toBe(0)
  })

  test('the records behind 响应率 say how each assignment was signed, and those behind 销号 list a reopened case twice', () => {
    const waiting = history(submitted(at('2026-11-25', 9)), [['assign', SUPERVISOR, at('2026-11-25', 10), assign]])
    const window = { subjects: ['office-a'], start: at('2026-11-01'), end: at('2026-12-01') }
    const rows = [onTheLimit, late, waiting].flatMap((doc) => caseRecords(doc, 'rates.response', window))
    expect(rows.map((row) => row.kind === 'case' && [row.number, row.what])).toEqual([
      [onTheLimit.number, '派单 · 按时签收'],
      [late.number, '派单 · 超时签收'],
      [waiting.number, '派单 · 未签收'],
    ])
    const closures = caseRecords(late, 'rates.closures', window)
    expect(closures.map((row) => row.kind === 'case' && [row.what, row.at])).toEqual([
      ['销号', at('2026-11-11', 15)],
      ['销号', at('2026-11-20', 15)],
    ])
    expect(caseRecords(byDefault, 'rates.defaultRated', window).map((row) => row.kind === 'case' && row.what)).toEqual([
      '默认满意',
    ])
  })

  test('buckets count the cases by their area and submission day, in their state now', () => {
    const open = submitted(at('2026-11-20', 9))
    const declined = history(submitted(at('2026-11-21', 9)), [
      ['decline', SUPERVISOR, at('2026-11-21', 10), { reason: '不属实' }],
    ])
    expect(caseBuckets(countsOf([...cases, open, declined], 'estate-a', '2026-11-01', '2026-11-30'))).toEqual({
      // the 11-30 23:00 case is November's; its 不满意 reopened it
      total: 5,
      pending: 1,
      working: 1,
      closed: 3,
      onTheSpot: 0,
      declined: 1,
      merged: 0,
      raisedOnVisit: 0,
    })
    // December has none of them: 11-30 23:00 at UTC+8 is still November.
    expect(caseBuckets(countsOf(cases, 'estate-a', '2026-12-01', '2026-12-31')).total).toBe(0)
  })
})

test('a period reads whole months once and the days at its edges', () => {
  const period = resolvePeriod({ kind: 'range', from: '2026-10-30', to: '2026-12-02' }, at('2026-12-02', 12))
  expect(period.ok && periodRows('u', period.data.start, period.data.end)).toEqual([
    { subject: 'u', grain: 'd', slot: 20261030 },
    { subject: 'u', grain: 'd', slot: 20261031 },
    { subject: 'u', grain: 'm', slot: 202611 },
    { subject: 'u', grain: 'd', slot: 20261201 },
    { subject: 'u', grain: 'd', slot: 20261202 },
  ])
})

test('periods resolve on the UTC+8 calendar, and bad ranges are refused with a reason', () => {
  const now = at('2026-12-02', 1) // Wednesday 01:00 — still Tuesday in UTC
  const labels = (['week', 'month', 'quarter', 'campaign'] as const).map((kind) => {
    const period = resolvePeriod({ kind }, now)
    return period.ok
      ? [period.data.label, period.data.start === at(...START_OF[kind]), period.data.end === at('2026-12-03')]
      : period.code
  })
  expect(labels).toEqual([
    ['本周（11月30日至12月2日）', true, true],
    ['2026年12月', true, true],
    ['2026年第4季度', true, true],
    ['活动以来（2026年1月1日起）', true, true],
  ])
  const refused = (from: string, to: string) => {
    const period = resolvePeriod({ kind: 'range', from, to }, now)
    return period.ok ? 'accepted' : [period.code, period.message]
  }
  expect(refused('2026-11-31', '2026-12-01')).toEqual(['STATS.BAD_PERIOD', '开始日期不存在'])
  expect(refused('2026-11-02', '2026-11-01')).toEqual(['STATS.BAD_PERIOD', '结束日期不能早于开始日期'])
  expect(refused('2026-11-02', '2026-12-03')).toEqual(['STATS.BAD_PERIOD', '结束日期不能晚于今天'])
  expect(refused('2025-12-01', '2026-12-02')).toEqual(['STATS.BAD_PERIOD', '一次最多统计 366 天'])
  expect(refused('2025-12-02', '2026-12-02')).toEqual('accepted')
})
const START_OF: Record<string, [string]> = {
  week: ['2026-11-30'],
  month: ['2026-12-01'],
  quarter: ['2026-10-01'],
  campaign: ['2026-01-01'],
}

test('the trend shows the 8 weeks (Monday first) up to the period’s last day', () => {
  expect(
    trendWeeks(at('2026-12-03')).map((monday) => new Date(monday + 8 * HOUR_MS).toISOString().slice(0, 10)),
  ).toEqual([
    '2026-10-12',
    '2026-10-19',
    '2026-10-26',
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
  ])
})

test('工作简报: the briefings’ wording, 立行立改 + 已销号办结 + 推进整改 (+ 待受理) adding up to the problems found', () => {
  const text = briefing(
    {
      cases: {
        total: 15,
        pending: 1,
        working: 7,
        closed: 7,
        onTheSpot: 2,
        declined: 1,
        merged: 0,
        raisedOnVisit: 3,
        overdue: 2,
      },
      rates: {
        response: { numerator: 9, denominator: 10, value: 0.9 },
        solved: { numerator: 5, denominator: 6, value: 5 / 6 },
        satisfied: { numerator: 6, denominator: 6, value: 1 },
        solvedWithDefault: { numerator: 6, denominator: 7, value: 6 / 7 },
        satisfiedWithDefault: { numerator: 7, denominator: 7, value: 1 },
        defaultRated: 1,
        closures: 7,
      },
      fieldwork: {
        signIns: 35,
        hours: 82.5,
        visits: 60,
        doorsKnocked: 48,
        unitVisits: 12,
        peopleMet: 160,
        opinions: 140,
        casesRaised: 3,
        vulnerableOnLedger: 20,
        vulnerableVisited: 18,
      },
    },
    { unit: 'A办事处', periodLabel: '2026年11月', periodPhrase: '本月' },
  )
  expect(text).toEqual({
    title: 'A办事处2026年11月工作简报',
    text:
      '本月累计下沉党员干部35人次、82.5小时，走访群众48户、单位12个次，见到群众160人次，收集意见建议140条；' +
      '梳理问题15个，其中立行立改2个、已销号办结5个、正在推进整改7个，另有1个待受理；' +
      '响应率90%、解决率83.3%、满意率100%。',
  })
})

test('工作简报 without any answer yet says so instead of printing empty rates', () => {
  const none = { numerator: 0, denominator: 0, value: null }
  const text = briefing(
    {
      cases: {
        total: 1,
        pending: 1,
        working: 0,
        closed: 0,
        onTheSpot: 0,
        declined: 0,
        merged: 0,
        raisedOnVisit: 0,
        overdue: 0,
      },
      rates: {
        response: none,
        solved: none,
        satisfied: none,
        solvedWithDefault: none,
        satisfiedWithDefault: none,
        defaultRated: 0,
        closures: 0,
      },
      fieldwork: {
        signIns: 0,
        hours: 0,
        visits: 0,
        doorsKnocked: 0,
        unitVisits: 0,
        peopleMet: 0,
        opinions: 0,
        casesRaised: 0,
        vulnerableOnLedger: 0,
        vulnerableVisited: 0,
      },
    },
    { unit: '东湖社区', periodLabel: '本周（11月30日至12月2日）', periodPhrase: '本周' },
  )
  expect(text.text).toBe(
    '本周累计下沉党员干部0人次、0小时，走访群众0户、单位0个次，见到群众0人次，收集意见建议0条；' +
      '梳理问题1个，其中立行立改0个、已销号办结0个、正在推进整改0个，另有1个待受理；暂无办结评价。',
  )
})
