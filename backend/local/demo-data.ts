import type { OrgUnit, OrgUnitKind } from '@core/org/org'
import { staffTemplatesFor } from '@core/case/notifications'
import type { Role } from '@core/roles'
import { chinaTime } from '@core/time'
import type { LeaderRank, User } from '@core/user/user'
import type { Deps } from '../handlers/context'
import { runFunction } from '../handlers/dispatch'

interface DemoUnit {
  id: string
  name: string
  kind: OrgUnitKind
  parentId: string | null
}

const UNITS: DemoUnit[] = [
  { id: 'unit-district', name: '示范管理区', kind: 'district', parentId: null },
  { id: 'unit-donghu-office', name: '东湖办事处', kind: 'office', parentId: 'unit-district' },
  { id: 'unit-donghu-community', name: '东湖社区', kind: 'community', parentId: 'unit-donghu-office' },
  { id: 'unit-liuan-estate', name: '柳岸小区', kind: 'estate', parentId: 'unit-donghu-office' },
  { id: 'unit-xiling-office', name: '西岭办事处', kind: 'office', parentId: 'unit-district' },
  { id: 'unit-xiling-community', name: '西岭社区', kind: 'community', parentId: 'unit-xiling-office' },
  { id: 'unit-xiling-team3', name: '西岭三队', kind: 'team', parentId: 'unit-xiling-office' },
  { id: 'unit-civil-affairs', name: '区民政服务中心', kind: 'department', parentId: 'unit-district' },
]

/** Leaders (领导职务) among the officials: the 领办 board has someone to show. */
const DEMO_LEADERS: Partial<Record<string, LeaderRank>> = {
  'demo-supervisor-zhou': 'principal',
  'demo-supervisor-chen': 'other',
  'demo-supervisor-liu': 'other',
}

const DEMO_USERS: Array<{ openid: string; name: string; role: Role; unitId: string; phone: string }> = [
  {
    openid: 'demo-resident-zhang',
    name: '张秀兰',
    role: 'resident',
    unitId: 'unit-liuan-estate',
    phone: '13800000001',
  },
  {
    openid: 'demo-resident-li',
    name: '李建国',
    role: 'resident',
    unitId: 'unit-xiling-community',
    phone: '13800000002',
  },
  { openid: 'demo-cadre-wang', name: '王强', role: 'cadre', unitId: 'unit-donghu-office', phone: '13900000011' },
  { openid: 'demo-cadre-zhao', name: '赵敏', role: 'cadre', unitId: 'unit-xiling-office', phone: '13900000012' },
  {
    openid: 'demo-supervisor-chen',
    name: '陈立新',
    role: 'supervisor',
    unitId: 'unit-donghu-office',
    phone: '13700000021',
  },
  {
    openid: 'demo-supervisor-liu',
    name: '刘红梅',
    role: 'supervisor',
    unitId: 'unit-xiling-office',
    phone: '13700000022',
  },
  { openid: 'demo-supervisor-zhou', name: '周志远', role: 'supervisor', unitId: 'unit-district', phone: '13700000023' },
  { openid: 'demo-admin', name: '系统管理员', role: 'admin', unitId: 'unit-district', phone: '0728-5550100' },
]

const DEMO_CASES = [
  {
    openid: 'demo-resident-zhang',
    event: {
      action: 'submit',
      clientRequestId: 'demo-case-0001',
      category: '人居环境',
      urgency: 'normal',
      description: '柳岸小区3栋2单元楼道灯坏了半个多月，晚上老人上下楼看不见，怕摔跤。',
      areaUnitId: 'unit-liuan-estate',
      location: { address: '柳岸小区3栋2单元' },
      reporter: { name: '张秀兰', phone: '13800000001', relation: 'self' },
    },
  },
  {
    openid: 'demo-resident-zhang',
    event: {
      action: 'submit',
      clientRequestId: 'demo-case-0002',
      category: '养老',
      urgency: 'hard',
      description: '老伴行动不便，想申请社区上门助餐服务，不知道该找谁办理。',
      areaUnitId: 'unit-donghu-community',
      reporter: { name: '张秀兰', phone: '13800000001', relation: 'self', anonymous: true },
    },
  },
  {
    openid: 'demo-resident-li',
    event: {
      action: 'submit',
      clientRequestId: 'demo-case-0003',
      category: '交通出行',
      urgency: 'urgent',
      description: '西岭社区东门路段一下雨就积水到小腿，电动车过不去，孩子上学要绕很远。',
      areaUnitId: 'unit-xiling-community',
      location: { coords: { lat: 30.4312, lng: 112.8965, system: 'wgs84' }, address: '西岭社区东门' },
      reporter: { name: '李建国', phone: '0728-6231234', relation: 'self' },
    },
  },
  {
    openid: 'demo-resident-li',
    event: {
      action: 'submit',
      clientRequestId: 'demo-case-0004',
      category: '医疗',
      urgency: 'normal',
      description: '父亲在三队住，慢性病要长期拿药，村卫生室常缺降压药，希望能保证供应。',
      areaUnitId: 'unit-xiling-team3',
      reporter: { name: '李德明', phone: '13800000003', relation: 'family' },
    },
  },
]

function ancestorsOf(unit: DemoUnit): string[] {
  const chain: string[] = []
  let parentId = unit.parentId
  while (parentId) {
    chain.unshift(parentId)
    parentId = UNITS.find((candidate) => candidate.id === parentId)?.parentId ?? null
  }
  return chain
}

