import type { Case } from '@core/case/case'
import type { Result } from '@core/result'
import type { ContentCheck } from '../../../backend/ports/content-check'
import { addTwoOffices, addUser, call, makeDeps, submitEvent } from '../../support/backend'
import { data as dataOf } from '../../support/result'

type Deps = Awaited<ReturnType<typeof makeDeps>>

const cn = (text: string) => Date.parse(`${text}+08:00`)
const data = <T>(result: Result<unknown>): T => dataOf<T>(result)

interface Row {
  caseId: string
  number: string
  summary: string
  detail: string | null
  reports: number
  status: string | null
  leadOfficial: string | null
  responsibleUnit: string | null
  rating: string | null
  omitted: { reason: string; byName: string } | null
  edited: boolean
  issues: string[]
}
type ListName = 'problems' | 'tasks' | 'results'
interface Draft {
  version: number
  nextVersion: number
  monthLabel: string
  lists: Record<ListName, Row[]>
  published: Array<{ version: number; note: string | null }>
  blockedRows: number
}
interface Published {
  version: number
  note: string | null
  publishedBy: string
  figures: { total: number; closed: number; satisfied: { numerator: number; denominator: number } }
  lists: Record<ListName, Array<Omit<Row, 'omitted' | 'edited' | 'issues'>>>
  versions: Array<{ version: number; note: string | null }>
}

// The personal details the seeded cases carry, none of which may reach the public.
const SECRETS = [
  '张秀兰',
  '13812345678',
  '420102195801011234',
  '3栋2单元501',
  '501室',
  '王桂芝',
  '李建国',
  '13907281234',
  '0728-6231234',
  '6231234',
  '18号',
  '赵大海',
]

let deps: Deps
const pub = (openid: string | null, event: Record<string, unknown>) => call(deps, openid, event, 'publications')

async function act(openid: string, action: string, id: string, params: Record<string, unknown> = {}) {
  const current = (await deps.store.get<Case>('cases', id)) as Case
  return data<{ id: string; version: number }>(
    await call(deps, openid, { action, id, expectedVersion: current.version, ...params }),
  )
}

const assignment = {
  leadOfficial: '陈书记',
  responsibleUnitId: 'office-a',
  handlerOpenid: 'cadre-a',
  standard: '一周内修好3栋2单元501室门口的楼道灯',
}

/** March's records in office A: a report that is worked, closed and rated; a family report; a merged one; a declined one. */
async function seedMarch() {
  const worked = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-1',
      submitEvent({
        areaUnitId: 'estate-a',
        description: '我是张秀兰，住3栋2单元501室，电话13812345678，身份证420102195801011234。楼道灯坏了一个月。',
        location: { address: '柳岸小区3栋2单元501室' },
        reporter: { name: '张秀兰', phone: '13812345678' },
      }),
    ),
  )
  const family = data<{ id: string; number: string }>(
    await call(
      deps,
      'res-2',
      submitEvent({
        areaUnitId: 'estate-a',
        description: '我母亲王桂芝独居在18号，我李建国在外地，座机0728-6231234常没人接，想申请上门助餐。',
        reporter: { name: '王桂芝', phone: '0728-6231234', relation: 'family' },
      }),
    ),
  )
  const duplicate = data<{ id: string }>(
    await call(
      deps,
      'res-3',
      submitEvent({
        areaUnitId: 'estate-a',
        description: '赵大海反映：3栋楼道灯不亮，电话13907281234。',
        reporter: { name: '赵大海', phone: '13907281234' },
      }),
    ),
  )
  const declined = data<{ id: string }>(
    await call(
      deps,
      'res-3',
      submitEvent({
        areaUnitId: 'estate-a',
        description: '这帮混蛋物业不管事，要求退还全部物业费。',
        reporter: { name: '赵大海', phone: '13907281234' },
      }),
    ),
  )
  deps.clock.current = cn('2026-03-16T09:00:00')
  await act('sup-a', 'merge', duplicate.id, { targetNumber: worked.number })
  await act('sup-a', 'decline', declined.id, { reason: '物业费纠纷请赵大海通过业委会协商，电话13907281234已告知' })
  await act('sup-a', 'assign', worked.id, assignment)
  await act('cadre-a', 'acknowledge', worked.id)
  deps.clock.current = cn('2026-03-18T09:00:00')
  await act('cadre-a', 'requestClosure', worked.id, {
    note: '已为张秀兰家门口（501室）换新灯',
    standardMet: '灯已亮',
  })
  await act('sup-a', 'approveClosure', worked.id)
  await act('res-1', 'rate', worked.id, { solved: 'solved', satisfaction: 'satisfied' })
  return { worked, family, duplicate, declined }
}

