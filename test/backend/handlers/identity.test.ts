import type { Invitation } from '@core/invitation/invitation'
import type { OrgUnit } from '@core/org/org'
import type { User, UserView } from '@core/user/user'
import { HOUR_MS, DAY_MS } from '@core/time'
import { seedDemoData } from '../../../backend/local/demo-data'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

/** district ⊃ office-a ⊃ estate-a; district ⊃ office-b ⊃ estate-b. */
async function world(): Promise<
  Deps & { caseA: { id: string; number: string }; caseB: { id: string; number: string } }
> {
  const deps = await makeDeps()
  await addTwoOffices(deps)
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员', phone: '13900000000' })
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈主任', phone: '13900000001' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '刘主任', phone: '13900000002' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强', phone: '13900000003' })
  await addUser(deps, 'cadre-b', 'cadre', { unitId: 'office-b', name: '赵敏', phone: '13900000004' })
  const caseA = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-a',
      submitEvent({ areaUnitId: 'estate-a', reporter: { name: '张秀兰', phone: '13812345678' } }),
    ),
  )
  const caseB = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-b',
      submitEvent({ areaUnitId: 'estate-b', reporter: { name: '李建国', phone: '0728-6231234', anonymous: true } }),
    ),
  )
  return Object.assign(deps, { caseA, caseB })
}

async function snapshot(deps: Deps) {
  const collections = ['users', 'orgUnits', 'invitations', 'cases', 'redemptions']
  const docs = await Promise.all(collections.map((c) => deps.store.query(c, { offset: 0, limit: 1000 })))
  return JSON.stringify(docs)
}

async function issue(
  deps: Deps,
  role: 'cadre' | 'supervisor' | 'admin' = 'cadre',
  unitId = 'office-a',
  expiresInDays = 7,
) {
  return data<{ code: string }>(
    await call(deps, 'admin', { action: 'issue', role, unitId, expiresInDays }, 'invitations'),
  ).code
}

let deps: Awaited<ReturnType<typeof world>>
beforeEach(async () => {
  deps = await world()
})
afterEach(() => deps.store.close())

describe('users: first contact, profile, bootstrap', () => {
  test('first contact creates a resident record', async () => {
    const me = data<UserView>(await call(deps, 'newcomer', { action: 'me' }, 'users'))
    expect(me).toMatchObject({ openid: 'newcomer', role: 'resident', unitId: null, active: true })
    expect(await deps.store.get<User>('users', 'newcomer')).toMatchObject({ role: 'resident' })
  })

  test('an OPENID in the bootstrap setting becomes admin on first contact', async () => {
    expect(data<UserView>(await call(deps, 'bootstrap-admin', { action: 'me' }, 'users')).role).toBe('admin')
  })

  test('updateMe sets name and phone; a role sent along is ignored', async () => {
    const me = data<UserView>(
      await call(
        deps,
        'res-a',
        { action: 'updateMe', name: '张秀兰', phone: '13812345678', role: 'admin', unitId: 'district' },
        'users',
      ),
    )
    expect(me).toMatchObject({ name: '张秀兰', phone: '13812345678', role: 'resident', unitId: null })
  })
})

