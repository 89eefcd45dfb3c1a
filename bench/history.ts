/**
 * The history the benchmarks stand on: cases at a steady pace to the day before NOW (10k cover this
 * year, 100k ten times as long: history grows, a month's work does not), the older ones
 * closed and rated, the last few hundred still being worked on (as in a district that keeps up),
 * with visits and sign-ins in proportion; rollups rebuilt from them.
 */
import type { Deps } from '../backend/handlers/context'
import { rebuildRollups } from '../backend/stats/rebuild'
import type { Case } from '../core/case/case'
import { submitCaseInput } from '../core/case/case.schemas'
import { newCase } from '../core/case/create'
import { applyTransition, type CaseAction, type TransitionParams } from '../core/case/lifecycle'
import { formatCaseNumber } from '../core/case/number'
import { DEFAULT_TIME_LIMITS } from '../core/case/time-limits'
import type { Store } from '../backend/ports/store'
import type { Checkin } from '../core/fieldwork/fieldwork'
import type { Visit } from '../core/fieldwork/visit'
import { SYSTEM_ACTOR, type Principal } from '../core/roles'
import { DAY_MS, HOUR_MS } from '../core/time'

export const NOW = Date.parse('2026-12-02T12:00:00+08:00')
/** A district's pace: 10k cases in the eleven months from New Year; more cases are more years, not a busier month. */
const FIRST_10K_FROM = Date.parse('2026-01-01T08:00:00+08:00')
const CASES_PER_PACE = 10_000
const OPEN_CASES = 400

const OFFICES = ['office-1', 'office-2', 'office-3']
const AREAS = OFFICES.flatMap((office) => [`${office}-estate-1`, `${office}-estate-2`])
const pathOf = (area: string) => ['district', area.slice(0, 8), area]
export const SUPERVISOR: Principal = {
  openid: 'bench-supervisor',
  role: 'supervisor',
  unitId: 'district',
  name: '区督办',
}
export const HANDLER: Principal = { openid: 'bench-cadre', role: 'cadre', unitId: 'office-1', name: '王强' }
const RESIDENT = { openid: 'bench-resident', role: 'resident' as const, unitId: null, name: '居民' }

function step<A extends CaseAction>(
  doc: Case,
  action: A,
  actor: Principal,
  now: number,
  params: TransitionParams[A],
): Case {
  const result = applyTransition(doc, action, params, { actor, now, limits: DEFAULT_TIME_LIMITS })
  if (!result.ok) throw new Error(`${action}: ${result.code}`)
  return result.data.next
}

/** One case of the history: submitted at `at`; closed and rated unless it is among the last ones. */
function historicCase(i: number, at: number, open: boolean): Case {
  const area = AREAS[i % AREAS.length] as string
  let doc = newCase({
    id: `bench-case-${i}`,
    areaUnitPath: pathOf(area),
    number: formatCaseNumber(2026, i + 1),
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: `bench-dashboard-${i}`,
      category: (['人居环境', '养老', '交通出行', '就业'] as const)[i % 4],
      urgency: 'normal',
      description: `第${i}条：小区门口路灯不亮，晚上出行不便。`,
      areaUnitId: area,
      reporter: { name: '测试居民', phone: '13812345678' },
    }),
    actor: RESIDENT,
    source: i % 5 === 0 ? 'visit' : 'resident',
    now: at,
  })
  if (open && i % 3 === 0) return doc
  const office = area.slice(0, 8)
  doc = step(doc, 'assign', SUPERVISOR, at + HOUR_MS, {
    leadOfficial: '区督办',
    responsibleUnit: { id: office, path: ['district', office] },
    handler: { openid: HANDLER.openid, name: HANDLER.name },
    standard: '按时解决',
  })
  doc = step(doc, 'acknowledge', HANDLER, at + (i % 7 === 0 ? 30 : 2) * HOUR_MS, {})
  if (open) return doc
  doc = step(doc, 'requestClosure', HANDLER, at + 2 * DAY_MS, { note: '已处理', evidence: [], standardMet: '已达到' })
  doc = step(doc, 'approveClosure', SUPERVISOR, at + 2 * DAY_MS + HOUR_MS, { note: '' })
  if (i % 4 === 0) return step(doc, 'rateByDefault', SYSTEM_ACTOR, at + 10 * DAY_MS, {})
  return step(doc, 'rate', { ...RESIDENT, role: 'resident' }, at + 3 * DAY_MS, {
    // Answers that close the case for good (a 不满意 would reopen it: the work in hand would grow with history).
    solved: 'solved',
    satisfaction: i % 9 === 0 ? 'basically' : 'satisfied',
    comment: '',
  })
}