beforeEach(async () => {
  deps = await makeDeps(cn('2026-03-15T10:00:00'))
  await addTwoOffices(deps)
  await addUser(deps, 'sup-a', 'supervisor', { unitId: 'office-a', name: '陈书记' })
  await addUser(deps, 'sup-b', 'supervisor', { unitId: 'office-b', name: '周主任' })
  await addUser(deps, 'cadre-a', 'cadre', { unitId: 'office-a', name: '王强' })
  await addUser(deps, 'admin', 'admin', { unitId: 'district', name: '管理员' })
  await addUser(deps, 'res-2', 'resident', { name: '李建国' })
})
afterEach(() => deps.store.close())

async function openMarch(openid = 'sup-a', extra: Record<string, unknown> = {}): Promise<Draft> {
  return data<Draft>(await pub(openid, { action: 'openDraft', unitId: 'office-a', month: '2026-03', ...extra }))
}

function rowOf(draft: Draft, list: ListName, caseId: string): Row {
  const row = draft.lists[list].find((candidate) => candidate.caseId === caseId)
  if (!row) throw new Error(`no row for ${caseId} in ${list}`)
  return row
}

const key = (draft: Draft) => ({ unitId: 'office-a', month: '2026-03', expectedVersion: draft.version })

test('drafting: one row per case, merged reports under the case they joined, every text masked at the public level', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const draft = await openMarch()
  expect(draft.monthLabel).toBe('2026年3月')
  expect(draft.nextVersion).toBe(1)
  expect(
    draft.lists.problems.map((row) => [row.caseId, row.reports, row.status, row.summary, row.detail, row.issues]),
  ).toEqual([
    [
      seeded.worked.id,
      2,
      '已办结',
      '我是张*兰，住3栋2单元***室，电话138****5678，身份证4201**********1234。楼道灯坏了一个月。',
      null,
      [],
    ],
    [
      seeded.family.id,
      1,
      '待受理',
      '我母亲王*芝独居在***号，我李*国在外地，座机0728-***1234常没人接，想申请上门助餐。',
      null,
      [],
    ],
    [
      seeded.declined.id,
      1,
      '不予受理',
      '这帮混蛋物业不管事，要求退还全部物业费。',
      '物业费纠纷请赵*海通过业委会协商，电话139****1234已告知',
      ['内容：含有不宜公开的词语“混蛋”，请修改'],
    ],
  ])
  expect(draft.lists.tasks.map((row) => [row.caseId, row.leadOfficial, row.responsibleUnit, row.detail])).toEqual([
    [seeded.worked.id, '陈书记', 'A办事处', '一周内修好3栋2单元***室门口的楼道灯'],
  ])
  expect(draft.lists.results.map((row) => [row.caseId, row.detail, row.rating])).toEqual([
    [seeded.worked.id, '已为张*兰家门口（***室）换新灯', '满意（已解决）'],
  ])
  expect(draft.blockedRows).toBe(1)
})

