import { uncoveredQuery } from '../../../backend/index-coverage'

/** Written out by hand: which queries an index covers (DESIGN.md §5). */
const ROWS: Array<
  [label: string, collection: string, filter: Record<string, unknown>, sort: Array<[string, 1 | -1]>, covered: boolean]
> = [
  ['equality on an indexed field', 'cases', { followerOpenids: 'x' }, [['createdAt', -1]], true],
  ['a range on an indexed field', 'cases', { dueAt: { $lt: 5 } }, [['dueAt', 1]], true],
  ['$in on an indexed field', 'visits', { householdId: { $in: ['a', 'b'] } }, [], true],
  [
    'an indexed field beside an unindexed one',
    'cases',
    { scopeUnitIds: 'u', pendingExtension: { $ne: null } },
    [],
    true,
  ],
  ['the queue of 待派单 for an admin (status)', 'cases', { status: 'submitted' }, [['createdAt', -1]], true],
  ['我的任务 (the handler)', 'cases', { 'assignment.handlerOpenid': 'h', status: { $in: ['assigned'] } }, [], true],
  ['everything in an indexed order', 'invitations', {}, [['issuedAt', -1]], true],
  ['everything in an unindexed order', 'cases', {}, [['updatedAt', -1]], false],
  ['only $ne', 'presence', { openCheckinId: { $ne: null } }, [], false],
  ['only $contains', 'users', { name: { $contains: '王' } }, [], false],
  ['a prefix of an indexed field', 'users', { name: { $prefix: '王' } }, [['name', 1]], true],
  ['an unindexed field', 'cases', { source: 'visit' }, [], false],
  ['the org tree is bounded', 'orgUnits', { active: true }, [], true],
  ['an undeclared collection', 'things', { a: 1 }, [], false],
]

test.each(ROWS)('%s → covered: %s', (_label, collection, filter, sort, covered) => {
  expect(uncoveredQuery(collection, filter as never, sort) === null).toBe(covered)
})