describe('invitations', () => {
  test('an admin issues a code; a fresh user redeems it and gets the role and unit; it is recorded', async () => {
    const code = await issue(deps, 'cadre', 'office-a')
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const me = data<UserView>(
      await call(
        deps,
        'fresh',
        { action: 'redeem', code: code.toLowerCase().replace(/-/g, ' '), name: '新干部' },
        'users',
      ),
    )
    expect(me).toMatchObject({ role: 'cadre', unitId: 'office-a', unitName: 'A办事处' })
    expect(await deps.store.get<User>('users', 'fresh')).toMatchObject({ unitPath: ['district', 'office-a'] })
    expect(await deps.store.get('redemptions', code.replace(/-/g, ''))).toMatchObject({
      openid: 'fresh',
      previousRole: 'resident',
      role: 'cadre',
    })
    const listed = data<{ items: Array<{ status: string }> }>(
      await call(deps, 'admin', { action: 'list' }, 'invitations'),
    )
    expect(listed.items[0]?.status).toBe('redeemed')
  })

  test('the name typed at redemption is stored (trimmed), so no official is nameless', async () => {
    const code = await issue(deps, 'cadre', 'office-a')
    const me = data<UserView>(await call(deps, 'fresh', { action: 'redeem', code, name: '  孙立国 ' }, 'users'))
    expect(me).toMatchObject({ name: '孙立国', role: 'cadre' })
    expect(await deps.store.get<User>('users', 'fresh')).toMatchObject({ name: '孙立国', role: 'cadre' })
  })

  test('someone whose profile has a name may leave it out; a name typed replaces it', async () => {
    data(await call(deps, 'known', { action: 'updateMe', name: '钱进' }, 'users'))
    const kept = data<UserView>(await call(deps, 'known', { action: 'redeem', code: await issue(deps) }, 'users'))
    expect(kept.name).toBe('钱进')
    const code = await issue(deps, 'supervisor')
    const renamed = data<UserView>(await call(deps, 'known', { action: 'redeem', code, name: '钱进军' }, 'users'))
    expect(renamed).toMatchObject({ name: '钱进军', role: 'supervisor' })
  })

  test.each([
    ['no name, and none in the profile', undefined, '请填写姓名'],
    ['only spaces', '   ', '请填写姓名'],
    ['21 characters', '张'.repeat(21), '姓名不能超过 20 个字'],
  ])('a redemption with %s is refused on the name and changes nothing', async (_label, name, message) => {
    const code = await issue(deps)
    await call(deps, 'nameless', { action: 'me' }, 'users')
    const before = await snapshot(deps)
    const event = { action: 'redeem', code, ...(name === undefined ? {} : { name }) }
    expect(await call(deps, 'nameless', event, 'users')).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'name',
      message,
    })
    expect(await snapshot(deps)).toBe(before)
  })

  test.each([
    ['expired', 'INVITE.EXPIRED'],
    ['revoked', 'INVITE.REVOKED'],
    ['reused', 'INVITE.USED'],
    ['invented', 'INVITE.INVALID'],
    ['malformed', 'INVITE.INVALID'],
  ])('an %s code is refused with %s and changes nothing', async (kind, code) => {
    let typed = await issue(deps, 'supervisor', 'office-a', 1)
    if (kind === 'expired') deps.clock.current += DAY_MS + 1
    if (kind === 'revoked') data(await call(deps, 'admin', { action: 'revoke', code: typed }, 'invitations'))
    if (kind === 'reused') data(await call(deps, 'someone', { action: 'redeem', code: typed, name: '某人' }, 'users'))
    if (kind === 'invented') typed = 'ABCD-EFGH-JKMN'
    if (kind === 'malformed') typed = '0000-1111'
    await call(deps, 'hopeful', { action: 'me' }, 'users')
    const before = await snapshot(deps)
    expect(await call(deps, 'hopeful', { action: 'redeem', code: typed, name: '某人' }, 'users')).toMatchObject({
      ok: false,
      code,
    })
    // Only the attempt counter may move.
    expect(await snapshot(deps)).toBe(before)
    expect((await deps.store.get<User>('users', 'hopeful'))?.role).toBe('resident')
  })

  test('two people redeeming one code at once: exactly one gets the role', async () => {
    const code = await issue(deps)
    const results = await Promise.all(
      ['p1', 'p2', 'p3'].map((openid) => call(deps, openid, { action: 'redeem', code, name: '某人' }, 'users')),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual([
      'INVITE.USED',
      'INVITE.USED',
    ])
    const roles = await Promise.all(
      ['p1', 'p2', 'p3'].map(async (id) => (await deps.store.get<User>('users', id))?.role),
    )
    expect(roles.filter((role) => role === 'cadre')).toHaveLength(1)
  })

  test('redeeming is rate-limited: the sixth try within an hour is refused even with a good code', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        await call(
          deps,
          'guesser',
          { action: 'redeem', code: `ABCD-EFGH-JK${'MNPQRS'[i]}${'MNPQRS'[i]}`, name: '某人' },
          'users',
        ),
      ).toMatchObject({
        code: 'INVITE.INVALID',
      })
    }
    const good = await issue(deps)
    expect(await call(deps, 'guesser', { action: 'redeem', code: good, name: '某人' }, 'users')).toMatchObject({
      code: 'INVITE.RATE_LIMITED',
    })
    deps.clock.current += HOUR_MS
    expect((await call(deps, 'guesser', { action: 'redeem', code: good, name: '某人' }, 'users')).ok).toBe(true)
  })

  test('a code cannot be revoked once used; revoking twice is harmless', async () => {
    const code = await issue(deps)
    data(await call(deps, 'admin', { action: 'revoke', code }, 'invitations'))
    expect((await call(deps, 'admin', { action: 'revoke', code }, 'invitations')).ok).toBe(true)
    const used = await issue(deps)
    data(await call(deps, 'x', { action: 'redeem', code: used, name: '某人' }, 'users'))
    expect(await call(deps, 'admin', { action: 'revoke', code: used }, 'invitations')).toMatchObject({
      code: 'INVITE.USED',
    })
  })

  test('codes are random: 200 issued codes are distinct', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, () => issue(deps)))
    expect(new Set(codes).size).toBe(200)
  })
})

