import { uncoveredQueries } from './uncovered'

/**
 * After each suite: no query the handlers made went without an index (the handler suites use
 * makeDeps, whose store records them; the HTTP suites' server prints them, see server-process.ts).
 */
afterAll(() => {
  expect([...new Set(uncoveredQueries)]).toEqual([])
})
