/**
 * Type-level tests, checked by `npm run typecheck` (tsconfig covers test/): each `@ts-expect-error`
 * line must be an error, or the typecheck fails. They prove that a page reading a field its
 * action's declared output lacks does not compile.
 */
import type { OutputFor } from '@core/functions'
import { ask } from '../../src/services/backend'

export async function pagesCannotReadWhatTheServerDoesNotSend(): Promise<void> {
  const answer = await ask('cases', 'get', { id: 'x' })
  if (!answer.ok) return
  const view = answer.data
  // @ts-expect-error the view differs by viewer: the staff fields exist only once `kind` says staff
  void view.assignment
  if (view.kind === 'staff') void view.assignment?.handlerOpenid
  if (view.kind === 'reporter') {
    // @ts-expect-error a reporter's view has no internal timeline with who did what
    void view.timeline[0]?.by
  }

  const tasks = await ask('cases', 'listMyTasks', {})
  // @ts-expect-error a task row carries a summary, not the whole description
  if (tasks.ok) void tasks.data.items[0]?.description

  const me = await ask('users', 'me', {})
  // @ts-expect-error nobody's user view carries an OPENID under `_id`
  if (me.ok) void me.data._id

  // @ts-expect-error the input is checked too: listInScope has no `page`, only a cursor
  await ask('cases', 'listInScope', { page: 2 })
}

type After = OutputFor<'cases', 'acknowledge'>
// A lifecycle action may answer that the case is no longer the caller's (退单).
export const handedOver: After['kind'][] = ['staff', 'reporter', 'other', 'handedOver']
// @ts-expect-error and nothing else
export const unknownKind: After['kind'] = 'admin'
