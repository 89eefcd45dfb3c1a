import type { Case } from '@core/case/case'
import { submitCaseInput } from '@core/case/case.schemas'
import { newCase } from '@core/case/create'
import { applyTransition, type CaseAction, type TransitionParams } from '@core/case/lifecycle'
import { DEFAULT_TIME_LIMITS } from '@core/case/time-limits'
import { personalDetailsIn } from '@core/privacy/mask'
import {
  checkMonth,
  draftLists,
  keepDecisions,
  lastMonth,
  listingLabel,
  monthLabel,
  monthRange,
  personalDataIssues,
  ratingText,
  recentMonths,
  showcaseRefusal,
  type DraftSource,
  type StoredRow,
} from '@core/publication/publication'
import type { Actor, Principal } from '@core/roles'

const cn = (text: string) => Date.parse(`${text}+08:00`)

describe('months, as China counts them (UTC+8)', () => {
  test.each([
    ['2026-11', cn('2026-11-01T00:00:00'), cn('2026-12-01T00:00:00'), '2026年11月'],
    ['2026-12', cn('2026-12-01T00:00:00'), cn('2027-01-01T00:00:00'), '2026年12月'],
    ['2027-02', cn('2027-02-01T00:00:00'), cn('2027-03-01T00:00:00'), '2027年2月'],
  ])('%s runs from its first midnight to the next month’s', (month, start, end, label) => {
    expect(monthRange(month)).toEqual({ start, end })
    expect(monthLabel(month)).toBe(label)
  })

  test.each([
    // 1 December 00:30 in China is still 30 November in UTC.
    [cn('2026-12-01T00:30:00'), '2026-11', ['2026-12', '2026-11', '2026-10']],
    [cn('2026-11-30T23:59:00'), '2026-10', ['2026-11', '2026-10', '2026-09']],
    [cn('2027-01-15T12:00:00'), '2026-12', ['2027-01', '2026-12', '2026-11']],
  ])('at %d: last month %s; the months offered %j', (now, last, offered) => {
    expect(lastMonth(now)).toBe(last)
    expect(recentMonths(now, 3)).toEqual(offered)
  })

  test.each([
    ['2026-11', 'ok'],
    ['2026-12', 'ok'],
    ['2027-01', 'PUBLICATION.BAD_MONTH'],
    ['2026-13', 'PUBLICATION.BAD_MONTH'],
    ['2026-1', 'PUBLICATION.BAD_MONTH'],
  ])('on 2 December 2026, %s may be drafted: %s', (month, expected) => {
    const checked = checkMonth(month, cn('2026-12-02T10:00:00'))
    expect(checked.ok ? 'ok' : checked.code).toBe(expected)
  })
})

describe('the publish check finds what the public must not read', () => {
  const NAMES = ['张秀兰', '李建国']
  test.each([
    ['楼道灯坏了一个月', []],
    ['电话13812345678', ['phone']],
    ['电话 138 1234 5678', ['phone']],
    ['座机0728-6231234', ['phone']],
    ['身份证420102195801011234', ['idNumber']],
    ['身份证42010219580101123X', ['idNumber']],
    ['住3栋2单元501室', ['doorNumber']],
    ['住3-2-501', ['doorNumber']],
    ['张秀兰反映', ['name']],
    ['李建国代母亲反映', ['name']],
    // Masked texts pass: the default wording always does.
    ['张*兰，138****5678，4201**********1234，3栋2单元***室', []],
    // Leaders' and units' names are public.
    ['陈书记领办，东湖办事处负责', []],
    ['张秀兰说3栋2单元501室的电话13812345678', ['phone', 'doorNumber', 'name']],
  ])('%s → %j', (text, expected) => {
    expect(personalDetailsIn(text, NAMES)).toEqual(expected)
  })
})

const RESIDENT: Actor = { openid: 'res-1', role: 'resident', unitId: null, name: '' }
const FAMILY: Actor = { openid: 'res-2', role: 'resident', unitId: null, name: '李建国' }
const SUPERVISOR: Principal = { openid: 'sup-a', role: 'supervisor', unitId: 'office-a', name: '陈书记' }
const CADRE: Principal = { openid: 'cadre-a', role: 'cadre', unitId: 'office-a', name: '王强' }

function reported(
  id: string,
  number: string,
  description: string,
  reporter: { name: string; relation?: 'self' | 'family' },
  actor = RESIDENT,
): Case {
  return newCase({
    id,
    areaUnitPath: ['district', 'office-a', 'estate-a'],
    number,
    input: submitCaseInput.parse({
      action: 'submit',
      clientRequestId: `publication-${id}`,
      category: '人居环境',
      description,
      areaUnitId: 'estate-a',
      reporter: { phone: '13812345678', ...reporter },
    }),
    actor,
    source: 'resident',
    now: cn('2026-11-03T09:00:00'),
  })
}