function visit(i: number, at: number): Visit {
  const area = AREAS[i % AREAS.length] as string
  return {
    _id: `bench-visit-${i}`,
    openid: HANDLER.openid,
    visitorName: HANDLER.name,
    kind: i % 3 === 0 ? '走访企业' : '敲门入户',
    at,
    durationMinutes: 30,
    areaUnitId: area,
    unitPath: pathOf(area),
    contactPointId: null,
    householdId: null,
    household: null,
    enterpriseName: null,
    headcount: 1 + (i % 4),
    opinions: i % 2 === 0 ? ['希望增加路灯'] : [],
    photos: [],
    location: null,
    raisedCaseIds: [],
    raisedCases: [],
    createdAt: at,
    version: 1,
  }
}

function checkin(i: number, at: number): Checkin {
  const area = AREAS[i % AREAS.length] as string
  return {
    _id: `bench-checkin-${i}`,
    openid: HANDLER.openid,
    personName: HANDLER.name,
    contactPointId: 'bench-point',
    contactPointName: '联系点',
    unitPath: pathOf(area),
    signedInAt: at,
    signedOutAt: at + 3 * HOUR_MS,
    hours: 3,
    autoClosed: false,
    position: { lat: 30, lng: 112 },
    accuracy: 10,
    distanceMeters: 20,
    suspiciousTravel: false,
    signOutPosition: null,
    signOutDistanceMeters: null,
    signedOutFar: false,
    signOutUnlocated: false,
    version: 2,
  }
}

export async function seed(deps: Deps, count: number): Promise<void> {
  const unit = (id: string, name: string, kind: string, ancestorIds: string[]) =>
    deps.store.insert('orgUnits', {
      _id: id,
      name,
      kind,
      parentId: ancestorIds.at(-1) ?? null,
      ancestorIds,
      active: true,
      createdAt: 0,
      version: 1,
    })
  await unit('district', '基准管理区', 'district', [])
  for (const office of OFFICES) await unit(office, office, 'office', ['district'])
  for (const area of AREAS) await unit(area, area, 'estate', pathOf(area).slice(0, 2))
  for (const [openid, role, unitId] of [
    [SUPERVISOR.openid, 'supervisor', 'district'],
    [HANDLER.openid, 'cadre', 'office-1'],
  ] as const) {
    await deps.store.insert('users', {
      _id: openid,
      name: openid,
      phone: null,
      role,
      unitId,
      unitPath: unitId === 'district' ? ['district'] : ['district', unitId],
      active: true,
      listed: true,
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    })
  }
  // At a steady pace to the day before NOW; the last OPEN_CASES are still being worked on.
  const span = (NOW - DAY_MS - FIRST_10K_FROM) * (count / CASES_PER_PACE)
  const historyStart = NOW - DAY_MS - span
  for (let i = 0; i < count; i++) {
    await deps.store.insert(
      'cases',
      historicCase(i, historyStart + Math.floor((i / count) * span), i >= count - OPEN_CASES),
    )
  }
  for (let i = 0; i < count / 10; i++) {
    const at = historyStart + Math.floor((i / (count / 10)) * span)
    await deps.store.insert('visits', visit(i, at))
    await deps.store.insert('checkins', checkin(i, at))
  }
  const differences = await rebuildRollups(deps.store, { repair: true })
  console.log(`  ${count} 条诉求、${count / 10} 条走访、${count / 10} 次签到；汇总 ${differences.length} 项由重算写入`)
}

/** What the history's handlers run with: this store, NOW's clock, and nothing that leaves the process. */
export function benchDeps(store: Store): Deps {
  return {
    store,
    files: {
      isImage: async () => false,
      temporaryUrls: async () => ({}),
      saveExport: async () => ({ fileId: '', url: '' }),
    },
    clock: { now: () => NOW },
    notifier: { send: async () => undefined },
    contentCheck: { check: async (texts) => texts.map(({ key }) => ({ key, verdict: 'pass' })) },
    settings: { bootstrapAdminOpenids: [], rateLimits: [] },
  }
}
