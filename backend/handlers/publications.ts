import type { Case } from '@core/case/case'
import { caseScope, namesKnownTo } from '@core/case/scope'
import { unitPath, type OrgUnit } from '@core/org/org'
import { may } from '@core/permissions'
import { personalDetailsIn, PERSONAL_DETAIL_LABELS } from '@core/privacy/mask'
import {
  DETAIL_LABELS,
  PUBLIC_LISTS,
  MONTHS_OFFERED,
  checkMonth,
  draftLists,
  lastMonth,
  recentMonths,
  keepDecisions,
  keyOf,
  listingLabel,
  monthLabel,
  monthRange,
  personalDataIssues,
  ratingText,
  rowName,
  publicTexts,
  showcaseRefusal,
  toDraftRow,
  toPublicRow,
  type Lists,
  type PublicList,
  type StoredRow,
} from '@core/publication/publication'
import type { DraftView, PublicFigures, PublishedView, Showcase } from '@core/publication/publication.schemas'
import { fail, ok, type Result } from '@core/result'
import type { Actor } from '@core/roles'
import { chinaTime } from '@core/time'
import type { Visit } from '@core/fieldwork/visit'
import type { ContentVerdict } from '../ports/content-check'
import type { Store } from '../ports/store'
import { computeDashboard } from '../stats/dashboard'
import type { Handler, HandlerContext } from './context'
import { unitNames } from './orgs'
import { readAll } from './paging'

const DRAFTS = 'publicationDrafts'
const VERSIONS = 'publications'
const CATALOGUE = 'publicLists'
const LISTINGS = 'listings'
const SHOWCASES = 'showcases'

interface VersionEntry {
  version: number
  publishedAt: number
  publishedBy: string
  note: string | null
}

/** The unit's draft for a month: one per unit and month, reopened as a correction once published. */
interface DraftDoc {
  _id: string
  unitId: string
  unitName: string
  month: string
  version: number
  /** Being edited; false once published, until someone opens it again to correct it. */
  open: boolean
  nextVersion: number
  generatedAt: number
  lists: Lists<StoredRow>
}

/** One published version: written once, never updated by any action. */
interface VersionDoc extends VersionEntry {
  _id: string
  unitId: string
  unitName: string
  month: string
  figures: PublicFigures
  lists: Lists<StoredRow>
}

/** The catalogue of what a unit published for a month: every version's entry, small enough to list. */
interface CatalogueDoc {
  _id: string
  unitId: string
  unitName: string
  month: string
  latestVersion: number
  publishedAt: number
  versions: VersionEntry[]
  version: number
}

/** A case named by a published list, for its reporter's view. */
interface ListingDoc {
  _id: string
  caseId: string
  month: string
  lists: PublicList[]
  version: number
}

interface ShowcaseDoc extends Showcase {
  _id: string
  markedBy: string
  version: number
}

const draftId = (unitId: string, month: string) => `${unitId}|${month}`
const versionId = (unitId: string, month: string, version: number) => `${unitId}|${month}|v${version}`

/** The unit the caller edits lists for: his own by default, any in his subtree (an admin: any). */
async function managedUnit(store: Store, actor: Actor, unitId: string | undefined): Promise<Result<OrgUnit>> {
  const id = unitId ?? actor.unitId
  if (!id) return fail('AUTH.FORBIDDEN', '您还没有所属组织，请选择要编制清单的单位', 'unitId')
  const unit = await store.get<OrgUnit>('orgUnits', id)
  if (!unit) return fail('ORG.NOT_FOUND', undefined, 'unitId')
  if (!may(actor, 'publication.manage', { ownerOpenids: [], unitIds: unitPath(unit) })) {
    return fail('AUTH.FORBIDDEN', '只能编制本辖区及下级单位的清单', 'unitId')
  }
  return ok(unit)
}

