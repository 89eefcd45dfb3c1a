import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')
/** The one place a wire answer is given its declared type (the server checked it against that schema). */
const WIRE = path.join('src', 'services', 'backend.ts')

/** Every type assertion on a backend answer (`x.data as T`, `(x.data as T).y`) in one source text. */
export function resultCasts(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      let inner: ts.Expression = node.expression
      while (ts.isParenthesizedExpression(inner)) inner = inner.expression
      if (ts.isPropertyAccessExpression(inner) && inner.name.text === 'data') {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart())
        found.push(`${fileName}:${line + 1}: ${node.getText().slice(0, 80)}`)
      }
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
