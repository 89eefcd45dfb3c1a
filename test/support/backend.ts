import { DiskFileStore } from '../../backend/adapters/disk.files'
import { SqliteStore } from '../../backend/adapters/sqlite.store'
import { ExceljsWorkbooks } from '../../backend/adapters/exceljs.workbook'
import { KeywordContentCheck } from '../../backend/adapters/keyword.content-check'
import { IndexCheckingStore } from '../../backend/index-coverage'
import { RollupKeepingStore } from '../../backend/rollups'
import type { Store } from '../../backend/ports/store'
import { uncoveredQueries } from './uncovered'
import { OutboxNotifier } from '../../backend/adapters/outbox.notifier'
import type { Deps } from '../../backend/handlers/context'
import { runFunction } from '../../backend/handlers/dispatch'
import type { Clock } from '../../backend/ports/clock'
import type { OrgUnit } from '@core/org/org'
import type { Role } from '@core/roles'
import type { User } from '@core/user/user'
import { tempDir } from './temp-dir'

export class FakeClock implements Clock {
  constructor(public current: number) {}
  now(): number {
    return this.current
  }
}

/** 2026-03-15 10:00 at UTC+8. */
export const MARCH_15_2026 = Date.UTC(2026, 2, 15, 2, 0, 0)

export async function makeDeps(
  now = MARCH_15_2026,
): Promise<Deps & { clock: FakeClock; store: Store & { close(): Promise<void> }; files: DiskFileStore }> {
  const dir = tempDir()
  const store = new RollupKeepingStore(
    new IndexCheckingStore(await SqliteStore.open(`${dir}/db`), (problem) => {
      uncoveredQueries.push(problem)
    }),
    (error) => {
      throw error
    },
  )
  const clock = new FakeClock(now)
  return {
    store,
    files: await DiskFileStore.open(`${dir}/files`),
    clock,
    notifier: new OutboxNotifier(store, clock),
    contentCheck: new KeywordContentCheck(),
    workbooks: new ExceljsWorkbooks(),
    settings: { bootstrapAdminOpenids: ['bootstrap-admin'], checkOutputs: true },
  }
}

export async function addUnit(deps: Deps, unit: Partial<OrgUnit> & Pick<OrgUnit, '_id' | 'kind'>): Promise<void> {
  await deps.store.insert('orgUnits', {
    name: unit._id,
    parentId: null,
    ancestorIds: [],
    active: true,
    createdAt: 0,
    version: 1,
    ...unit,
  })
}

export async function addUser(deps: Deps, openid: string, role: Role, extra: Partial<User> = {}): Promise<void> {
  const unit = extra.unitId ? await deps.store.get<OrgUnit>('orgUnits', extra.unitId) : null
  await deps.store.insert('users', {
    _id: openid,
    name: openid,
    phone: null,
    role,
    unitId: null,
    unitPath: unit ? [...unit.ancestorIds, unit._id] : [],
    active: true,
    // Someone known (named, a reporter or an official): listed in 人员管理.
    listed: true,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...extra,
  })
}

let requestCounter = 0
export function requestId(): string {
  requestCounter += 1
  return `req-${process.pid}-${requestCounter}-${Math.random().toString(36).slice(2, 8)}`
}

export function submitEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'submit',
    clientRequestId: requestId(),
    category: '人居环境',
    urgency: 'normal',
    description: '小区门口的路灯坏了好几天，晚上很黑。',
    areaUnitId: 'estate-1',
    reporter: { name: '王阿姨', phone: '13812345678' },
    ...overrides,
  }
}

export function call(deps: Deps, openid: string | null, event: unknown, name = 'cases') {
  return runFunction(name, event, deps, { openid })
}

/** district ⊃ office-a ⊃ estate-a; district ⊃ office-b ⊃ estate-b. */
export async function addTwoOffices(deps: Deps): Promise<void> {
  await addUnit(deps, { _id: 'district', kind: 'district', name: '示例管理区' })
  await addUnit(deps, {
    _id: 'office-a',
    kind: 'office',
    name: 'A办事处',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  await addUnit(deps, {
    _id: 'office-b',
    kind: 'office',
    name: 'B办事处',
    parentId: 'district',
    ancestorIds: ['district'],
  })
  await addUnit(deps, {
    _id: 'estate-a',
    kind: 'estate',
    name: 'A小区',
    parentId: 'office-a',
    ancestorIds: ['district', 'office-a'],
  })
  await addUnit(deps, {
    _id: 'estate-b',
    kind: 'estate',
    name: 'B小区',
    parentId: 'office-b',
    ancestorIds: ['district', 'office-b'],
  })
}
