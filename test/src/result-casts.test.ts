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

test('the count finds such an assertion where there is one', () => {
  const text = 'const a = result.data as Foo\nconst b = (answer.data as Bar).items\nconst c = value as Baz\n'
  expect(resultCasts('probe.tsx', text)).toEqual(['probe.tsx:1: result.data as Foo', 'probe.tsx:2: answer.data as Bar'])
})
