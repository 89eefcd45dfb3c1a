import { createHash } from 'node:crypto'
import type { Case } from '@core/case/case'
import { newCase } from '@core/case/create'
import { caseNumberCounterId, formatCaseNumber } from '@core/case/number'
import { COUNTED_QUEUES, scopedCaseQueue } from '@core/case/queues'
import { toListItem, toStaffListItem, type CaseListItem, type StaffCaseListItem } from '@core/case/views'
import { isAreaUnit, unitPath, type OrgUnit } from '@core/org/org'
import { listScope } from '@core/permissions'
import { fail, ok, type Result } from '@core/result'
import { chinaYear } from '@core/time'
import type { Filter } from '../ports/store'
import type { Handler, HandlerContext } from './context'
import { announceNewCase } from './notify'
import { cursorPage } from './paging'
import { chargeRateLimits } from './rate-limits'
import { checkImages } from './photo-check'
import { presentCase } from './photos'
import { noteReport } from './users'

/**
 * A case's id is derived from who sent it and their request id, so a repeated or concurrent
 * resend of the same report collides on insert instead of creating a second case.
 */
export function caseIdFor(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 32)
}

interface NewCaseRequest {
  clientRequestId: string
  areaUnitId: string
  /** Every file the case will refer to. */
  files: readonly string[]
  /** A further check on the area (e.g. that it lies in the caller's subtree). */
  mayUseArea?: (area: OrgUnit) => Result<void>
  /** The hourly limits this creation counts against (a resend of a stored case counts nothing). */
  charge?: { fn: string; action: string; input: Record<string, unknown> }
  build: (params: { id: string; number: string; areaUnitPath: string[]; now: number }) => Case
}

/**
 * Creates a case once per caller and request id: a resend answers the case already stored. The
 * area must be an active place and every file uploaded; the hourly limits are charged, and a
 * number drawn, only for a case that passed those checks. Shared by the resident's report and the
 * official's 立行立改.
 */
export async function createCaseOnce(ctx: HandlerContext, request: NewCaseRequest): Promise<Result<Case>> {
  const { store, files, clock, actor } = ctx
  const id = caseIdFor(actor.openid, request.clientRequestId)
  const earlier = await store.get<Case>('cases', id)
  if (earlier) return ok(earlier)

  const area = await store.get<OrgUnit>('orgUnits', request.areaUnitId)
  if (!area || !isAreaUnit(area)) return fail('CASE.UNKNOWN_AREA', undefined, 'areaUnitId')
  const allowed = request.mayUseArea?.(area) ?? ok(undefined)
  if (!allowed.ok) return allowed
  const notImage = await checkImages(files, request.files, 'photos')
  if (notImage) return notImage
  // Charged once the request passed its checks: a refused one uses up nothing.
  if (request.charge) {
    const { fn, action, input } = request.charge
    const limited = await chargeRateLimits(ctx, actor.openid, fn, action, input)
    if (limited) return limited
  }

  const now = clock.now()
  const year = chinaYear(now)
  const sequence = await store.increment('counters', caseNumberCounterId(year), 'value')
  const doc = request.build({ id, number: formatCaseNumber(year, sequence), areaUnitPath: unitPath(area), now })
  if ((await store.insert('cases', doc)) === 'duplicate') {
    // A concurrent resend won the race; its case is the one the caller gets. (Our number is skipped.)
    const winner = await store.get<Case>('cases', id)
    return winner ? ok(winner) : fail('SYSTEM.ERROR')
  }
  await announceNewCase(ctx, doc)
  return ok(doc)
}

export const submitCase: Handler<'cases', 'submit'> = async (input, ctx) => {
  const created = await createCaseOnce(ctx, {
    clientRequestId: input.clientRequestId,
    areaUnitId: input.areaUnitId,
    files: input.photos,
    charge: { fn: 'cases', action: 'submit', input },
    build: ({ id, number, areaUnitPath, now }) =>
      newCase({ id, areaUnitPath, number, input, actor: ctx.actor, source: 'resident', now }),
  })
  if (!created.ok) return created
  await noteReport(ctx.store, ctx.actor.openid, input.reporter, ctx.clock.now())
  const view = await presentCase(ctx, created.data, ctx.clock.now())
  return view ? ok(view) : fail('CASE.NOT_FOUND')
}

/** 我的诉求: the cases the caller follows as their own (not those an official typed in for someone else). */
export const listMyCases: Handler<'cases', 'listMine'> = async ({ cursor, pageSize }, { store, actor }) =>
  cursorPage<Case, CaseListItem>(
    store,
    'cases',
    { filter: { followerOpenids: actor.openid }, sort: [['createdAt', -1]], cursor, pageSize },
    (doc) => toListItem(actor, doc),
  )

const NO_UNIT = '您还没有所属组织，暂时看不到辖区诉求'

export const listCasesInScope: Handler<'cases', 'listInScope'> = async (
  { queue, status, excludeId, cursor, pageSize },
  { store, clock, actor },
) => {
  const scope = listScope(actor, 'case.listInScope')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', NO_UNIT)
  const now = clock.now()
  const { filter, sort } = scopedCaseQueue(scope, queue, now)
  return cursorPage<Case, StaffCaseListItem>(
    store,
    'cases',
    {
      filter: {
        ...(filter as Filter),
        ...(status ? { status } : {}),
        ...(excludeId ? { _id: { $ne: excludeId } } : {}),
      },
      sort,
      cursor,
      pageSize,
    },
    (doc) => toStaffListItem(actor, doc, now),
  )
}

/** The supervisor's home page: how many cases wait in each queue, counted with the queues' own filters. */
export const countQueues: Handler<'cases', 'queueCounts'> = async (_input, { store, clock, actor }) => {
  const scope = listScope(actor, 'case.listInScope')
  if (scope.kind === 'none') return fail('AUTH.FORBIDDEN', NO_UNIT)
  const now = clock.now()
  const counts = await Promise.all(
    COUNTED_QUEUES.map(async (queue) => {
      const count = await store.count('cases', scopedCaseQueue(scope, queue, now).filter as Filter)
      return [queue, count] as const
    }),
  )
  return ok(Object.fromEntries(counts) as Record<(typeof COUNTED_QUEUES)[number], number>)
}

/** By id or by the number on the receipt. Whoever may not see a case is told it was not found, as for one that does not exist. */
export const getCase: Handler<'cases', 'get'> = async (input, ctx) => {
  const { store, clock } = ctx
  const doc = input.id
    ? await store.get<Case>('cases', input.id)
    : ((await store.query<Case>('cases', { filter: { number: input.number ?? '' }, offset: 0, limit: 1 }))[0] ?? null)
  const view = doc && (await presentCase(ctx, doc, clock.now()))
  return view ? ok(view) : fail('CASE.NOT_FOUND')
}