/** The month's records in the unit's scope, and what the rows name (units, households, survivors of merges). */
async function readSource(store: Store, unitId: string, month: string) {
  const { start, end } = monthRange(month)
  const inMonth = { $gte: start, $lt: end }
  const [submitted, assigned, closed] = await Promise.all([
    readAll<Case>(store, 'cases', { scopeUnitIds: unitId, createdAt: inMonth }, [['createdAt', 1]]),
    readAll<Case>(store, 'cases', { scopeUnitIds: unitId, 'assignment.assignedAt': inMonth }, [
      ['assignment.assignedAt', 1],
    ]),
    readAll<Case>(store, 'cases', { scopeUnitIds: unitId, closedAt: inMonth }, [['closedAt', 1]]),
  ])
  const byId = new Map([...submitted, ...assigned, ...closed].map((doc) => [doc._id, doc]))
  const missing = submitted.flatMap((doc) =>
    doc.status === 'merged' && doc.mergedInto && !byId.has(doc.mergedInto.id) ? [doc.mergedInto.id] : [],
  )
  for (const doc of await Promise.all([...new Set(missing)].map((id) => store.get<Case>('cases', id)))) {
    if (doc) byId.set(doc._id, doc)
  }
  const docs = [...byId.values()]
  const visits = await Promise.all(
    docs.map(async (doc) => [doc._id, doc.visitId ? await store.get<Visit>('visits', doc.visitId) : null] as const),
  )
  const householdNames = new Map(
    visits.flatMap(([caseId, visit]) => (visit?.household ? [[caseId, visit.household.name] as const] : [])),
  )
  const names = await unitNames(
    store,
    docs.flatMap((doc) => [doc.areaUnitId, doc.assignment?.responsibleUnitId ?? null]),
  )
  return { month, submitted, assigned, closed, byId, unitNames: names, householdNames }
}

function verdictIssue(verdict: ContentVerdict, list: PublicList): string | null {
  if (verdict.verdict === 'pass') return null
  const { field } = keyOf(verdict.key)
  const label = field === 'summary' ? '内容' : DETAIL_LABELS[list]
  return `${label}：${verdict.message}`
}

/**
 * Every row's issues now: personal details the server finds itself, and the content check's
 * verdict on its public texts (rows left out are not checked: they will not be published).
 */
async function checkRows(
  { contentCheck }: Pick<HandlerContext, 'contentCheck'>,
  lists: Lists<StoredRow>,
  actor: Actor,
  only?: { caseId: string },
): Promise<Lists<StoredRow>> {
  const chosen = (row: StoredRow) => row.omitted === null && (!only || only.caseId === row.caseId)
  const texts = publicTexts({
    problems: lists.problems.filter(chosen),
    tasks: lists.tasks.filter(chosen),
    results: lists.results.filter(chosen),
  })
  const verdicts = texts.length === 0 ? [] : await contentCheck.check(texts, { openid: actor.openid })
  return mapLists(lists, (list, row) => {
    if (!chosen(row)) return only ? row : { ...row, issues: [] }
    const content = verdicts
      .filter((verdict) => {
        const key = keyOf(verdict.key)
        return key.list === list && key.caseId === row.caseId
      })
      .map((verdict) => verdictIssue(verdict, list))
      .filter((issue): issue is string => issue !== null)
    return { ...row, issues: [...personalDataIssues(row, list), ...content] }
  })
}

const blockedRows = (lists: Lists<StoredRow>) =>
  PUBLIC_LISTS.reduce((sum, list) => sum + lists[list].filter((row) => !row.omitted && row.issues.length).length, 0)

function draftView(draft: DraftDoc, catalogue: CatalogueDoc | null, now: number): DraftView {
  const rows = (list: PublicList) => draft.lists[list].map(toDraftRow)
  return {
    unit: { id: draft.unitId, name: draft.unitName },
    month: draft.month,
    monthLabel: monthLabel(draft.month),
    version: draft.version,
    nextVersion: draft.nextVersion,
    generatedAt: draft.generatedAt,
    lists: { problems: rows('problems'), tasks: rows('tasks'), results: rows('results') },
    published: catalogue?.versions ?? [],
    blockedRows: blockedRows(draft.lists),
    months: recentMonths(now, MONTHS_OFFERED),
  }
}