describe('attacks', () => {
  const adminCalls: Array<[string, string, Record<string, unknown>]> = [
    ['orgs', 'create', { name: '新社区', kind: 'community', parentId: 'office-a' }],
    ['orgs', 'rename', { id: 'office-a', name: '改名', expectedVersion: 1 }],
    ['orgs', 'move', { id: 'estate-a', parentId: 'office-b', expectedVersion: 1 }],
    ['orgs', 'deactivate', { id: 'estate-b', expectedVersion: 1 }],
    ['users', 'update', { openid: 'res-a', role: 'admin', expectedVersion: 1 }],
    ['invitations', 'issue', { role: 'admin', unitId: 'district' }],
    ['invitations', 'list', {}],
    ['invitations', 'revoke', { code: 'ABCD-EFGH-JKMN' }],
  ]
  test.each(['res-a', 'cadre-a', 'sup-a'])(
    '%s calling admin actions is refused and nothing changes',
    async (openid) => {
      await call(deps, openid, { action: 'me' }, 'users')
      const before = await snapshot(deps)
      for (const [fn, action, params] of adminCalls) {
        expect({ fn, action, result: await call(deps, openid, { action, ...params }, fn) }).toMatchObject({
          fn,
          action,
          result: { ok: false, code: 'AUTH.FORBIDDEN' },
        })
      }
      expect(await snapshot(deps)).toBe(before)
    },
  )

  test('a role or openid in the event body has no effect at all', async () => {
    const forged = {
      role: 'admin',
      openid: 'admin',
      _openid: 'admin',
      userInfo: { openId: 'admin' },
      actor: { role: 'admin' },
    }
    expect(await call(deps, 'res-a', { action: 'issue', unitId: 'office-a', ...forged }, 'invitations')).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    })
    expect(await call(deps, 'res-a', { action: 'list', ...forged }, 'users')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await call(deps, 'res-b', { action: 'get', id: deps.caseA.id, ...forged })).toMatchObject({
      code: 'CASE.NOT_FOUND',
    })
    expect((await deps.store.get<User>('users', 'res-a'))?.role).toBe('resident')
  })

  test('a supervisor of A can neither read nor list B’s cases and users', async () => {
    expect(await call(deps, 'sup-a', { action: 'get', id: deps.caseB.id })).toMatchObject({ code: 'CASE.NOT_FOUND' })
    expect(await call(deps, 'sup-a', { action: 'get', number: deps.caseB.number })).toMatchObject({
      code: 'CASE.NOT_FOUND',
    })
    expect((await call(deps, 'sup-a', { action: 'get', id: deps.caseA.id })).ok).toBe(true)
    const cases = data<{ items: Array<{ id: string }> }>(await call(deps, 'sup-a', { action: 'listInScope' }))
    expect(cases.items.map((c) => c.id)).toEqual([deps.caseA.id])
    const users = data<{ items: UserView[] }>(await call(deps, 'sup-a', { action: 'list' }, 'users'))
    expect(users.items.map((u) => u.openid).sort()).toEqual(['cadre-a', 'sup-a'])
    const tree = data<OrgUnit[]>(await call(deps, 'sup-a', { action: 'tree' }, 'orgs'))
    expect(tree.map((u) => u._id).sort()).toEqual(['estate-a', 'office-a'])
    const all = data<{ total: number }>(await call(deps, 'admin', { action: 'listInScope' }))
    expect(all.total).toBe(2)
  })

  test('a cadre cannot read another resident’s case', async () => {
    expect(await call(deps, 'cadre-a', { action: 'get', id: deps.caseA.id })).toMatchObject({ code: 'CASE.NOT_FOUND' })
  })

  test('a deactivated user is refused everything, and the change takes effect at once', async () => {
    const target = (await deps.store.get<User>('users', 'sup-a')) as User
    data(
      await call(
        deps,
        'admin',
        { action: 'update', openid: 'sup-a', active: false, expectedVersion: target.version },
        'users',
      ),
    )
    for (const [fn, event] of [
      ['users', { action: 'me' }],
      ['cases', { action: 'listInScope' }],
      ['cases', { action: 'get', id: deps.caseA.id }],
    ] as const) {
      expect(await call(deps, 'sup-a', event, fn)).toMatchObject({ ok: false, code: 'AUTH.DEACTIVATED' })
    }
  })

  test('an admin cannot demote or deactivate themself', async () => {
    expect(
      await call(deps, 'admin', { action: 'update', openid: 'admin', role: 'resident', expectedVersion: 1 }, 'users'),
    ).toMatchObject({
      code: 'USER.SELF_CHANGE',
    })
  })
})