test('a blocked word stops publication with the row named; reworded, the lists publish', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const draft = await openMarch()
  const refused = await pub('sup-a', { action: 'publish', ...key(draft) })
  expect(refused).toEqual({
    ok: false,
    code: 'PUBLICATION.CONTENT_BLOCKED',
    message: `不能发布：问题清单第 3 行（编号 ${seeded.declined ? rowOf(draft, 'problems', seeded.declined.id).number : ''}）内容：含有不宜公开的词语“混蛋”，请修改`,
  })
  // Nothing was published.
  expect(await pub(null, { action: 'getPublished', unitId: 'office-a', month: '2026-03' })).toMatchObject({
    ok: false,
    code: 'PUBLICATION.NOT_FOUND',
  })
  const fixed = data<Draft>(
    await pub('sup-a', {
      action: 'editRow',
      ...key(draft),
      list: 'problems',
      caseId: seeded.declined.id,
      summary: '反映物业不作为，要求退还物业费。',
    }),
  )
  expect(rowOf(fixed, 'problems', seeded.declined.id)).toMatchObject({ edited: true, issues: [] })
  expect(fixed.blockedRows).toBe(0)
  const published = data<Published>(await pub('sup-a', { action: 'publish', ...key(fixed) }))
  expect(published).toMatchObject({ version: 1, note: null, publishedBy: '陈书记' })
  expect(published.lists.problems.map((row) => row.summary)[2]).toBe('反映物业不作为，要求退还物业费。')
})

test('a row that still holds a phone, an ID, a door number or a reporter name is refused at publish, the row named', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  let draft = await openMarch()
  draft = data<Draft>(
    await pub('sup-a', {
      action: 'omitRow',
      ...key(draft),
      list: 'problems',
      caseId: seeded.declined.id,
      reason: '涉及物业合同纠纷，不属于本次清单范围',
    }),
  )
  const cases: Array<[ListName, string, string, string]> = [
    ['tasks', seeded.worked.id, '张秀兰家的楼道灯坏了', '内容含有群众姓名，请删去或改写'],
    ['tasks', seeded.worked.id, '有事请打13812345678', '内容含有电话号码，请删去或改写'],
    ['tasks', seeded.worked.id, '身份证420102195801011234的老人', '内容含有身份证号，请删去或改写'],
    ['tasks', seeded.worked.id, '3栋2单元501室门口灯坏了', '内容含有门牌号，请删去或改写'],
    // The family member who reported for her is named too, and so is a reporter merged into the case.
    ['problems', seeded.family.id, '李建国的母亲独居需要助餐', '内容含有群众姓名，请删去或改写'],
    ['problems', seeded.worked.id, '赵大海也反映了楼道灯的事', '内容含有群众姓名，请删去或改写'],
  ]
  const where = { problems: '问题清单', tasks: '任务清单', results: '效果清单' }
  for (const [list, caseId, summary, issue] of cases) {
    draft = data<Draft>(await pub('sup-a', { action: 'editRow', ...key(draft), list, caseId, summary }))
    expect(rowOf(draft, list, caseId).issues).toEqual([issue])
    const position = draft.lists[list].findIndex((row) => row.caseId === caseId) + 1
    const refused = await pub('sup-a', { action: 'publish', ...key(draft) })
    expect(refused).toEqual({
      ok: false,
      code: 'PUBLICATION.PERSONAL_DATA',
      message: expect.stringContaining(
        `${where[list]}第 ${position} 行（编号 ${rowOf(draft, list, caseId).number}）${issue}`,
      ),
    })
    // What was raised reads the same on every list the case is on: the same issue stops each of its rows.
    for (const other of ['problems', 'tasks', 'results'] as const) {
      const same = draft.lists[other].find((row) => row.caseId === caseId)
      if (same && !same.omitted) expect(same.issues).toEqual([issue])
    }
    // Put right again before the next.
    draft = data<Draft>(
      await pub('sup-a', { action: 'editRow', ...key(draft), list, caseId, summary: '楼道灯与助餐的诉求' }),
    )
  }
  // Leaders' and units' names are public: 陈书记 and A办事处 pass.
  draft = data<Draft>(
    await pub('sup-a', {
      action: 'editRow',
      ...key(draft),
      list: 'tasks',
      caseId: seeded.worked.id,
      summary: '陈书记领办，A办事处负责修复楼道灯',
    }),
  )
  expect(rowOf(draft, 'tasks', seeded.worked.id).issues).toEqual([])
  expect(data<Published>(await pub('sup-a', { action: 'publish', ...key(draft) })).version).toBe(1)
})

