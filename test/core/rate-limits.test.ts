import { RATE_LIMITS, rateCharges } from '@core/rate-limits'

/** Written out by hand: what each call costs against which hourly limit. */
test.each([
  ['cases', 'submit', { photos: ['a', 'b'] }, { submit: 1, fileReferences: 2 }],
  ['cases', 'submit', { photos: [] }, { submit: 1 }],
  ['cases', 'addProgress', { photos: ['a'] }, { fileReferences: 1 }],
  ['cases', 'requestClosure', { evidence: ['a', 'b', 'c'] }, { fileReferences: 3 }],
  ['cases', 'recordOnTheSpot', { photos: ['a'], evidence: ['b'] }, { fileReferences: 2 }],
  ['fieldwork', 'recordVisit', { photos: ['a'] }, { fileReferences: 1 }],
  ['users', 'redeem', { code: 'x' }, { redeem: 1 }],
  ['cases', 'get', { id: 'x' }, {}],
] as const)('%s.%s %j costs %j', (fn, action, input, expected) => {
  expect(Object.fromEntries(rateCharges(fn, action, input).map(({ limit, cost }) => [limit.name, cost]))).toEqual(
    expected,
  )
})

test('the limits, in one place', () => {
  expect(RATE_LIMITS.map(({ name, perHour }) => [name, perHour])).toEqual([
    ['submit', 20],
    ['fileReferences', 100],
    ['redeem', 5],
  ])
})