describe('masking on the server', () => {
  test('users.list: a supervisor sees masked phones, an admin full ones, everyone their own in full', async () => {
    const bySupervisor = data<{ items: UserView[] }>(await call(deps, 'sup-a', { action: 'list' }, 'users'))
    expect(bySupervisor.items.find((u) => u.openid === 'cadre-a')?.phone).toBe('139****0003')
    expect(bySupervisor.items.find((u) => u.openid === 'sup-a')?.phone).toBe('13900000001')
    const byAdmin = data<{ items: UserView[] }>(await call(deps, 'admin', { action: 'list', query: '王' }, 'users'))
    expect(byAdmin.items.map((u) => [u.openid, u.phone])).toEqual([['cadre-a', '13900000003']])
    expect(data<UserView>(await call(deps, 'cadre-a', { action: 'me' }, 'users')).phone).toBe('13900000003')
  })

  test('cases: the reporter sees their own details; supervisors see the reporter in detail, masked in lists', async () => {
    const own = data<{ reporter: { phone: string } }>(await call(deps, 'res-a', { action: 'get', id: deps.caseA.id }))
    expect(own.reporter.phone).toBe('13812345678')
    const supervisorDetail = data<{ reporter: { name: string; phone: string } }>(
      await call(deps, 'sup-b', { action: 'get', id: deps.caseB.id }),
    )
    // 匿名 hides the reporter from the handler, not from the case's supervisors.
    expect(supervisorDetail.reporter).toMatchObject({ name: '李建国', phone: '0728-6231234', anonymous: true })
    const list = data<{ items: Array<{ reporterName: string; reporterPhone: string }> }>(
      await call(deps, 'sup-b', { action: 'listInScope' }),
    )
    expect(list.items).toEqual([expect.objectContaining({ reporterName: '李*国', reporterPhone: '0728-***1234' })])
    const adminList = data<{ items: Array<{ reporterPhone: string }> }>(
      await call(deps, 'admin', { action: 'listInScope' }),
    )
    expect(adminList.items.map((i) => i.reporterPhone).sort()).toEqual(['0728-***1234', '138****5678'])
  })
})