test('published lists: readable by anyone, no personal detail anywhere in any public answer, rows left out stay out', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  let draft = await openMarch()
  draft = data<Draft>(
    await pub('sup-a', {
      action: 'omitRow',
      ...key(draft),
      list: 'problems',
      caseId: seeded.declined.id,
      reason: '涉及物业合同纠纷，不属于本次清单范围',
    }),
  )
  expect(rowOf(draft, 'problems', seeded.declined.id).omitted).toMatchObject({
    reason: '涉及物业合同纠纷，不属于本次清单范围',
    byName: '陈书记',
  })
  data(await pub('sup-a', { action: 'publish', ...key(draft) }))
  data(
    await pub('sup-a', {
      action: 'markShowcase',
      caseId: seeded.worked.id,
      title: '楼道灯一周修好',
      writeUp: '居民反映楼道灯长期不亮，办事处当天派单，一周内更换新灯，居民评价满意。',
    }),
  )

  const answers = [
    await pub(null, { action: 'listPublished' }),
    await pub(null, { action: 'listPublished', month: '2026-03' }),
    await pub(null, { action: 'getPublished', unitId: 'office-a', month: '2026-03' }),
    await pub('res-9', { action: 'getPublished', unitId: 'office-a', month: '2026-03', version: 1 }),
    await pub(null, { action: 'listShowcases' }),
    await pub('cadre-a', { action: 'listShowcases' }),
  ]
  for (const answer of answers) {
    expect(answer.ok).toBe(true)
    const text = JSON.stringify(answer)
    for (const secret of SECRETS) expect(text).not.toContain(secret)
    expect(text).not.toContain('涉及物业合同纠纷')
  }
  const catalogue = data<{ month: string; entries: Array<{ unit: { name: string }; latestVersion: number }> }>(
    answers[0] as Result<unknown>,
  )
  expect(catalogue).toMatchObject({ month: '2026-03', entries: [{ unit: { name: 'A办事处' }, latestVersion: 1 }] })
  expect(data<unknown[]>(answers[4] as Result<unknown>)).toHaveLength(1)
  const published = data<Published>(answers[2] as Result<unknown>)
  expect(published.lists.problems.map((row) => row.caseId)).toEqual([seeded.worked.id, seeded.family.id])
  expect(published.figures).toMatchObject({ total: 2, closed: 1, satisfied: { numerator: 1, denominator: 1 } })
  // Reading the public lists leaves no trace of the reader.
  expect(await deps.store.get('users', 'res-9')).toBeNull()

  // The reporters see on their own case that it was listed; the one left out sees nothing.
  const listedView = data<{ publicListings: Array<{ month: string; label: string }> }>(
    await call(deps, 'res-1', { action: 'get', id: seeded.worked.id }),
  )
  expect(listedView.publicListings).toEqual([
    { month: '2026-03', label: '已列入2026年3月问题清单、任务清单、效果清单' },
  ])
  const familyView = data<{ publicListings: Array<{ month: string; label: string }> }>(
    await call(deps, 'res-2', { action: 'get', id: seeded.family.id }),
  )
  expect(familyView.publicListings).toEqual([{ month: '2026-03', label: '已列入2026年3月问题清单' }])
  const omittedView = data<{ publicListings: unknown[] }>(
    await call(deps, 'res-3', { action: 'get', id: seeded.declined.id }),
  )
  expect(omittedView.publicListings).toEqual([])
})