function act<A extends CaseAction>(doc: Case, action: A, actor: Principal, at: string, params: TransitionParams[A]) {
  const result = applyTransition(doc, action, params, { actor, now: cn(at), limits: DEFAULT_TIME_LIMITS })
  if (!result.ok) throw new Error(`${action}: ${result.code}`)
  return result.data.next
}

const ASSIGN = {
  leadOfficial: '陈书记',
  responsibleUnit: { id: 'office-a', path: ['district', 'office-a'] },
  handler: { openid: CADRE.openid, name: CADRE.name },
  standard: '修好张秀兰家门口（501室）的灯',
}

function closed(
  doc: Case,
  rating?: { solved: 'solved' | 'unsolved'; satisfaction: 'satisfied' | 'basically' | 'dissatisfied' },
) {
  let next = act(doc, 'assign', SUPERVISOR, '2026-11-04T09:00:00', ASSIGN)
  next = act(next, 'acknowledge', CADRE, '2026-11-04T10:00:00', {})
  next = act(next, 'requestClosure', CADRE, '2026-11-05T10:00:00', {
    note: '已为张秀兰更换新灯',
    evidence: [],
    standardMet: '灯亮了',
  })
  next = act(next, 'approveClosure', SUPERVISOR, '2026-11-05T12:00:00', { note: '' })
  if (rating) {
    next = act(next, 'rate', { ...RESIDENT, role: 'resident' }, '2026-11-06T09:00:00', { ...rating, comment: '' })
  }
  return next
}

function source(cases: Case[], extra: Partial<DraftSource> = {}): DraftSource {
  return {
    month: '2026-11',
    submitted: cases,
    assigned: cases.filter((doc) => doc.assignment !== null),
    closed: cases.filter((doc) => doc.status === 'closed'),
    byId: new Map(cases.map((doc) => [doc._id, doc])),
    unitNames: new Map([
      ['estate-a', '柳岸小区'],
      ['office-a', '东湖办事处'],
    ]),
    householdNames: new Map(),
    ...extra,
  }
}

describe('drafting the three lists from the records', () => {
  const lamp = closed(reported('c1', '2026-000001', '我是张秀兰，电话13812345678，楼道灯坏了', { name: '张秀兰' }), {
    solved: 'solved',
    satisfaction: 'basically',
  })
  const family = reported(
    'c2',
    '2026-000002',
    '我母亲王桂芝独居，李建国在外地',
    { name: '王桂芝', relation: 'family' },
    FAMILY,
  )
  const same = act(
    reported('c3', '2026-000003', '赵大海：楼道灯坏了', { name: '赵大海' }),
    'merge',
    SUPERVISOR,
    '2026-11-04T08:00:00',
    { target: { id: 'c1', number: '2026-000001' } },
  )
  const declined = act(
    reported('c4', '2026-000004', '要求退物业费', { name: '钱多多' }),
    'decline',
    SUPERVISOR,
    '2026-11-04T08:00:00',
    { reason: '钱多多的物业费纠纷请找业委会' },
  )
  const drafted = draftLists(source([lamp, family, same, declined]))

  test('问题清单: every report once, a merged one under the case it joined, each with its public status', () => {
    expect(drafted.problems.map((row) => [row.number, row.reports, row.status, row.summary, row.detail])).toEqual([
      ['2026-000001', 2, '已办结', '我是张*兰，电话138****5678，楼道灯坏了', null],
      ['2026-000002', 1, '待受理', '我母亲王*芝独居，李*国在外地', null],
      ['2026-000004', 1, '不予受理', '要求退物业费', '钱*多的物业费纠纷请找业委会'],
    ])
  })

  test('任务清单: 领办领导, 责任单位, 完成时限 and 解决标准 (masked)', () => {
    expect(
      drafted.tasks.map((row) => [row.number, row.leadOfficial, row.responsibleUnit, row.deadline, row.detail]),
    ).toEqual([['2026-000001', '陈书记', '东湖办事处', cn('2026-11-10T23:59:59.999'), '修好张*兰家门口（***室）的灯']])
  })

  test('效果清单: the result and the residents’ rating; only a well-rated case may become a 典型案例', () => {
    expect(drafted.results.map((row) => [row.number, row.detail, row.rating, row.mayShowcase])).toEqual([
      ['2026-000001', '已为张*兰更换新灯', '基本满意（已解决）', true],
    ])
  })

  test('each row is checked against the names of everyone its case is about, merged reporters too', () => {
    const row = drafted.problems[0] as StoredRow
    expect(personalDataIssues({ ...row, summary: '赵大海也反映过' }, 'problems')).toEqual([
      '内容含有群众姓名，请删去或改写',
    ])
    const familyRow = drafted.problems[1] as StoredRow
    expect(personalDataIssues({ ...familyRow, summary: '李建国的母亲' }, 'problems')).toEqual([
      '内容含有群众姓名，请删去或改写',
    ])
    const declinedRow = drafted.problems[2] as StoredRow
    expect(personalDataIssues({ ...declinedRow, detail: '请钱多多找业委会，电话13812345678' }, 'problems')).toEqual([
      '不予受理理由含有电话号码、群众姓名，请删去或改写',
    ])
  })

  test('the household of the visit a case was raised on is named too', () => {
    const withHousehold = draftLists(source([family], { householdNames: new Map([['c2', '孙老汉']]) }))
    const row = withHousehold.problems[0] as StoredRow
    expect(personalDataIssues({ ...row, summary: '孙老汉家' }, 'problems')).toEqual(['内容含有群众姓名，请删去或改写'])
  })

  test('a refresh keeps the wording edited and the rows left out, and drops rows no longer there', () => {
    const edited = {
      ...drafted,
      problems: drafted.problems.map((row, index) =>
        index === 0
          ? { ...row, summary: '楼道灯坏了', edited: true }
          : index === 1
            ? { ...row, omitted: { reason: '家事', byName: '陈书记', at: 1 } }
            : row,
      ),
    }
    const fresh = draftLists(source([lamp, family]))
    const kept = keepDecisions(fresh, edited)
    expect(kept.problems.map((row) => [row.number, row.summary, row.omitted?.reason ?? null])).toEqual([
      ['2026-000001', '楼道灯坏了', null],
      ['2026-000002', '我母亲王*芝独居，李*国在外地', '家事'],
    ])
  })
})