describe('the org tree', () => {
  test('create checks where a kind of unit may sit', async () => {
    expect(
      await call(deps, 'admin', { action: 'create', name: '新小区', kind: 'estate', parentId: 'district' }, 'orgs'),
    ).toMatchObject({
      code: 'ORG.BAD_PARENT',
    })
    const created = data<OrgUnit>(
      await call(deps, 'admin', { action: 'create', name: '新小区', kind: 'estate', parentId: 'office-b' }, 'orgs'),
    )
    expect(created.ancestorIds).toEqual(['district', 'office-b'])
  })

  test('a unit that holds cases or users is not moved; an empty subtree moves with its descendants', async () => {
    expect(
      await call(deps, 'admin', { action: 'move', id: 'estate-a', parentId: 'office-b', expectedVersion: 1 }, 'orgs'),
    ).toMatchObject({
      code: 'ORG.NOT_EMPTY',
    })
    const community = data<OrgUnit>(
      await call(deps, 'admin', { action: 'create', name: '新社区', kind: 'community', parentId: 'district' }, 'orgs'),
    )
    const estate = data<OrgUnit>(
      await call(deps, 'admin', { action: 'create', name: '新小区', kind: 'estate', parentId: community._id }, 'orgs'),
    )
    expect(
      await call(
        deps,
        'admin',
        { action: 'move', id: community._id, parentId: estate._id, expectedVersion: 1 },
        'orgs',
      ),
    ).toMatchObject({
      code: 'ORG.CYCLE',
    })
    const moved = data<OrgUnit>(
      await call(
        deps,
        'admin',
        { action: 'move', id: community._id, parentId: 'office-a', expectedVersion: 1 },
        'orgs',
      ),
    )
    expect(moved.ancestorIds).toEqual(['district', 'office-a'])
    expect((await deps.store.get<OrgUnit>('orgUnits', estate._id))?.ancestorIds).toEqual([
      'district',
      'office-a',
      community._id,
    ])
    // Now inside A's subtree: A's supervisor sees it.
    const tree = data<OrgUnit[]>(await call(deps, 'sup-a', { action: 'tree' }, 'orgs'))
    expect(tree.map((u) => u._id)).toEqual(expect.arrayContaining([community._id, estate._id]))
  })

  test('rename with a stale version is a conflict; deactivating a unit with active children is refused', async () => {
    data(await call(deps, 'admin', { action: 'rename', id: 'office-a', name: '甲办事处', expectedVersion: 1 }, 'orgs'))
    expect(
      await call(deps, 'admin', { action: 'rename', id: 'office-a', name: '乙办事处', expectedVersion: 1 }, 'orgs'),
    ).toMatchObject({
      code: 'RECORD.CONFLICT',
    })
    expect(
      await call(deps, 'admin', { action: 'deactivate', id: 'office-a', expectedVersion: 2 }, 'orgs'),
    ).toMatchObject({
      code: 'ORG.HAS_CHILDREN',
    })
    data(await call(deps, 'admin', { action: 'deactivate', id: 'estate-a', expectedVersion: 1 }, 'orgs'))
    const areas = data<Array<{ id: string }>>(await call(deps, 'res-a', { action: 'listAreas' }, 'orgs'))
    expect(areas.map((a) => a.id)).not.toContain('estate-a')
  })

  test('an invitation to a deactivated unit cannot be issued or redeemed', async () => {
    const code = await issue(deps, 'cadre', 'estate-b')
    data(await call(deps, 'admin', { action: 'deactivate', id: 'estate-b', expectedVersion: 1 }, 'orgs'))
    expect(
      await call(deps, 'admin', { action: 'issue', role: 'cadre', unitId: 'estate-b' }, 'invitations'),
    ).toMatchObject({ code: 'ORG.INACTIVE' })
    expect(await call(deps, 'newbie', { action: 'redeem', code, name: '某人' }, 'users')).toMatchObject({
      code: 'ORG.INACTIVE',
    })
    expect((await deps.store.get<Invitation>('invitations', code.replace(/-/g, '')))?.redeemedBy).toBeNull()
  })
})