test('a published version never changes: every action refuses or opens a correction, which is version 2 beside version 1', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  let draft = await openMarch()
  draft = data<Draft>(
    await pub('sup-a', {
      action: 'omitRow',
      ...key(draft),
      list: 'problems',
      caseId: seeded.declined.id,
      reason: '不属于本次清单范围',
    }),
  )
  data(await pub('sup-a', { action: 'publish', ...key(draft) }))
  const frozen = await deps.store.get('publications', 'office-a|2026-03|v1')
  expect(frozen).not.toBeNull()

  // The published draft is closed: edits at its last version, and a second publish, are refused.
  const stale = { ...key(draft), expectedVersion: draft.version + 1 }
  const edits: Array<[Record<string, unknown>, string]> = [
    [
      { action: 'editRow', ...stale, list: 'problems', caseId: seeded.worked.id, summary: '改过的内容' },
      'PUBLICATION.NOT_FOUND',
    ],
    [
      { action: 'omitRow', ...stale, list: 'problems', caseId: seeded.worked.id, reason: '不公开了' },
      'PUBLICATION.NOT_FOUND',
    ],
    [{ action: 'restoreRow', ...stale, list: 'problems', caseId: seeded.declined.id }, 'PUBLICATION.NOT_FOUND'],
    [{ action: 'publish', ...stale }, 'PUBLICATION.NOT_FOUND'],
    [{ action: 'publish', ...key(draft) }, 'PUBLICATION.NOT_FOUND'],
  ]
  for (const [event, code] of edits) expect(await pub('sup-a', event)).toMatchObject({ ok: false, code })
  expect(await deps.store.get('publications', 'office-a|2026-03|v1')).toEqual(frozen)

  // Opening it again is a correction: it starts from what was published and needs a note.
  let correction = await openMarch()
  expect(correction.nextVersion).toBe(2)
  expect(correction.published.map((entry) => entry.version)).toEqual([1])
  expect(rowOf(correction, 'problems', seeded.declined.id).omitted?.reason).toBe('不属于本次清单范围')
  correction = data<Draft>(
    await pub('sup-a', {
      action: 'editRow',
      ...key(correction),
      list: 'tasks',
      caseId: seeded.worked.id,
      summary: '楼道灯一个月不亮',
      detail: '一周内修好楼道灯',
    }),
  )
  expect(await pub('sup-a', { action: 'publish', ...key(correction) })).toMatchObject({
    ok: false,
    code: 'PUBLICATION.NOTE_REQUIRED',
  })
  const second = data<Published>(
    await pub('sup-a', { action: 'publish', ...key(correction), note: '更正任务清单第 1 行的解决标准表述' }),
  )
  expect(second).toMatchObject({ version: 2, note: '更正任务清单第 1 行的解决标准表述' })
  expect(await deps.store.get('publications', 'office-a|2026-03|v1')).toEqual(frozen)

  const v1 = data<Published>(
    await pub(null, { action: 'getPublished', unitId: 'office-a', month: '2026-03', version: 1 }),
  )
  const v2 = data<Published>(await pub(null, { action: 'getPublished', unitId: 'office-a', month: '2026-03' }))
  expect(v1.lists.tasks[0]?.detail).toBe('一周内修好3栋2单元***室门口的楼道灯')
  expect(v2.lists.tasks[0]?.detail).toBe('一周内修好楼道灯')
  expect(v2.versions.map((entry) => [entry.version, entry.note])).toEqual([
    [1, null],
    [2, '更正任务清单第 1 行的解决标准表述'],
  ])
  expect(await pub(null, { action: 'getPublished', unitId: 'office-a', month: '2026-03', version: 3 })).toMatchObject({
    ok: false,
    code: 'PUBLICATION.NOT_FOUND',
  })
})

test('a failure to check (the checker unreachable) blocks publishing too', async () => {
  await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const unreachable: ContentCheck = {
    check: async (texts) =>
      texts.map((text) => ({
        key: text.key,
        verdict: 'unchecked' as const,
        message: '内容安全检查暂时无法完成，请稍后再试',
      })),
  }
  const draft = data<Draft>(
    await call(
      { ...deps, contentCheck: unreachable },
      'sup-a',
      { action: 'openDraft', unitId: 'office-a', month: '2026-03' },
      'publications',
    ),
  )
  expect(draft.blockedRows).toBe(5)
  expect(
    await call({ ...deps, contentCheck: unreachable }, 'sup-a', { action: 'publish', ...key(draft) }, 'publications'),
  ).toMatchObject({ ok: false, code: 'PUBLICATION.CONTENT_BLOCKED' })
})

