import type { Case } from '@core/case/case'
import { scopedCaseQueue } from '@core/case/queues'
import { toSupervisionItem, type SupervisionItem } from '@core/case/views'
import { listScope } from '@core/permissions'
import { fail } from '@core/result'
import type { Filter } from '../ports/store'
import type { Handler } from './context'
import { cursorPage } from './paging'

/**
 * 督办 list: the 已超期 queue of the caller's scope (the one overdue rule, most overdue first), each
 * row saying whose lateness it is, for how long, how often it was chased and whether a note waits.
 */
export const listSupervision: Handler<'cases', 'listSupervision'> = async (
  { cursor, pageSize },
  { store, clock, actor },
) => {
  const scope = listScope(actor, 'case.listInScope')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', '您还没有所属组织，暂时看不到辖区诉求')
  const now = clock.now()
  const { filter, sort } = scopedCaseQueue(scope, 'overdue', now)
  return cursorPage<Case, SupervisionItem>(
    store,
    'cases',
    { filter: filter as Filter, sort, cursor, pageSize },
    (doc) => toSupervisionItem(actor, doc, now),
  )
}
