import { callersOf, FUNCTIONS, type ActionSpec } from '@core/functions'
import { listScope, may, PERMISSION_ACTIONS, type PermissionAction, type RecordScope } from '@core/permissions'
import { ROLES, SYSTEM_ACTOR, type Actor, type Role } from '@core/roles'

/**
 * The expected answers, written out by hand from DESIGN.md §4 — never read from the code's table.
 * Each string gives, in order, the answer for:
 *   1 no record · 2 the actor's own record · 3 someone else's record inside the actor's subtree ·
 *   4 someone else's record outside it · 5 a case outside the subtree that the actor now handles ·
 *   6 a case inside the subtree that the actor handled before (separation of duties).
 */
const EXPECTED: Record<string, Record<Role, string>> = {
  'case.submit': { resident: 'YYYYYY', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'NNNNNN' },
  'case.listMine': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'case.view': { resident: 'NYNNNN', cadre: 'NYNNYN', supervisor: 'NYYNYY', admin: 'YYYYYY' },
  'case.listInScope': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'case.listMyTasks': { resident: 'NNNNNN', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'NNNNNN' },
  'case.dispatch': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'NNNNNN' },
  'case.handle': { resident: 'NNNNNN', cadre: 'NNNNYN', supervisor: 'NNNNYN', admin: 'NNNNNN' },
  'case.reviewClosure': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNN', admin: 'NNNNNN' },
  'case.reviewExtension': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNN', admin: 'NNNNNN' },
  'case.recordOnTheSpot': { resident: 'NNNNNN', cadre: 'NNYNNY', supervisor: 'NNYNNY', admin: 'NNNNNN' },
  'case.rate': { resident: 'NYNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'NNNNNN' },
  // Never by who handled the case: the call records the verdict on their work.
  'case.rateByCall': { resident: 'NNNNNN', cadre: 'NNYNNN', supervisor: 'NNYNNN', admin: 'NNNNNN' },
  'case.listCallbacks': { resident: 'NNNNNN', cadre: 'NNYNNY', supervisor: 'NNYNNY', admin: 'NNNNNN' },
  // 默认满意 is the system's alone (below): no person, not even an admin.
  'case.rateByDefault': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'NNNNNN' },
  // 督办意见: a supervisor of the subtree, never on a case he handles or handled.
  'case.supervise': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNN', admin: 'NNNNNN' },
  'org.listAreas': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'org.view': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'org.manage': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'YYYYYY' },
  'user.viewSelf': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'user.editSelf': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'user.redeemInvitation': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'user.list': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'user.manage': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'YYYYYY' },
  // A cadre sees his own figures, a supervisor his subtree's.
  'stats.view': { resident: 'NNNNNN', cadre: 'NYNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'invitation.manage': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'YYYYYY' },
  'contactPoint.listMine': { resident: 'NNNNNN', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'NNNNNN' },
  'contactPoint.manage': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'checkin.own': { resident: 'NNNNNN', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'NNNNNN' },
  'checkin.viewInScope': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'visit.record': { resident: 'NNNNNN', cadre: 'NNYNNY', supervisor: 'NNYNNY', admin: 'NNNNNN' },
  'household.list': { resident: 'NNNNNN', cadre: 'NNYNNY', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'settings.viewTimeLimits': { resident: 'NNNNNN', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'settings.timeLimits': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'YYYYYY' },
  // 三个清单 and 典型案例: a supervisor for his subtree, an admin any unit; a cadre only reads them.
  'publication.manage': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'publication.read': { resident: 'YYYYYY', cadre: 'YYYYYY', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  // 领办: leaders' names are public to those who assign (every supervisor) and to admins; the
  // board is a supervisor's subtree (all for an admin); the quotas are the admin's alone.
  'leader.list': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'YYYYYY', admin: 'YYYYYY' },
  'pledge.board': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNYNNY', admin: 'YYYYYY' },
  'settings.pledgeQuotas': { resident: 'NNNNNN', cadre: 'NNNNNN', supervisor: 'NNNNNN', admin: 'YYYYYY' },
}

/** Who may call each function action at all, as `GET /fn` must publish it. */
const EXPECTED_CALLERS: Record<string, Array<Role | 'anyone'>> = {
  'cases.submit': ['resident'],
  'cases.listMine': ['resident', 'cadre', 'supervisor', 'admin'],
  'cases.get': ['resident', 'cadre', 'supervisor', 'admin'],
  'cases.listInScope': ['supervisor', 'admin'],
  'cases.queueCounts': ['supervisor', 'admin'],
  'cases.listMyTasks': ['cadre', 'supervisor'],
  'cases.listCallbacks': ['cadre', 'supervisor'],
  'cases.recordOnTheSpot': ['cadre', 'supervisor'],
  'cases.assign': ['supervisor'],
  'cases.acknowledge': ['cadre', 'supervisor'],
  'cases.sendBack': ['cadre', 'supervisor'],
  'cases.reassign': ['supervisor'],
  'cases.addProgress': ['cadre', 'supervisor'],
  'cases.requestExtension': ['cadre', 'supervisor'],
  'cases.approveExtension': ['supervisor'],
  'cases.rejectExtension': ['supervisor'],
  'cases.requestClosure': ['cadre', 'supervisor'],
  'cases.approveClosure': ['supervisor'],
  'cases.rejectClosure': ['supervisor'],
  'cases.decline': ['supervisor'],
  'cases.merge': ['supervisor'],
  'cases.rate': ['resident'],
  'cases.rateByCall': ['cadre', 'supervisor'],
  'cases.listSupervision': ['supervisor', 'admin'],
  'cases.addSupervisionNote': ['supervisor'],
  'cases.replySupervisionNote': ['cadre', 'supervisor'],
  'cases.markPledge': ['supervisor'],
  'fieldwork.listContactPoints': ['cadre', 'supervisor'],
  'fieldwork.listManagedContactPoints': ['supervisor', 'admin'],
  'fieldwork.createContactPoint': ['supervisor', 'admin'],
  'fieldwork.updateContactPoint': ['supervisor', 'admin'],
  'fieldwork.signIn': ['cadre', 'supervisor'],
  'fieldwork.signOut': ['cadre', 'supervisor'],
  'fieldwork.currentCheckin': ['cadre', 'supervisor'],
  'fieldwork.recordVisit': ['cadre', 'supervisor'],
  'fieldwork.listMyVisits': ['cadre', 'supervisor'],
  'fieldwork.listHouseholds': ['cadre', 'supervisor', 'admin'],
  'fieldwork.listHouseholdVisits': ['cadre', 'supervisor', 'admin'],
  'fieldwork.listNeglectedHouseholds': ['cadre', 'supervisor', 'admin'],
  'fieldwork.myMonth': ['cadre', 'supervisor'],
  'fieldwork.listMyCheckins': ['cadre', 'supervisor'],
  'fieldwork.listCheckinsInScope': ['supervisor', 'admin'],
  'settings.getTimeLimits': ['cadre', 'supervisor', 'admin'],
  'settings.setTimeLimits': ['admin'],
  'settings.getPledgeQuotas': ['admin'],
  'settings.setPledgeQuotas': ['admin'],
  'orgs.listAreas': ['resident', 'cadre', 'supervisor', 'admin'],
  'orgs.tree': ['supervisor', 'admin'],
  'orgs.create': ['admin'],
  'orgs.rename': ['admin'],
  'orgs.move': ['admin'],
  'orgs.deactivate': ['admin'],
  'orgs.reactivate': ['admin'],
  'users.me': ['resident', 'cadre', 'supervisor', 'admin'],
  'users.updateMe': ['resident', 'cadre', 'supervisor', 'admin'],
  'users.redeem': ['resident', 'cadre', 'supervisor', 'admin'],
  'users.list': ['supervisor', 'admin'],
  'users.update': ['admin'],
  'users.subscribe': ['resident', 'cadre', 'supervisor', 'admin'],
  'users.listLeaders': ['supervisor', 'admin'],
  'stats.dashboard': ['cadre', 'supervisor', 'admin'],
  'stats.records': ['cadre', 'supervisor', 'admin'],
  'stats.pledgeBoard': ['supervisor', 'admin'],
  'exports.workbook': ['cadre', 'supervisor', 'admin'],
  'invitations.issue': ['admin'],
  'invitations.list': ['admin'],
  'invitations.revoke': ['admin'],
  'publications.openDraft': ['supervisor', 'admin'],
  'publications.editRow': ['supervisor', 'admin'],
  'publications.omitRow': ['supervisor', 'admin'],
  'publications.restoreRow': ['supervisor', 'admin'],
  'publications.publish': ['supervisor', 'admin'],
  'publications.markShowcase': ['supervisor', 'admin'],
  // What was published: for everyone, signed in or not.
  'publications.listPublished': ['anyone'],
  'publications.getPublished': ['anyone'],
  'publications.listShowcases': ['anyone'],
}

// Org tree of the fixtures: district ⊃ office-a ⊃ estate-a, district ⊃ office-b.
const actorOf = (role: Role): Actor => ({ openid: `me-${role}`, role, unitId: 'office-a', name: role })
const RELATIONS: Array<[string, (actor: Actor) => RecordScope | undefined]> = [
  ['no record', () => undefined],
  [
    'own',
    (actor) => ({ ownerOpenids: [actor.openid], reporterOpenids: [actor.openid], unitIds: ['district', 'office-b'] }),
  ],
  ['in subtree', () => ({ ownerOpenids: ['someone-else'], unitIds: ['district', 'office-a', 'estate-a'] })],
  ['outside subtree', () => ({ ownerOpenids: ['someone-else'], unitIds: ['district', 'office-b'] })],
  [
    'handling it (outside subtree)',
    (actor) => ({
      ownerOpenids: ['someone-else'],
      unitIds: ['district', 'office-b'],
      handlerOpenid: actor.openid,
      handledBy: [actor.openid],
    }),
  ],
  [
    'handled it before (in subtree)',
    (actor) => ({
      ownerOpenids: ['someone-else'],
      unitIds: ['district', 'office-a', 'estate-a'],
      handlerOpenid: 'someone-else',
      handledBy: [actor.openid, 'someone-else'],
    }),
  ],
]

describe('the permission table', () => {
  test('every action of the code has expected answers written here, and no expected action is missing from the code', () => {
    expect([...PERMISSION_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  const rows = PERMISSION_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) =>
      RELATIONS.map(([relation, scopeFor], index) => ({ action, role, relation, scopeFor, index })),
    ),
  )
  test.each(rows)('$role · $action · $relation', ({ action, role, scopeFor, index }) => {
    const expected = EXPECTED[action]?.[role]?.[index]
    if (expected !== 'Y' && expected !== 'N') throw new Error(`no expected answer for ${role} ${action}`)
    const actor = actorOf(role)
    expect(may(actor, action as PermissionAction, scopeFor(actor))).toBe(expected === 'Y')
  })

  test('following a merged case is not reporting it: a follower may see it but not rate it', () => {
    const resident = actorOf('resident')
    const followed: RecordScope = { ownerOpenids: [resident.openid], reporterOpenids: ['the-reporter'], unitIds: [] }
    expect(may(resident, 'case.view', followed)).toBe(true)
    expect(may(resident, 'case.rate', followed)).toBe(false)
  })

  test('the system actor may only give the default rating', () => {
    const anyCase: RecordScope = { ownerOpenids: [], unitIds: ['district'] }
    expect(PERMISSION_ACTIONS.filter((action) => may(SYSTEM_ACTOR, action, anyCase))).toEqual(['case.rateByDefault'])
  })

  test('a 回访 call needs the reporter: never by someone who handled a 匿名 case', () => {
    const cadre = actorOf('cadre')
    const anonymousCase: RecordScope = {
      ownerOpenids: [],
      unitIds: ['district', 'office-a'],
      handledBy: [cadre.openid],
      reporterHiddenFrom: [cadre.openid],
    }
    expect(may(cadre, 'case.rateByCall', anonymousCase)).toBe(false)
    const other = { ...cadre, openid: 'another-cadre' }
    expect(may(other, 'case.rateByCall', anonymousCase)).toBe(true)
  })

  test('a supervisor without a unit sees nothing in a subtree', () => {
    const lost: Actor = { openid: 'x', role: 'supervisor', unitId: null, name: '' }
    expect(may(lost, 'case.view', { ownerOpenids: [], unitIds: ['office-a'] })).toBe(false)
    expect(listScope(lost, 'case.listInScope')).toEqual({ kind: 'none' })
  })

  test('list scopes: admins see all, supervisors their subtree, others nothing', () => {
    expect(listScope(actorOf('admin'), 'user.list')).toEqual({ kind: 'all' })
    expect(listScope(actorOf('supervisor'), 'user.list')).toEqual({ kind: 'subtree', unitId: 'office-a' })
    expect(listScope(actorOf('cadre'), 'user.list')).toEqual({ kind: 'none' })
    expect(listScope(actorOf('resident'), 'case.listInScope')).toEqual({ kind: 'none' })
  })
})

describe('the function catalogue publishes who may call what', () => {
  const actions = Object.entries(FUNCTIONS).flatMap(([name, specs]) =>
    Object.entries(specs as Record<string, ActionSpec>).map(([action, spec]) => ({ key: `${name}.${action}`, spec })),
  )
  test('every catalogue action has an expected row here, and every row an action', () => {
    expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(EXPECTED_CALLERS).sort())
  })
  test.each(actions)('$key', ({ key, spec }) => {
    expect(callersOf(spec)).toEqual(EXPECTED_CALLERS[key])
  })
})
