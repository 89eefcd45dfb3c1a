import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')
/** The one place a wire answer is given its declared type (the server checked it against that schema). */
const WIRE = path.join('src', 'services', 'backend.ts')

/** Names that hold a backend answer, or part of one. */
const ANSWER_NAME = /result|answer|response/i
const CALLS = new Set(['ask', 'callFunction'])

/**
 * Whether an expression may hold a backend answer: it reads `.data` or a `data`, names a
 * result/answer/response, or calls ask/callFunction. Deliberately broad: a false alarm costs a
 * rename, a miss lets a page claim a type the server never promised.
 */
function mayHoldAnswer(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && (node.text === 'data' || ANSWER_NAME.test(node.text))) return true
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'data') return true
  if (ts.isCallExpression(node)) {
    const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression
    if (ts.isIdentifier(callee) && CALLS.has(callee.text)) return true
  }
  return ts.forEachChild(node, (child) => (mayHoldAnswer(child) ? true : undefined)) ?? false
}

/**
 * Every type assertion (`x as T`, `<T>x`, `x as unknown as T`; `as const` aside) on an expression
 * that may hold a backend answer, in one source text; an assertion inside a reported one is not
 * reported again. A non-null `!` is not a type assertion here.
 */
export function resultCasts(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    const assertion = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)
    const asConst = assertion && ts.isConstTypeReference(node.type)
    if (assertion && !asConst && mayHoldAnswer(node.expression)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart())
      found.push(`${fileName}:${line + 1}: ${node.getText().slice(0, 80)}`)
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

test('no page or component asserts the type of a backend answer: the catalogue types them', () => {
  const casts = sources(path.join(ROOT, 'src'))
    .filter((file) => path.relative(ROOT, file) !== WIRE)
    .flatMap((file) => resultCasts(path.relative(ROOT, file), fs.readFileSync(file, 'utf8')))
    .map((cast) => cast.replace(/:\d+:/, ':'))
  expect(casts).toEqual([])
})

/** Written out: each line of a probe, and the assertion the count reports on it (null: none). */
const PROBE: Array<[line: string, reported: string | null]> = [
  ['const a = result.data as Foo', 'result.data as Foo'],
  ['const b = (answer.data as Bar).items', 'answer.data as Bar'],
  ['const c = <Baz>result.data', '<Baz>result.data'],
  [
    "const d = (await ask('cases', 'get', { id })) as unknown as Qux",
    "(await ask('cases', 'get', { id })) as unknown as Qux",
  ],
  ["const e = callFunction('cases', event) as Promise<Foo>", "callFunction('cases', event) as Promise<Foo>"],
  ['const f = data as Foo', 'data as Foo'],
  ['const g = saveResult.items as Foo[]', 'saveResult.items as Foo[]'],
  ['const h = (response as { ok: true }).ok', 'response as { ok: true }'],
  ['const i = value as Baz', null],
  ["const j = ['a', 'b'] as const", null],
  ['const k = result!.data', null],
  ['const l = String(value) as Category', null],
]

test('the count finds such an assertion where there is one, once however it is nested', () => {
  const text = PROBE.map(([line]) => `${line}\n`).join('')
  const expected = PROBE.flatMap(([, reported], index) => (reported ? [`probe.ts:${index + 1}: ${reported}`] : []))
  expect(resultCasts('probe.ts', text)).toEqual(expected)
})