/** 编制清单: the unit's open draft, built from the records when there is none (or when asked). */
export const openDraft: Handler<'publications', 'openDraft'> = async ({ unitId, month: asked, refresh }, ctx) => {
  const { store, clock, actor } = ctx
  const month = asked ?? lastMonth(clock.now())
  const monthCheck = checkMonth(month, clock.now())
  if (!monthCheck.ok) return monthCheck
  const unit = await managedUnit(store, actor, unitId)
  if (!unit.ok) return unit
  const id = draftId(unit.data._id, month)
  const [existing, catalogue] = await Promise.all([
    store.get<DraftDoc>(DRAFTS, id),
    store.get<CatalogueDoc>(CATALOGUE, id),
  ])
  if (existing?.open && !refresh) return ok(draftView(existing, catalogue, clock.now()))

  // A correction starts from what was published (the draft keeps it); a refresh rebuilds from the
  // records, keeping the decisions taken.
  const previous = existing?.lists ?? null
  const lists =
    previous && !refresh
      ? previous
      : keepDecisions(draftLists(await readSource(store, unit.data._id, month)), previous ?? emptyLists())
  const checked = await checkRows(ctx, lists, actor)
  const fields = {
    open: true,
    nextVersion: (catalogue?.latestVersion ?? 0) + 1,
    generatedAt: clock.now(),
    lists: checked,
    unitName: unit.data.name,
  }
  if (existing) {
    if (!(await store.updateIfVersion(DRAFTS, id, existing.version, fields))) return fail('PUBLICATION.CONFLICT')
  } else {
    const doc: DraftDoc = { _id: id, unitId: unit.data._id, month, version: 1, ...fields }
    if ((await store.insert(DRAFTS, doc)) === 'duplicate') return fail('PUBLICATION.CONFLICT')
  }
  return reloaded(ctx, id)
}

function emptyLists(): Lists<StoredRow> {
  return { problems: [], tasks: [], results: [] }
}

async function reloaded(
  { store, clock }: Pick<HandlerContext, 'store' | 'clock'>,
  id: string,
): Promise<Result<DraftView>> {
  const [draft, catalogue] = await Promise.all([
    store.get<DraftDoc>(DRAFTS, id),
    store.get<CatalogueDoc>(CATALOGUE, id),
  ])
  return draft ? ok(draftView(draft, catalogue, clock.now())) : fail('PUBLICATION.NOT_FOUND')
}

/** The open draft an edit names, at the version its editor saw. */
async function editableDraft(
  { store, actor }: Pick<HandlerContext, 'store' | 'actor'>,
  input: { unitId: string; month: string; expectedVersion: number },
): Promise<Result<DraftDoc>> {
  const unit = await managedUnit(store, actor, input.unitId)
  if (!unit.ok) return unit
  const draft = await store.get<DraftDoc>(DRAFTS, draftId(input.unitId, input.month))
  if (!draft?.open) return fail('PUBLICATION.NOT_FOUND', '这份清单没有在编制中，请重新打开')
  if (draft.version !== input.expectedVersion) return fail('PUBLICATION.CONFLICT')
  return ok(draft)
}

/** Saves a draft's rows at the version its editor saw. */
async function saveRows(
  ctx: Pick<HandlerContext, 'store' | 'clock'>,
  draft: DraftDoc,
  lists: Lists<StoredRow>,
): Promise<Result<DraftView>> {
  if (!(await ctx.store.updateIfVersion(DRAFTS, draft._id, draft.version, { lists }))) {
    return fail('PUBLICATION.CONFLICT')
  }
  return reloaded(ctx, draft._id)
}

function mapLists(lists: Lists<StoredRow>, change: (list: PublicList, row: StoredRow) => StoredRow): Lists<StoredRow> {
  return {
    problems: lists.problems.map((row) => change('problems', row)),
    tasks: lists.tasks.map((row) => change('tasks', row)),
    results: lists.results.map((row) => change('results', row)),
  }
}

function replaceRow(
  lists: Lists<StoredRow>,
  list: PublicList,
  caseId: string,
  change: (row: StoredRow) => StoredRow,
): Lists<StoredRow> {
  return { ...lists, [list]: lists[list].map((row) => (row.caseId === caseId ? change(row) : row)) }
}

export const editRow: Handler<'publications', 'editRow'> = async (input, ctx) => {
  const draft = await editableDraft(ctx, input)
  if (!draft.ok) return draft
  const row = draft.data.lists[input.list].find((candidate) => candidate.caseId === input.caseId)
  if (!row) return fail('PUBLICATION.ROW_NOT_FOUND', undefined, 'caseId')
  if (input.detail !== undefined && row.detail === null) return fail('PUBLICATION.NO_DETAIL', undefined, 'detail')
  // What was raised reads the same in every list the case is on; the list's own text is its row's.
  const edited = mapLists(draft.data.lists, (list, current) =>
    current.caseId !== input.caseId
      ? current
      : {
          ...current,
          summary: input.summary,
          detail: list === input.list ? (input.detail ?? current.detail) : current.detail,
          edited: true,
        },
  )
  const checked = await checkRows(ctx, edited, ctx.actor, { caseId: input.caseId })
  return saveRows(ctx, draft.data, checked)
}

