import type { User } from '@core/user/user'
import { markListedUsers } from '../../../backend/jobs/mark-listed-users'
import { newCase } from '@core/case/create'
import { submitCaseInput } from '@core/case/case.schemas'
import { addTwoOffices, call, makeDeps, submitEvent } from '../../support/backend'
import { data } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

/** A user as stored before the `listed` flag existed. */
async function legacyUser(deps: Deps, openid: string, fields: Partial<User>) {
  await deps.store.insert('users', {
    _id: openid,
    name: '',
    phone: null,
    role: 'resident',
    unitId: null,
    unitPath: [],
    active: true,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...fields,
  })
}

let deps: Deps
beforeEach(async () => {
  deps = await makeDeps()
  await addTwoOffices(deps)
})
afterEach(() => deps.store.close())

test('users stored before the flag are marked (true or false) once, as the handlers would have; then they list', async () => {
  await legacyUser(deps, 'old-admin', { role: 'admin', name: '' })
  await legacyUser(deps, 'old-cadre', {
    role: 'cadre',
    name: '',
    unitId: 'office-a',
    unitPath: ['district', 'office-a'],
  })
  await legacyUser(deps, 'old-named', { name: '老周' })
  await legacyUser(deps, 'old-reporter', {})
  await legacyUser(deps, 'old-visitor', {})
  // A report sent before the flag: the job reads who follows it.
  await deps.store.insert('cases', {
    ...newCase({
      id: 'old-case',
      areaUnitPath: ['district', 'office-a'],
      number: 'MQ-2026-000001',
      input: submitCaseInput.parse(submitEvent({ areaUnitId: 'office-a' })),
      actor: { openid: 'old-reporter', role: 'resident', name: '', unitId: null },
      source: 'resident',
      now: 0,
    }),
    followerOpenids: ['old-reporter'],
  })
  await legacyUser(deps, 'new-visitor', { listed: false } as Partial<User>)

  expect(await markListedUsers(deps)).toEqual({ marked: 5 })
  const flags = Object.fromEntries(
    await Promise.all(
      ['old-admin', 'old-cadre', 'old-named', 'old-reporter', 'old-visitor', 'new-visitor'].map(async (openid) => [
        openid,
        (await deps.store.get<User>('users', openid))?.listed,
      ]),
    ),
  )
  expect(flags).toEqual({
    'old-admin': true,
    'old-cadre': true,
    'old-named': true,
    'old-reporter': true,
    'old-visitor': false,
    'new-visitor': false,
  })
  const listed = data<{ items: Array<{ openid: string }> }>(await call(deps, 'old-admin', { action: 'list' }, 'users'))
  expect(listed.items.map((user) => user.openid).sort()).toEqual([
    'old-admin',
    'old-cadre',
    'old-named',
    'old-reporter',
  ])

  // Done once: a later run reads only its marker.
  await legacyUser(deps, 'late-legacy', { name: '后来的' })
  expect(await markListedUsers(deps)).toEqual({ marked: 0 })
  expect((await deps.store.get<User>('users', 'late-legacy'))?.listed).toBeUndefined()
})

test('more users than one page are all marked', async () => {
  for (let i = 0; i < 450; i++) await legacyUser(deps, `u-${String(i).padStart(3, '0')}`, { name: `用户${i}` })
  expect(await markListedUsers(deps)).toEqual({ marked: 450 })
  expect(await deps.store.count('users', { listed: true })).toBe(450)
})
