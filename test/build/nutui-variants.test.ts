import fs from 'node:fs'
import path from 'node:path'
import { USED_BUTTON_PROPS } from '../../config/weapp-size'

/**
 * The weapp build drops NutUI's CSS for the button variants no page asks for (config/weapp-size.ts).
 * This holds the pages to that list: a new variant must be added there, or its button is unstyled.
 */
const SRC = path.resolve(__dirname, '..', '..', 'src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** Each `<Button …>` opening tag of a file, braces respected (props hold arrow functions). */
function buttonTags(source: string): string[] {
  const tags: string[] = []
  for (let start = source.indexOf('<Button'); start >= 0; start = source.indexOf('<Button', start + 1)) {
    let depth = 0
    let end = start + '<Button'.length
    for (; end < source.length; end++) {
      const char = source[end]
      if (char === '{') depth++
      else if (char === '}') depth--
      else if (char === '>' && depth === 0 && source[end - 1] !== '=') break
    }
    tags.push(source.slice(start, end))
  }
  return tags
}

/** The values a prop may take in a tag: a string, or the strings in its expression. */
function propValues(tag: string, prop: string): string[] {
  const match = new RegExp(`\\s${prop}=("([^"]*)"|\\{([^}]*)\\})`).exec(tag)
  if (!match) return []
  if (match[2] !== undefined) return [match[2]]
  const quoted = [...(match[3] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2])
  // An expression with no string in it could be anything: name it, so that the test fails.
  return quoted.length > 0 ? quoted : [`{${match[3]}}`]
}

test('every <Button> asks only for the variants whose CSS the weapp build keeps', () => {
  const used: Record<string, Set<string>> = {}
  let buttons = 0
  for (const file of sourceFiles(SRC)) {
    const source = fs.readFileSync(file, 'utf8')
    // A spread could carry any prop: no button takes one.
    expect({ file, spread: /<Button[^>]*\{\.\.\./.test(source) }).toEqual({ file, spread: false })
    for (const tag of buttonTags(source)) {
      buttons++
      for (const prop of Object.keys(USED_BUTTON_PROPS))
        for (const value of propValues(tag, prop)) (used[prop] ??= new Set()).add(value)
    }
  }
  expect(buttons).toBeGreaterThan(50)
  for (const [prop, values] of Object.entries(used))
    expect({ prop, values: [...values].filter((value) => !USED_BUTTON_PROPS[prop].includes(value)) }).toEqual({
      prop,
      values: [],
    })
})

test('no page lays out right to left or animates an icon (their CSS is dropped too)', () => {
  for (const file of sourceFiles(SRC)) {
    const source = fs.readFileSync(file, 'utf8')
    expect({ file, rtl: /direction=["{]['"]?rtl/.test(source), am: source.includes('nut-icon-am-') }).toEqual({
      file,
      rtl: false,
      am: false,
    })
  }
})
