import { MAX_PAGE, type Filter, type Store, type StoredDoc } from '../../../backend/ports/store'

interface Thing extends StoredDoc {
  version: number
  kind: string
  rank: number
  tags: string[]
  owner: { name: string }
}

function thing(id: string, rank: number, kind = 'a', tags: string[] = []): Thing {
  return { _id: id, version: 1, kind, rank, tags, owner: { name: `owner-${rank % 3}` } }
}

export interface StoreHarness {
  store: Store
  /** Closes the store and opens a new one on the same data, where the adapter persists. */
  reopen?: () => Promise<Store>
}

/**
 * The contract every store adapter passes (DESIGN.md §5). Each adapter's test file calls this with
 * a factory that gives a fresh, empty store.
 */
export function describeStoreContract(adapterName: string, open: () => Promise<StoreHarness>): void {
  describe(`store contract: ${adapterName}`, () => {
    let harness: StoreHarness
    let store: Store

    beforeEach(async () => {
      harness = await open()
      store = harness.store
    })
    afterEach(async () => {
      await store.close()
    })

    test('insert then get returns the document; an unknown id gives null', async () => {
      expect(await store.insert('things', thing('t1', 1))).toBe('inserted')
      expect(await store.get<Thing>('things', 't1')).toEqual(thing('t1', 1))
      expect(await store.get('things', 'nope')).toBeNull()
    })

    test('a duplicate insert is refused and leaves the first document as it was', async () => {
      await store.insert('things', thing('dup', 1, 'first'))
      expect(await store.insert('things', thing('dup', 2, 'second'))).toBe('duplicate')
      expect((await store.get<Thing>('things', 'dup'))?.kind).toBe('first')
      expect(await store.count('things')).toBe(1)
    })

    test('concurrent inserts of one key: exactly one wins', async () => {
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insert('things', thing('race', i))))
      expect(outcomes.filter((outcome) => outcome === 'inserted')).toHaveLength(1)
      expect(await store.count('things')).toBe(1)
    })

    test('a conditional update applies on the expected version and bumps it', async () => {
      await store.insert('things', thing('v', 1))
      expect(await store.updateIfVersion('things', 'v', 1, { kind: 'b', rank: 9 })).toBe(true)
      expect(await store.get<Thing>('things', 'v')).toEqual({ ...thing('v', 1), kind: 'b', rank: 9, version: 2 })
    })

    test('a stale conditional update is refused and changes nothing', async () => {
      await store.insert('things', thing('v', 1))
      await store.updateIfVersion('things', 'v', 1, { kind: 'b' })
      expect(await store.updateIfVersion('things', 'v', 1, { kind: 'stale' })).toBe(false)
      expect(await store.get<Thing>('things', 'v')).toMatchObject({ kind: 'b', version: 2 })
      expect(await store.updateIfVersion('things', 'missing', 1, { kind: 'x' })).toBe(false)
      expect(await store.count('things')).toBe(1)
    })

    test('of two concurrent updates on one version, exactly one applies', async () => {
      await store.insert('things', thing('v', 1))
      const applied = await Promise.all([
        store.updateIfVersion('things', 'v', 1, { kind: 'x' }),
        store.updateIfVersion('things', 'v', 1, { kind: 'y' }),
      ])
      expect(applied.filter(Boolean)).toHaveLength(1)
      expect((await store.get<Thing>('things', 'v'))?.version).toBe(2)
    })

    test('query filters by equality, $in, $nin, $ne, ranges, array membership and dotted paths', async () => {
      for (let rank = 1; rank <= 9; rank++) {
        await store.insert(
          'things',
          thing(`q${rank}`, rank, rank % 2 ? 'odd' : 'even', rank % 3 === 0 ? ['three'] : []),
        )
      }
      const ids = async (filter: Parameters<Store['count']>[1]) =>
        (await store.query<Thing>('things', { filter, sort: [['rank', 1]], offset: 0, limit: 100 })).map((t) => t._id)
      expect(await ids({ kind: 'odd' })).toEqual(['q1', 'q3', 'q5', 'q7', 'q9'])
      expect(await ids({ rank: { $in: [2, 4, 11] } })).toEqual(['q2', 'q4'])
      expect(await ids({ rank: { $nin: [1, 2, 3, 4, 5, 6] } })).toEqual(['q7', 'q8', 'q9'])
      expect(await ids({ kind: { $ne: 'odd' } })).toEqual(['q2', 'q4', 'q6', 'q8'])
      expect(await ids({ rank: { $gte: 3 }, kind: 'even' })).toEqual(['q4', 'q6', 'q8'])
      expect(await ids({ rank: { $lt: 3 } })).toEqual(['q1', 'q2'])
      expect(await ids({ rank: { $gt: 8 } })).toEqual(['q9'])
      expect(await ids({ rank: { $lte: 1 } })).toEqual(['q1'])
      expect(await ids({ tags: 'three' })).toEqual(['q3', 'q6', 'q9'])
      expect(await ids({ 'owner.name': 'owner-1' })).toEqual(['q1', 'q4', 'q7'])
      expect(await ids({ kind: { $contains: 'DD' } })).toEqual(['q1', 'q3', 'q5', 'q7', 'q9'])
      expect(await ids({ kind: { $contains: '.*' } })).toEqual([])
      expect(await ids({ kind: { $prefix: 'od' } })).toEqual(['q1', 'q3', 'q5', 'q7', 'q9'])
      expect(await ids({ kind: { $prefix: 'odd' } })).toEqual(['q1', 'q3', 'q5', 'q7', 'q9'])
      expect(await ids({ kind: { $prefix: 'ODD' } })).toEqual([])
      expect(await ids({ kind: { $prefix: 'dd' } })).toEqual([])
      expect(await ids({ kind: { $prefix: '.' } })).toEqual([])
      expect(await store.count('things', { kind: 'even' })).toBe(4)
      expect(await store.count('things')).toBe(9)
    })

    test('a range with both bounds holds both; null and missing values are never in a range', async () => {
      for (let rank = 1; rank <= 6; rank++) await store.insert('things', thing(`r${rank}`, rank))
      await store.insert('things', { ...thing('r-null', 0), rank: null })
      await store.insert('things', { _id: 'r-missing', version: 1, kind: 'a', tags: [], owner: { name: 'x' } })
      const ids = async (filter: Filter) =>
        (await store.query<Thing>('things', { filter, sort: [['_id', 1]], offset: 0, limit: 100 })).map((t) => t._id)
      expect(await ids({ rank: { $gte: 2, $lt: 5 } })).toEqual(['r2', 'r3', 'r4'])
      expect(await ids({ rank: { $gt: 2, $lte: 5 } })).toEqual(['r3', 'r4', 'r5'])
      expect(await ids({ rank: { $gte: 0, $lt: 3 } })).toEqual(['r1', 'r2'])
      expect(await ids({ rank: { $lt: 3 } })).toEqual(['r1', 'r2'])
      expect(await store.count('things', { rank: { $gte: 2, $lt: 5 }, kind: 'a' })).toBe(3)
    })

    test('sorting is by the given fields, ties broken by _id, in both directions', async () => {
      await store.insert('things', thing('b', 2))
      await store.insert('things', thing('a', 2))
      await store.insert('things', thing('c', 1))
      const desc = await store.query<Thing>('things', { sort: [['rank', -1]], offset: 0, limit: 10 })
      expect(desc.map((t) => t._id)).toEqual(['a', 'b', 'c'])
      const asc = await store.query<Thing>('things', { sort: [['rank', 1]], offset: 0, limit: 10 })
      expect(asc.map((t) => t._id)).toEqual(['c', 'a', 'b'])
    })

    test('paging walks beyond 1000 rows without gaps or repeats', async () => {
      const total = 2345
      for (let i = 0; i < total; i++) await store.insert('things', thing(`p${String(i).padStart(5, '0')}`, i % 7))
      const seen: string[] = []
      for (let offset = 0; ; offset += MAX_PAGE) {
        const page = await store.query<Thing>('things', { sort: [['rank', -1]], offset, limit: MAX_PAGE })
        seen.push(...page.map((t) => t._id))
        if (page.length < MAX_PAGE) break
      }
      expect(seen).toHaveLength(total)
      expect(new Set(seen).size).toBe(total)
      const ranks = (await Promise.all(seen.slice(0, 5).map((id) => store.get<Thing>('things', id)))).map(
        (t) => t?.rank,
      )
      expect(ranks).toEqual([6, 6, 6, 6, 6])
    })

    test('keyset paging: with equal sort keys and inserts between pages, every row comes exactly once', async () => {
      // 30 rows over 3 ranks: most neighbours share their sort key, so ties decide the order.
      const original: string[] = []
      for (let i = 0; i < 30; i++) {
        const id = `k${String(i).padStart(3, '0')}`
        original.push(id)
        await store.insert('things', thing(id, i % 3, 'original'))
      }
      const seen: string[] = []
      let after: Array<string | number> | undefined
      for (let round = 0; round < 100; round++) {
        const page = await store.query<Thing>('things', {
          filter: { kind: { $in: ['original', 'late'] } },
          sort: [['rank', -1]],
          offset: 0,
          limit: 4,
          ...(after ? { after } : {}),
        })
        seen.push(...page.map((t) => t._id))
        const last = page.at(-1)
        if (!last || page.length < 4) break
        // Between two pages: rows before the cursor, tied with it on both sides, and after it.
        await store.insert('things', thing(`n${round}-top`, 9, 'late'))
        await store.insert('things', thing(`a${round}-tie-before`, last.rank, 'late'))
        await store.insert('things', thing(`z${round}-tie-after`, last.rank, 'late'))
        await store.insert('things', thing(`n${round}-bottom`, -1, 'late'))
        after = [last.rank, last._id]
      }
      expect(new Set(seen).size).toBe(seen.length)
      expect(original.filter((id) => !seen.includes(id))).toEqual([])
      // What was inserted behind the cursor never shows; what lands ahead of it does, once.
      expect(seen.filter((id) => id.endsWith('-top') || id.endsWith('-tie-before'))).toEqual([])
      expect(seen.filter((id) => id.endsWith('-bottom')).length).toBeGreaterThan(0)
      // The order is the sort order: rank descending, ties by _id.
      const ranked = await Promise.all(seen.map((id) => store.get<Thing>('things', id)))
      const keys = ranked.map((t) => [t?.rank ?? 0, t?._id ?? ''] as const)
      for (let i = 1; i < keys.length; i++) {
        const [rank, id] = keys[i] as readonly [number, string]
        const [prevRank, prevId] = keys[i - 1] as readonly [number, string]
        expect(rank < prevRank || (rank === prevRank && id > prevId)).toBe(true)
      }
    })

    test('keyset paging ascending on a nested field, after the last row, answers nothing more', async () => {
      for (let i = 0; i < 5; i++) await store.insert('things', thing(`m${i}`, i))
      const all = await store.query<Thing>('things', { sort: [['owner.name', 1]], offset: 0, limit: 10 })
      const last = all.at(-1) as Thing
      expect(
        await store.query('things', {
          sort: [['owner.name', 1]],
          offset: 0,
          limit: 10,
          after: [last.owner.name, last._id],
        }),
      ).toEqual([])
      const first = all[0] as Thing
      const rest = await store.query<Thing>('things', {
        sort: [['owner.name', 1]],
        offset: 0,
        limit: 10,
        after: [first.owner.name, first._id],
      })
      expect(rest.map((t) => t._id)).toEqual(all.slice(1).map((t) => t._id))
    })

    test('a page larger than 1000, a zero or fractional limit, or a negative offset is a programming error', async () => {
      await expect(store.query('things', { offset: 0, limit: MAX_PAGE + 1 })).rejects.toThrow(/limit/)
      await expect(store.query('things', { offset: 0, limit: 0 })).rejects.toThrow(/limit/)
      await expect(store.query('things', { offset: 0, limit: 1.5 })).rejects.toThrow(/limit/)
      await expect(store.query('things', { offset: -1, limit: 10 })).rejects.toThrow(/offset/)
    })

    test('increment creates the counter and is atomic under 50 concurrent calls', async () => {
      const values = await Promise.all(Array.from({ length: 50 }, () => store.increment('counters', 'c', 'value')))
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      expect(await store.increment('counters', 'c', 'value', 10)).toBe(60)
      expect(await store.increment('counters', 'other', 'value')).toBe(1)
    })

    test('addCounts creates the document with its fields and adds every delta atomically under 60 concurrent calls', async () => {
      const fields = { subject: 'unit-a', grain: 'd', slot: 20261102 }
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          store.addCounts(
            'rollups',
            'unit-a|d20261102',
            fields,
            i % 3 === 0 ? { submitted: 1, closed: -1 } : { submitted: 2 },
          ),
        ),
      )
      expect(await store.get('rollups', 'unit-a|d20261102')).toEqual({
        _id: 'unit-a|d20261102',
        ...fields,
        submitted: 20 * 1 + 40 * 2,
        closed: -20,
      })
      await store.addCounts('rollups', 'unit-a|d20261102', fields, { closed: 25, 'cat:人居环境:closed': 1 })
      expect(await store.get('rollups', 'unit-a|d20261102')).toMatchObject({ closed: 5, 'cat:人居环境:closed': 1 })
      expect(await store.count('rollups', { subject: 'unit-a' })).toBe(1)
    })

    test('acknowledged writes survive reopening the store', async () => {
      if (!harness.reopen) return
      await store.insert('things', thing('keep', 1))
      await store.updateIfVersion('things', 'keep', 1, { kind: 'changed' })
      await store.increment('counters', 'c', 'value', 5)
      store = await harness.reopen()
      expect(await store.get<Thing>('things', 'keep')).toMatchObject({ kind: 'changed', version: 2 })
      expect(await store.increment('counters', 'c', 'value')).toBe(6)
    })
  })
}
