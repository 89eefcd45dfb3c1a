import type { Browser, Page } from 'playwright-core'
import { H5_BUILD, expectAccessible, launchChromium, requireH5Build, screenshot } from '../support/browser'
import { TINY_PNG } from '../support/images'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(120_000)

const CHINESE = /[\u4e00-\u9fff]/
const MB = 1024 * 1024

let server: RunningServer
let browser: Browser
let page: Page

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  page = await browser.newPage()
  await page.goto(`${server.url}/`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

type Seen = { status: number; body: unknown } | { networkError: string }

/**
 * What the H5 app's own request would see: Taro.request in H5 is the page's fetch(), which
 * resolves for any HTTP status with the parsed JSON as `data`; src/services/backend.ts then hands
 * any body that has `ok` to the page as the function's answer.
 */
function postFromPage(target: Page, path: string, bytes: number): Promise<Seen> {
  return target.evaluate(
    async ({ path, bytes }) => {
      try {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Demo-User': 'demo-resident-zhang' },
          body: JSON.stringify({ action: 'listMine', padding: 'x'.repeat(bytes) }),
        })
        return { status: response.status, body: await response.json().catch(() => null) }
      } catch (error) {
        return { networkError: String(error) }
      }
    },
    { path, bytes },
  )
}

test('a 12 MB request from the browser gets the 413 and its JSON, not a network error', async () => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const seen = await postFromPage(page, '/fn/cases', 12 * MB)
    expect(seen).toEqual({
      status: 413,
      body: { ok: false, code: 'HTTP.BODY_TOO_LARGE', message: expect.stringMatching(CHINESE) },
    })
  }
  // The page can still talk to the server afterwards.
  expect(await postFromPage(page, '/fn/cases', 10)).toMatchObject({ status: 200, body: { ok: true } })
})

test('a 12 MB photo uploaded from the browser gets 413 FILE.TOO_LARGE and its JSON', async () => {
  const seen = await page.evaluate(
    async ({ png, bytes }) => {
      const image = new Uint8Array(bytes)
      image.set(png)
      const form = new FormData()
      form.append('file', new Blob([image], { type: 'image/png' }), 'big.png')
      try {
        const response = await fetch('/files', {
          method: 'POST',
          headers: { 'X-Demo-User': 'demo-resident-zhang' },
          body: form,
        })
        return { status: response.status, body: await response.json().catch(() => null) }
      } catch (error) {
        return { networkError: String(error) }
      }
    },
    { png: [...TINY_PNG], bytes: 12 * MB },
  )
  expect(seen).toEqual({
    status: 413,
    body: { ok: false, code: 'FILE.TOO_LARGE', message: expect.stringMatching(CHINESE) },
  })
})

test('a page whose code fails to download says so with a retry, and the retry opens it', async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } })
  await phone.goto(`${server.url}/`)
  await phone.locator('.home__report').waitFor()
  // From now on no more code comes through (a weak line, or files replaced by a new release).
  const cut = (route: { abort: (code: string) => Promise<void> }) => route.abort('internetdisconnected')
  await phone.route('**/js/**', cut)
  await phone.route('**/css/**', cut)
  await phone.evaluate(() => {
    window.location.hash = '#/packages/admin/pages/settings/index'
  })
  const notice = phone.getByRole('alertdialog')
  await notice.getByText('页面没有加载出来，可能是网络不畅。').waitFor()
  await expectAccessible(phone, 'chunk failure notice')
  await screenshot(phone, 'chunk-failed')

  await phone.unroute('**/js/**', cut)
  await phone.unroute('**/css/**', cut)
  await notice.getByRole('button', { name: '重试' }).click()
  // The page asked for, this time (the visitor may not use it: its own refusal says so).
  await phone.getByText('不能使用这个页面').waitFor()
  expect(await phone.getByRole('alertdialog').count()).toBe(0)
  await phone.close()
})