describe('users.list filters on the server', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>
  beforeEach(async () => {
    deps = await makeDeps()
    await addTwoOffices(deps)
    await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
    await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
    await addUser(deps, 'cadre-a2', 'cadre', { unitId: 'estate-a', name: '王小明', active: false })
    await addUser(deps, 'res-a', 'resident', { unitId: 'estate-a', name: '王阿姨' })
    for (let i = 0; i < 60; i++) await addUser(deps, `cadre-x${i}`, 'cadre', { unitId: 'office-a', name: `干部${i}` })
  })
  afterEach(() => deps.store.close())

  test('the people a case may go to: active cadres and supervisors of the subtree, found by name, every one reachable by cursor', async () => {
    type Page = {
      items: Array<{ openid: string; role: string; active: boolean }>
      total: number
      nextCursor: string | null
    }
    const found = data<Page>(
      await call(deps, 'sup-a', { action: 'list', roles: ['cadre', 'supervisor'], active: true, query: '王' }, 'users'),
    )
    expect(found.items.map((u) => u.openid)).toEqual(['cadre-a'])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Page = data<Page>(
        await call(
          deps,
          'sup-a',
          { action: 'list', roles: ['cadre', 'supervisor'], active: true, pageSize: 25, ...(cursor ? { cursor } : {}) },
          'users',
        ),
      )
      expect(page.total).toBe(62)
      seen.push(...page.items.map((u) => u.openid))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(62)
    expect(new Set(seen).size).toBe(62)
    expect(seen).not.toContain('res-a')
    expect(seen).not.toContain('cadre-a2')
  })
})

describe('users.list (人员管理, the handler picker) leaves out anonymous visitors', () => {
  const listedBy = async (openid: string, extra: Record<string, unknown> = {}) =>
    data<{ items: UserView[]; total: number }>(
      await call(deps, openid, { action: 'list', pageSize: 50, ...extra }, 'users'),
    )

  test('a first-contact record that never got a name, a report or a role is not listed; the others are', async () => {
    await call(deps, 'visitor', { action: 'me' }, 'users')
    await call(deps, 'named', { action: 'updateMe', name: '周大妈' }, 'users')
    // Reported for a family member: still nameless, but a reporter.
    await call(
      deps,
      'family-reporter',
      submitEvent({ areaUnitId: 'estate-a', reporter: { name: '周大爷', phone: '13812340000', relation: 'family' } }),
    )
    const code = await issue(deps, 'cadre', 'office-a')
    await call(deps, 'redeemer', { action: 'redeem', code, name: '吴新' }, 'users')
    await call(deps, 'promoted', { action: 'me' }, 'users')
    data(
      await call(
        deps,
        'admin',
        { action: 'update', openid: 'promoted', role: 'cadre', unitId: 'office-a', expectedVersion: 1 },
        'users',
      ),
    )
    await call(deps, 'bootstrap-admin', { action: 'me' }, 'users')

    const openids = (await listedBy('admin')).items.map((user) => user.openid).sort()
    expect(openids).toEqual(
      [
        'admin',
        'bootstrap-admin',
        'cadre-a',
        'cadre-b',
        'family-reporter',
        'named',
        'promoted',
        'redeemer',
        'res-a',
        'res-b',
        'sup-a',
        'sup-b',
      ].sort(),
    )
    expect((await listedBy('admin')).total).toBe(12)
    expect((await listedBy('admin', { role: 'resident' })).items.map((u) => u.openid)).not.toContain('visitor')
  })

  test('the demo data lists every demo user', async () => {
    const demo = await makeDeps()
    await seedDemoData(demo)
    await call(demo, 'a-visitor', { action: 'me' }, 'users')
    const listed = data<{ items: UserView[] }>(await call(demo, 'demo-admin', { action: 'list' }, 'users'))
    expect(listed.items.map((user) => user.name).sort()).toEqual(
      ['张秀兰', '李建国', '王强', '赵敏', '陈立新', '刘红梅', '周志远', '系统管理员'].sort(),
    )
    await demo.store.close()
  })
})

