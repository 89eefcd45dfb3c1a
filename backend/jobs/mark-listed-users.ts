import { isKnownPerson, type User } from '@core/user/user'
import type { Deps } from '../handlers/context'
import type { Scalar, Store } from '../ports/store'
import type { Job } from './job'

/** A user stored before the `listed` flag existed. */
type StoredUser = Omit<User, 'listed'> & { listed?: boolean }

/** The meta document that says the users were marked: from then on the job only reads it. */
const DONE_ID = 'users-listed-marked'
const PAGE = 200

/** Named, holding a role, or a reporter (followers of a case include whoever sent it): listed. */
async function shouldList(store: Store, user: StoredUser): Promise<boolean> {
  return isKnownPerson(user) || (await store.count('cases', { followerOpenids: user._id })) > 0
}

/** Marks one user, re-reading if a handler changed the record meanwhile (it may have set the flag itself). */
async function markOne(store: Store, first: StoredUser): Promise<boolean> {
  let user: StoredUser | null = first
  for (let attempt = 0; attempt < 5 && user && user.listed === undefined; attempt++) {
    const listed = await shouldList(store, user)
    if (await store.updateIfVersion('users', user._id, user.version, { listed })) return true
    user = await store.get<StoredUser>('users', user._id)
  }
  return false
}

/**
 * Users stored before 人员管理 left out anonymous visitors carry no `listed` flag, and the list asks
 * for it: each is marked once, as the handlers would have (named, a role, or a report), in `_id`
 * order a page at a time. Then a meta document says so, and later runs read only that. Answers how
 * many users were given the flag, listed or not.
 */
export async function markListedUsers({ store, clock }: Deps): Promise<{ marked: number }> {
  if (await store.get('meta', DONE_ID)) return { marked: 0 }
  let marked = 0
  let after: Scalar[] | undefined
  for (;;) {
    const page = await store.query<StoredUser>('users', {
      sort: [['_id', 1]],
      offset: 0,
      limit: PAGE,
      ...(after ? { after } : {}),
    })
    for (const user of page) if (user.listed === undefined && (await markOne(store, user))) marked += 1
    const last = page.at(-1)
    if (page.length < PAGE || !last) break
    after = [last._id]
  }
  await store.insert('meta', { _id: DONE_ID, at: clock.now(), marked })
  return { marked }
}

export const markListedUsersJob: Job = {
  name: 'mark-listed-users',
  description: '为早于“人员名单”标记的用户补记是否列入人员管理（完成一次后不再扫描）',
  everyMinutes: 60,
  run: markListedUsers,
}