async function seedOrgAndUsers({ store }: Deps, now: number): Promise<void> {
  for (const unit of UNITS) {
    const doc: OrgUnit = {
      _id: unit.id,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      ancestorIds: ancestorsOf(unit),
      active: true,
      createdAt: now,
      version: 1,
    }
    await store.insert('orgUnits', doc)
  }
  for (const user of DEMO_USERS) {
    const doc: User = {
      _id: user.openid,
      name: user.name,
      phone: user.phone,
      role: user.role,
      unitId: user.unitId,
      unitPath: [...ancestorsOf(UNITS.find((unit) => unit.id === user.unitId) as DemoUnit), user.unitId],
      active: true,
      listed: true,
      leaderRank: DEMO_LEADERS[user.openid] ?? null,
      // As if each official had tapped 开启消息提醒 a few times: demo messages reach them.
      subscriptions: Object.fromEntries(staffTemplatesFor(user.role).map((template) => [template, 20])),
      createdAt: now,
      updatedAt: now,
      version: 1,
    }
    await store.insert('users', doc)
  }
}

/** The demo cases go through the real submit handler; one is already on its way. */
async function seedCases(deps: Deps): Promise<void> {
  const { store } = deps
  const ids: string[] = []
  for (const { openid, event } of DEMO_CASES) {
    const result = await runFunction('cases', event, deps, { openid })
    if (!result.ok) throw new Error(`demo case ${event.clientRequestId}: ${result.code} ${result.message}`)
    ids.push((result.data as { id: string }).id)
  }
  // One case already on its way, so every role has something to see: 西岭's supervisor assigned
  // the flooded road to 赵敏, who acknowledged it; she leads it herself, as her and 西岭办事处's 领办.
  const flooded = ids[2] as string
  for (const [openid, from, event] of [
    [
      'demo-supervisor-liu',
      'submitted',
      {
        action: 'assign',
        leadOfficialId: 'demo-supervisor-liu',
        pledgeLeaderId: 'demo-supervisor-liu',
        pledgeUnitId: 'unit-xiling-office',
        responsibleUnitId: 'unit-xiling-office',
        handlerOpenid: 'demo-cadre-zhao',
        standard: '疏通东门排水口，雨后两小时内路面无积水',
      },
    ],
    ['demo-cadre-zhao', 'assigned', { action: 'acknowledge' }],
  ] as const) {
    const current = await store.get<{ _id: string; version: number; status: string }>('cases', flooded)
    // Rerun after an interruption: skip the steps already taken.
    if (current?.status !== from) continue
    const result = await runFunction('cases', { ...event, id: flooded, expectedVersion: current?.version }, deps, {
      openid,
    })
    if (!result.ok) throw new Error(`demo ${event.action}: ${result.code} ${result.message}`)
  }
}

async function seedContactPoints(deps: Deps): Promise<void> {
  const { store } = deps
  // Contact points, each with its cadre and supervisor (WGS-84).
  for (const [openid, point] of [
    [
      'demo-supervisor-chen',
      {
        type: '联系生产队/小区',
        name: '柳岸小区联系点',
        unitId: 'unit-liuan-estate',
        position: { lat: 30.4285, lng: 112.8912, system: 'wgs84' },
        cadreOpenids: ['demo-cadre-wang', 'demo-supervisor-chen'],
      },
    ],
    [
      'demo-supervisor-liu',
      {
        type: '联系生产队/小区',
        name: '西岭社区联系点',
        unitId: 'unit-xiling-community',
        position: { lat: 30.4312, lng: 112.8965, system: 'wgs84' },
        cadreOpenids: ['demo-cadre-zhao', 'demo-supervisor-liu'],
      },
    ],
  ] as const) {
    const exists = await store.count('contactPoints', { name: point.name })
    if (exists > 0) continue
    const result = await runFunction('fieldwork', { action: 'createContactPoint', ...point }, deps, { openid })
    if (!result.ok) throw new Error(`demo contact point: ${result.code} ${result.message}`)
  }
}

/**
 * 西岭办事处 has published this month's 三个清单 so far, so 公开清单 shows something at once. The
 * month is the seeding day's, as a supervisor would pick it; publishing goes through the handlers.
 */
async function seedPublication(deps: Deps): Promise<void> {
  const supervisor = { openid: 'demo-supervisor-liu' }
  const month = chinaTime(deps.clock.now()).format('YYYY-MM')
  const unit = { unitId: 'unit-xiling-office', month }
  // Rerun after an interruption: published already.
  if (await deps.store.get('publicLists', `${unit.unitId}|${month}`)) return
  const draft = await runFunction('publications', { action: 'openDraft', ...unit }, deps, supervisor)
  if (!draft.ok) throw new Error(`demo lists: ${draft.code} ${draft.message}`)
  const expectedVersion = (draft.data as { version: number }).version
  const published = await runFunction('publications', { action: 'publish', ...unit, expectedVersion }, deps, supervisor)
  if (!published.ok) throw new Error(`demo lists: ${published.code} ${published.message}`)
}

/**
 * Creates the demo organisation, one user of every role in two 办事处, and a few cases, once per
 * data folder. Cases go through the real submit handler. Safe to rerun after an interruption:
 * every insert is keyed and every submit carries a fixed request id.
 */
export async function seedDemoData(deps: Deps): Promise<boolean> {
  const { store, clock } = deps
  if (await store.get('meta', 'demo-data')) return false
  const now = clock.now()
  await seedOrgAndUsers(deps, now)
  await seedCases(deps)
  await seedContactPoints(deps)
  await seedPublication(deps)
  await store.insert('meta', { _id: 'demo-data', createdAt: now })
  return true
}
