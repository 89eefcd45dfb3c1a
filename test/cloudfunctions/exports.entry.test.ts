import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { FUNCTIONS, type FunctionName } from '@core/functions'
import { FakeCloudbaseApp, fakeContext } from '../support/fake-cloudbase'
import { buildFunctions, loadBundledFunction, type Main } from '../support/bundled-function'

/**
 * Budgets (README): the exports function carries exceljs; every other function its own handlers
 * and schemas, and zod (classic, for now: 191 KB of each bundle).
 */
const EXPORTS_BUDGET = 1200 * 1024
const OTHER_BUDGET = 200 * 1024
/** A namespace only spreadsheet code writes: exceljs's workbook parts. */
const EXCELJS_MARKER = 'schemas.openxmlformats.org/spreadsheetml/2006/main'

let outdir: string
beforeAll(() => {
  outdir = buildFunctions()
})

test('exceljs is bundled into the exports function only, and each bundle keeps to its budget', () => {
  const bundles = [...Object.keys(FUNCTIONS), 'jobs'].sort().map((name) => {
    const code = fs.readFileSync(path.join(outdir, name, 'index.js'), 'utf8')
    return { name, bytes: Buffer.byteLength(code), exceljs: code.includes(EXCELJS_MARKER) }
  })
  console.log(bundles.map(({ name, bytes }) => `${name}: ${(bytes / 1024).toFixed(1)} KB`).join('\n'))
  expect(bundles.filter((bundle) => bundle.exceljs).map((bundle) => bundle.name)).toEqual(['exports'])
  const over = bundles.filter(({ name, bytes }) => bytes > (name === 'exports' ? EXPORTS_BUDGET : OTHER_BUDGET))
  expect(over).toEqual([])
})

/** Which function's unit (backend/handlers/functions/) and catalogue (core/catalogue/) a bundle took in. */
function unitsIn(name: string): { units: string[]; catalogues: string[] } {
  const meta = JSON.parse(fs.readFileSync(path.join(outdir, name, 'meta.json'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  const named = (pattern: RegExp) =>
    Object.keys(meta.inputs)
      .map((input) => pattern.exec(input)?.[1])
      .filter((found): found is string => found !== undefined)
      .sort()
  return {
    units: named(/(?:^|\/)backend\/handlers\/functions\/([a-z]+)\.ts$/),
    catalogues: named(/(?:^|\/)core\/catalogue\/([a-z]+)\.ts$/),
  }
}

/** Whether any code of a file matching `pattern` went into the function's bundle. */
function carries(name: string, pattern: RegExp): boolean {
  const meta = JSON.parse(fs.readFileSync(path.join(outdir, name, 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
  }
  return Object.values(meta.outputs).some((output) =>
    Object.entries(output.inputs).some(([input, { bytesInOutput }]) => bytesInOutput > 0 && pattern.test(input)),
  )
}

test('the image sniffing library goes into exactly the bundles whose handlers check photos', () => {
  const names = [...Object.keys(FUNCTIONS), 'jobs'].sort()
  const checking = names.filter((name) => carries(name, /(^|\/)backend\/handlers\/photo-check\.ts$/))
  const sniffing = names.filter((name) => carries(name, /(^|\/)node_modules\/file-type\//))
  expect(checking).toEqual(['cases', 'fieldwork'])
  expect(sniffing).toEqual(checking)
})

test('each bundle takes in its own function’s handlers and schemas and no other function’s (jobs none)', () => {
  const names = [...Object.keys(FUNCTIONS), 'jobs'].sort()
  expect(names.map((name) => [name, unitsIn(name)])).toEqual(
    names.map((name) => [
      name,
      name === 'jobs' ? { units: [], catalogues: [] } : { units: [name], catalogues: [name] },
    ]),
  )
})

describe('the bundled exports function on CloudBase (fake SDK, fake context)', () => {
  const app = new FakeCloudbaseApp()
  let exportsMain: Main
  let casesMain: Main

  beforeAll(() => {
    app.db.rows('orgUnits').set('office-9', {
      _id: 'office-9',
      name: '九号办事处',
      kind: 'office',
      parentId: null,
      ancestorIds: [],
      active: true,
      createdAt: 0,
      version: 1,
    })
    app.db.rows('users').set('oWX-sup-9', {
      _id: 'oWX-sup-9',
      name: '陈书记',
      phone: null,
      role: 'supervisor',
      unitId: 'office-9',
      unitPath: ['office-9'],
      active: true,
      listed: true,
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    })
    casesMain = loadBundledFunction(outdir, 'cases', app)
    exportsMain = loadBundledFunction(outdir, 'exports', app)
  })

  test('writes the workbook to cloud storage and answers its fileID and a temporary URL', async () => {
    const submitted = await casesMain(
      {
        action: 'submit',
        clientRequestId: 'wx-req-0001',
        category: '住房',
        description: '九号办事处赵奶奶家屋顶漏水，电话13912345678。',
        areaUnitId: 'office-9',
        reporter: { name: '赵奶奶', phone: '13912345678' },
      },
      fakeContext('oWX-resident-1'),
    )
    expect(submitted.ok).toBe(true)
    const answer = await exportsMain({ action: 'workbook' }, fakeContext('oWX-sup-9'))
    if (!answer.ok) throw new Error(answer.message)
    const { fileId, url, fileName } = answer.data as { fileId: string; url: string; fileName: string }
    expect(fileId).toMatch(new RegExp(`^cloud://env-test\\.bucket/exports/[0-9a-f]{32}/${fileName}$`))
    expect(url).toBe(`https://example.invalid/${encodeURIComponent(fileId)}`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(app.fileContents.get(fileId) as unknown as ArrayBuffer)
    const row = (book.getWorksheet('诉求') as ExcelJS.Worksheet).getRow(3)
    expect([row.getCell(2).value, row.getCell(14).value]).toEqual([
      '住房',
      '九号办事处赵*奶家屋顶漏水，电话139****5678。',
    ])
  })

  test('the other functions refuse the action (it is not theirs), the exports function refuses a resident', async () => {
    expect(await casesMain({ action: 'workbook' }, fakeContext('oWX-sup-9'))).toMatchObject({
      ok: false,
      code: 'INPUT.UNKNOWN_ACTION',
    })
    expect(await exportsMain({ action: 'workbook' }, fakeContext('oWX-resident-1'))).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })
})

describe('each bundled function answers its own actions and no other function’s', () => {
  const NAMES = Object.keys(FUNCTIONS) as FunctionName[]
  /**
   * A call with no user in it: its own action is refused for that (or answered, if public), another
   * is unknown. (Loaded after the exports tests: a bundle is required once, with the first fake app.)
   */
  const noCaller = { request_id: 'r', environment: '{}' }

  test.each(NAMES)('%s', async (name) => {
    const main = loadBundledFunction(outdir, name, new FakeCloudbaseApp())
    const own = Object.keys(FUNCTIONS[name])
    const others = [...new Set(NAMES.flatMap((other) => Object.keys(FUNCTIONS[other])))].filter(
      (action) => !own.includes(action),
    )
    const unknown = async (action: string) => {
      const answer = await main({ action }, noCaller)
      return !answer.ok && answer.code === 'INPUT.UNKNOWN_ACTION'
    }
    const ownUnknown: string[] = []
    for (const action of own) if (await unknown(action)) ownUnknown.push(action)
    const othersKnown: string[] = []
    for (const action of others) if (!(await unknown(action))) othersKnown.push(action)
    expect({ ownUnknown, othersKnown }).toEqual({ ownUnknown: [], othersKnown: [] })
  })
})