export const omitRow: Handler<'publications', 'omitRow'> = async (input, ctx) => {
  const draft = await editableDraft(ctx, input)
  if (!draft.ok) return draft
  if (!draft.data.lists[input.list].some((row) => row.caseId === input.caseId)) {
    return fail('PUBLICATION.ROW_NOT_FOUND', undefined, 'caseId')
  }
  const omitted = { reason: input.reason, byName: ctx.actor.name, at: ctx.clock.now() }
  return saveRows(
    ctx,
    draft.data,
    replaceRow(draft.data.lists, input.list, input.caseId, (row) => ({ ...row, omitted, issues: [] })),
  )
}

export const restoreRow: Handler<'publications', 'restoreRow'> = async (input, ctx) => {
  const draft = await editableDraft(ctx, input)
  if (!draft.ok) return draft
  if (!draft.data.lists[input.list].some((row) => row.caseId === input.caseId)) {
    return fail('PUBLICATION.ROW_NOT_FOUND', undefined, 'caseId')
  }
  const restored = replaceRow(draft.data.lists, input.list, input.caseId, (row) => ({ ...row, omitted: null }))
  const checked = await checkRows(ctx, restored, ctx.actor, { caseId: input.caseId })
  return saveRows(ctx, draft.data, checked)
}

/** The rows an issue stops, named as the editor sees them (the first few, and how many more). */
function namedRows(lists: Lists<StoredRow>, problems: Array<{ list: PublicList; caseId: string; issue: string }>) {
  const shown = problems
    .slice(0, 3)
    .map(({ list, caseId, issue }) => `${rowName(list, lists[list], caseId)}${issue}`)
    .join('；')
  return problems.length > 3 ? `${shown}；另有 ${problems.length - 3} 处` : shown
}

/** The unit's figures for the month, as the dashboard counts them, frozen into the version. */
async function monthFigures(ctx: HandlerContext, unitId: string, month: string): Promise<Result<PublicFigures>> {
  const { start, end } = monthRange(month)
  const lastDay = Math.min(end - 1, ctx.clock.now())
  const dashboard = await computeDashboard(
    {
      period: {
        kind: 'range',
        from: chinaTime(start).format('YYYY-MM-DD'),
        to: chinaTime(lastDay).format('YYYY-MM-DD'),
      },
      unitId,
    },
    ctx,
  )
  if (!dashboard.ok) return dashboard
  const { cases, rates } = dashboard.data
  return ok({
    total: cases.total,
    pending: cases.pending,
    working: cases.working,
    closed: cases.closed,
    onTheSpot: cases.onTheSpot,
    response: rates.response,
    solved: rates.solved,
    satisfied: rates.satisfied,
    defaultRated: rates.defaultRated,
  })
}

/**
 * 发布: checks every row that will be published — personal details found by the server itself (a
 * row is never trusted to be masked), then the content check — and freezes the lists as the next
 * version, with the unit's figures for the month. Nothing is written unless all of it passes.
 */
export const publish: Handler<'publications', 'publish'> = async (input, ctx) => {
  const { store, clock, actor } = ctx
  const found = await editableDraft(ctx, input)
  if (!found.ok) return found
  const draft = found.data
  if (draft.nextVersion > 1 && !input.note) return fail('PUBLICATION.NOTE_REQUIRED', undefined, 'note')

  const personal = PUBLIC_LISTS.flatMap((list) =>
    draft.lists[list]
      .filter((row) => row.omitted === null)
      .flatMap((row) => personalDataIssues(row, list).map((issue) => ({ list, caseId: row.caseId, issue }))),
  )
  if (personal.length > 0) {
    return fail('PUBLICATION.PERSONAL_DATA', `不能发布：${namedRows(draft.lists, personal)}`)
  }
  const verdicts = await ctx.contentCheck.check(publicTexts(draft.lists), { openid: actor.openid })
  const blocked = verdicts.flatMap((verdict) => {
    const { list, caseId } = keyOf(verdict.key)
    const issue = verdictIssue(verdict, list)
    return issue ? [{ list, caseId, issue }] : []
  })
  if (blocked.length > 0) {
    return fail('PUBLICATION.CONTENT_BLOCKED', `不能发布：${namedRows(draft.lists, blocked)}`)
  }
  const figures = await monthFigures(ctx, draft.unitId, draft.month)
  if (!figures.ok) return figures

  // Claim the version first: of two supervisors publishing at once, one wins and the other is told.
  const now = clock.now()
  const version = draft.nextVersion
  if (!(await store.updateIfVersion(DRAFTS, draft._id, draft.version, { open: false, nextVersion: version + 1 }))) {
    return fail('PUBLICATION.CONFLICT')
  }
  const entry: VersionEntry = {
    version,
    publishedAt: now,
    publishedBy: actor.name || '督办领导',
    note: version > 1 ? (input.note ?? null) : null,
  }
  const frozen: VersionDoc = {
    _id: versionId(draft.unitId, draft.month, version),
    unitId: draft.unitId,
    unitName: draft.unitName,
    month: draft.month,
    figures: figures.data,
    // Rows left out stay in the record, with who left them out and why; the public never sees them.
    lists: draft.lists,
    ...entry,
  }
  if ((await store.insert(VERSIONS, frozen)) === 'duplicate') return fail('PUBLICATION.CONFLICT')
  await recordCatalogue(store, draft, entry)
  await recordListings(store, frozen)
  return publishedView(store, draft.unitId, draft.month, version)
}