describe('a report for oneself fills in the reporter’s own profile, so the next one is prefilled', () => {
  const me = async (openid: string) => data<UserView>(await call(deps, openid, { action: 'me' }, 'users'))
  const report = (openid: string, reporter: Record<string, unknown>, clientRequestId?: string) =>
    call(
      deps,
      openid,
      submitEvent({ areaUnitId: 'estate-a', reporter, ...(clientRequestId ? { clientRequestId } : {}) }),
    )

  test.each([
    [
      'a first-time visitor: name and phone saved (the phone as written, normalised)',
      {},
      { name: '周桂英', phone: '138 1234 5678', relation: 'self' },
      { name: '周桂英', phone: '13812345678' },
    ],
    [
      '匿名 changes nothing here: it is their own profile',
      {},
      { name: '周桂英', phone: '0728-6231234', relation: 'self', anonymous: true },
      { name: '周桂英', phone: '0728-6231234' },
    ],
    [
      'a name already set is kept; the missing phone is saved',
      { name: '周大妈' },
      { name: '周桂英', phone: '13812345678', relation: 'self' },
      { name: '周大妈', phone: '13812345678' },
    ],
    [
      'a phone already set is kept; the missing name is saved',
      { phone: '13900001111' },
      { name: '周桂英', phone: '13812345678', relation: 'self' },
      { name: '周桂英', phone: '13900001111' },
    ],
    [
      'both already set: nothing changes',
      { name: '周大妈', phone: '13900001111' },
      { name: '周桂英', phone: '13812345678', relation: 'self' },
      { name: '周大妈', phone: '13900001111' },
    ],
    [
      'reporting for a family member: their details are not the sender’s',
      {},
      { name: '周老汉', phone: '13812345678', relation: 'family' },
      { name: '', phone: null },
    ],
  ])('%s', async (_label, profile, reporter, expected) => {
    await call(deps, 'reporter-x', { action: 'me' }, 'users')
    if ('name' in profile) data(await call(deps, 'reporter-x', { action: 'updateMe', ...profile }, 'users'))
    else if ('phone' in profile) await deps.store.updateIfVersion('users', 'reporter-x', 1, profile)
    data(await report('reporter-x', reporter))
    expect(await me('reporter-x')).toMatchObject(expected)
  })

  test('a resent report changes the profile once, and a refused one not at all', async () => {
    await call(deps, 'reporter-y', { action: 'me' }, 'users')
    const before = await snapshot(deps)
    expect(
      await call(
        deps,
        'reporter-y',
        submitEvent({ areaUnitId: 'nowhere', reporter: { name: '吴某', phone: '13812345678' } }),
      ),
    ).toMatchObject({ ok: false, code: 'CASE.UNKNOWN_AREA' })
    expect(await snapshot(deps)).toBe(before)
    data(await report('reporter-y', { name: '吴某', phone: '13812345678' }, 'same-request-01'))
    const once = await deps.store.get<User>('users', 'reporter-y')
    data(await report('reporter-y', { name: '吴某', phone: '13812345678' }, 'same-request-01'))
    expect(await deps.store.get<User>('users', 'reporter-y')).toEqual(once)
    expect(once).toMatchObject({ name: '吴某', phone: '13812345678' })
  })
})