test('who may draft and publish: a supervisor for his subtree, an admin for any unit; nobody else', async () => {
  await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const open = { action: 'openDraft', unitId: 'office-a', month: '2026-03' }
  expect(await pub('sup-b', open)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await pub('cadre-a', open)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await pub('res-1', open)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await pub(null, open)).toMatchObject({ ok: false, code: 'AUTH.LOGIN_REQUIRED' })
  expect((await pub('admin', open)).ok).toBe(true)
  // A month that has not begun, or is not a month.
  expect(await pub('sup-a', { ...open, month: '2026-05' })).toMatchObject({ ok: false, code: 'PUBLICATION.BAD_MONTH' })
  expect(await pub('sup-a', { ...open, month: '2026-13' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  expect(await pub('sup-a', { ...open, unitId: 'nowhere' })).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' })
})

test('two supervisors editing at once: the second is told the draft changed', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const draft = await openMarch()
  const edit = {
    action: 'editRow',
    ...key(draft),
    list: 'problems',
    caseId: seeded.family.id,
    summary: '独居老人申请上门助餐',
  }
  expect((await pub('sup-a', edit)).ok).toBe(true)
  expect(await pub('admin', edit)).toMatchObject({ ok: false, code: 'PUBLICATION.CONFLICT' })
  expect(await pub('sup-a', { ...edit, expectedVersion: draft.version + 1, detail: '不该有说明' })).toMatchObject({
    ok: false,
    code: 'PUBLICATION.NO_DETAIL',
  })
  expect(await pub('sup-a', { ...edit, expectedVersion: draft.version + 1, caseId: 'no-such-case' })).toMatchObject({
    ok: false,
    code: 'PUBLICATION.ROW_NOT_FOUND',
  })
})

test('典型案例: only a closed case rated solved and satisfied, its write-up checked like every public text', async () => {
  const seeded = await seedMarch()
  deps.clock.current = cn('2026-04-02T09:00:00')
  const mark = (caseId: string, writeUp: string, title = '楼道灯一周修好') =>
    pub('sup-a', { action: 'markShowcase', caseId, title, writeUp })
  const story = '居民反映楼道灯长期不亮，办事处当天派单，干部一周内更换新灯，居民评价满意。'
  expect(await mark(seeded.family.id, story)).toMatchObject({ ok: false, code: 'SHOWCASE.NOT_ELIGIBLE' })
  expect(await mark(seeded.worked.id, `${story}张秀兰老人很高兴。`)).toEqual({
    ok: false,
    code: 'SHOWCASE.PERSONAL_DATA',
    message: '案例介绍含有群众姓名，请删去或改写',
    field: 'writeUp',
  })
  expect(await mark(seeded.worked.id, `${story}以前的物业都是王八蛋。`)).toMatchObject({
    ok: false,
    code: 'SHOWCASE.CONTENT_BLOCKED',
    field: 'writeUp',
  })
  expect(
    await pub('sup-b', { action: 'markShowcase', caseId: seeded.worked.id, title: '楼道灯一周修好', writeUp: story }),
  ).toMatchObject({
    ok: false,
    code: 'AUTH.FORBIDDEN',
  })
  expect(data(await mark(seeded.worked.id, story))).toMatchObject({ title: '楼道灯一周修好', rating: '满意（已解决）' })
  const listed = data<Array<{ caseId: string; writeUp: string; areaName: string }>>(
    await pub(null, { action: 'listShowcases' }),
  )
  expect(listed).toEqual([expect.objectContaining({ caseId: seeded.worked.id, writeUp: story, areaName: 'A小区' })])
})