async function recordCatalogue(store: Store, draft: DraftDoc, entry: VersionEntry): Promise<void> {
  for (;;) {
    const current = await store.get<CatalogueDoc>(CATALOGUE, draft._id)
    const fields = { latestVersion: entry.version, publishedAt: entry.publishedAt, unitName: draft.unitName }
    if (!current) {
      const doc: CatalogueDoc = {
        _id: draft._id,
        unitId: draft.unitId,
        month: draft.month,
        versions: [entry],
        version: 1,
        ...fields,
      }
      if ((await store.insert(CATALOGUE, doc)) === 'inserted') return
    } else if (
      await store.updateIfVersion(CATALOGUE, draft._id, current.version, {
        ...fields,
        versions: [...current.versions.filter((known) => known.version !== entry.version), entry],
      })
    ) {
      return
    }
  }
}

async function recordListings(store: Store, frozen: VersionDoc): Promise<void> {
  const byCase = new Map<string, PublicList[]>()
  for (const list of PUBLIC_LISTS) {
    for (const row of frozen.lists[list].filter((candidate) => candidate.omitted === null))
      byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), list])
  }
  for (const [caseId, lists] of byCase) {
    const id = `${caseId}|${frozen.unitId}|${frozen.month}`
    for (;;) {
      const current = await store.get<ListingDoc>(LISTINGS, id)
      if (!current) {
        if (
          (await store.insert(LISTINGS, { _id: id, caseId, month: frozen.month, lists, version: 1 })) === 'inserted'
        ) {
          break
        }
      } else {
        const union = PUBLIC_LISTS.filter((list) => current.lists.includes(list) || lists.includes(list))
        if (await store.updateIfVersion(LISTINGS, id, current.version, { lists: union })) break
      }
    }
  }
}

async function publishedView(
  store: Store,
  unitId: string,
  month: string,
  version?: number,
): Promise<Result<PublishedView>> {
  const catalogue = await store.get<CatalogueDoc>(CATALOGUE, draftId(unitId, month))
  if (!catalogue) return fail('PUBLICATION.NOT_FOUND')
  const doc = await store.get<VersionDoc>(VERSIONS, versionId(unitId, month, version ?? catalogue.latestVersion))
  if (!doc) return fail('PUBLICATION.NOT_FOUND', '没有这个版本', 'version')
  const rows = (list: PublicList) => doc.lists[list].filter((row) => row.omitted === null).map(toPublicRow)
  return ok({
    unit: { id: doc.unitId, name: doc.unitName },
    month: doc.month,
    monthLabel: monthLabel(doc.month),
    version: doc.version,
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
    note: doc.note,
    figures: doc.figures,
    lists: { problems: rows('problems'), tasks: rows('tasks'), results: rows('results') },
    versions: catalogue.versions,
  })
}

export const getPublished: Handler<'publications', 'getPublished'> = ({ unitId, month, version }, { store }) =>
  publishedView(store, unitId, month, version)