/** A closed case with its final answer recorded (the lifecycle's reopening is lifecycle.test.ts's subject). */
function finalRating(
  doc: Case,
  solved: 'solved' | 'unsolved',
  satisfaction: 'satisfied' | 'basically' | 'dissatisfied',
) {
  return {
    solved,
    satisfaction,
    comment: '',
    at: (doc.closedAt ?? 0) + 1,
    byCall: false,
    byDefault: false,
    recordedBy: null,
  }
}
function withFinalRating(
  doc: Case,
  solved: 'solved' | 'unsolved',
  satisfaction: 'satisfied' | 'basically' | 'dissatisfied',
): Case {
  return { ...doc, reopened: true, ratings: [finalRating(doc, solved, satisfaction)] }
}

describe('典型案例 and ratings in words', () => {
  const base = reported('c9', '2026-000009', '路灯坏了', { name: '张秀兰' })
  test.each([
    ['open', base, '只有已办结的诉求才能评为典型案例', '待评价'],
    ['closed, not rated', closed(base), '群众还没有评价这次办理，不能评为典型案例', '待评价'],
    // A dissatisfied answer reopens the case once: it is no longer closed.
    [
      'rated dissatisfied (reopened)',
      closed(base, { solved: 'solved', satisfaction: 'dissatisfied' }),
      '只有已办结的诉求才能评为典型案例',
      '不满意（已解决）',
    ],
    // The final answer after a reopening leaves it closed, and not a model of anything.
    [
      'closed again, rated unsolved',
      withFinalRating(closed(base), 'unsolved', 'basically'),
      '群众评价为未解决或不满意，不能评为典型案例',
      '基本满意（未解决）',
    ],
    [
      'closed again, rated dissatisfied',
      withFinalRating(closed(base), 'solved', 'dissatisfied'),
      '群众评价为未解决或不满意，不能评为典型案例',
      '不满意（已解决）',
    ],
    [
      'not answered: 默认满意 is no model either',
      { ...closed(base), ratings: [{ ...finalRating(closed(base), 'solved', 'satisfied'), byDefault: true }] },
      '群众还没有评价这次办理，不能评为典型案例',
      '默认满意',
    ],
    ['rated solved, satisfied', closed(base, { solved: 'solved', satisfaction: 'satisfied' }), null, '满意（已解决）'],
  ])('%s', (_label, doc, refusal, rating) => {
    expect(showcaseRefusal(doc)).toBe(refusal)
    expect(ratingText(doc)).toBe(rating)
  })

  test('what the reporter reads', () => {
    expect(listingLabel('2026-11', ['results', 'problems'])).toBe('已列入2026年11月问题清单、效果清单')
    expect(listingLabel('2026-03', ['tasks'])).toBe('已列入2026年3月任务清单')
  })
})