/** 公开清单: the units that published lists for the month asked (the latest month with any by default). */
export const listPublished: Handler<'publications', 'listPublished'> = async ({ month }, { store }) => {
  const shown =
    month ??
    (await store.query<CatalogueDoc>(CATALOGUE, { sort: [['month', -1]], offset: 0, limit: 1 }))[0]?.month ??
    null
  if (!shown) return ok({ month: null, monthLabel: null, entries: [] })
  const docs = await readAll<CatalogueDoc>(store, CATALOGUE, { month: shown }, [['unitName', 1]])
  return ok({
    month: shown,
    monthLabel: monthLabel(shown),
    entries: docs.map((doc) => ({
      unit: { id: doc.unitId, name: doc.unitName },
      month: doc.month,
      latestVersion: doc.latestVersion,
      publishedAt: doc.publishedAt,
    })),
  })
}

/** What a case's people read about the published lists that name it. */
export async function listingLabels(store: Store, caseId: string): Promise<Array<{ month: string; label: string }>> {
  const docs = await readAll<ListingDoc>(store, LISTINGS, { caseId }, [['month', 1]])
  const byMonth = new Map<string, PublicList[]>()
  for (const doc of docs) byMonth.set(doc.month, [...(byMonth.get(doc.month) ?? []), ...doc.lists])
  return [...byMonth].map(([month, lists]) => ({ month, label: listingLabel(month, lists) }))
}

/** 典型案例: a closed, well-rated case in the caller's subtree, with a public write-up checked like every public text. */
export const markShowcase: Handler<'publications', 'markShowcase'> = async ({ caseId, title, writeUp }, ctx) => {
  const { store, clock, actor, contentCheck } = ctx
  const doc = await store.get<Case>('cases', caseId)
  if (!doc) return fail('CASE.NOT_FOUND', undefined, 'caseId')
  if (!may(actor, 'publication.manage', caseScope(doc))) return fail('AUTH.FORBIDDEN')
  const refusal = showcaseRefusal(doc)
  if (refusal) return fail('SHOWCASE.NOT_ELIGIBLE', refusal, 'caseId')
  const visit = doc.visitId ? await store.get<Visit>('visits', doc.visitId) : null
  const names = [...namesKnownTo(doc), ...(visit?.household ? [visit.household.name] : [])]
  for (const [field, text] of [
    ['title', title],
    ['writeUp', writeUp],
  ] as const) {
    const found = personalDetailsIn(text, names)
    if (found.length > 0) {
      const what = found.map((kind) => PERSONAL_DETAIL_LABELS[kind]).join('、')
      return fail(
        'SHOWCASE.PERSONAL_DATA',
        `${field === 'title' ? '标题' : '案例介绍'}含有${what}，请删去或改写`,
        field,
      )
    }
  }
  const verdicts = await contentCheck.check(
    [
      { key: 'title', text: title },
      { key: 'writeUp', text: writeUp },
    ],
    { openid: actor.openid },
  )
  const stopped = verdicts.find((verdict) => verdict.verdict !== 'pass')
  if (stopped?.verdict === 'blocked' || stopped?.verdict === 'unchecked') {
    return fail('SHOWCASE.CONTENT_BLOCKED', stopped.message, stopped.key)
  }
  const areaName = (await unitNames(store, [doc.areaUnitId])).get(doc.areaUnitId) ?? ''
  const showcase: Showcase = {
    caseId: doc._id,
    number: doc.number,
    category: doc.category,
    areaName,
    title,
    writeUp,
    closedAt: doc.closedAt ?? clock.now(),
    rating: ratingText(doc),
    markedAt: clock.now(),
  }
  for (;;) {
    const current = await store.get<ShowcaseDoc>(SHOWCASES, caseId)
    if (!current) {
      const stored: ShowcaseDoc = { _id: caseId, markedBy: actor.openid, version: 1, ...showcase }
      if ((await store.insert(SHOWCASES, stored)) === 'inserted') break
    } else if (
      await store.updateIfVersion(SHOWCASES, caseId, current.version, { ...showcase, markedBy: actor.openid })
    ) {
      break
    }
  }
  return ok(showcase)
}

/** How many 典型案例 the public page shows, newest first. */
const SHOWCASES_SHOWN = 50

export const listShowcases: Handler<'publications', 'listShowcases'> = async (_input, { store }) => {
  const docs = await store.query<ShowcaseDoc>(SHOWCASES, {
    sort: [['markedAt', -1]],
    offset: 0,
    limit: SHOWCASES_SHOWN,
  })
  return ok(docs.map(({ _id: _id, markedBy: _by, version: _version, ...showcase }) => showcase))
}
