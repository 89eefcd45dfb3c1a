import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  H5_BUILD,
  agreeToPrivacy,
  expectAccessible,
  launchChromium,
  nutButton,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { TINY_PNG } from '../support/images'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(180_000)

const DESCRIPTION = '柳岸小区5栋门口的下水道井盖松动了，晚上有人踩空差点摔倒，请尽快修好。'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    geolocation: { latitude: 30.4321, longitude: 112.8876, accuracy: 12 },
    permissions: ['geolocation'],
  })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('a resident reports a need with a photo and a location, survives a failed send, and follows it', async () => {
  // Home, as the demo resident (picked in the local-only switcher).
  await page.goto(`${server.url}/`)
  await nutButton(page, '切换演示身份').click()
  await page.getByText('张秀兰（群众 · 柳岸小区）').click()
  await page.locator('.mq-case-row').first().waitFor()
  await page.locator('.nut-overlay').first().waitFor({ state: 'hidden' })
  await screenshot(page, '1-home')
  await expectAccessible(page, 'home')

  // Submit page.
  await page.locator('.home__report').click()
  await page.locator('.submit__choices').getByText('人居环境', { exact: true }).click()
  await page.getByText('急：影响安全或基本生活，需要马上处理').click()
  await page.locator('.submit__area').click()
  await page.getByText('东湖办事处 · 柳岸小区').click()
  await page.locator('textarea').fill(DESCRIPTION)

  // The first photo asks for consent, then opens the file chooser.
  const chooser = page.waitForEvent('filechooser')
  await nutButton(page, '添加照片').click()
  await agreeToPrivacy(page)
  await (await chooser).setFiles({ name: 'manhole.png', mimeType: 'image/png', buffer: TINY_PNG })
  await page.locator('.mq-photos__image').first().waitFor()

  await nutButton(page, '获取当前位置').click()
  await page.getByText(/已定位/).waitFor()
  await page.locator('input[placeholder="详细地址，例如 柳岸小区3栋2单元"]').fill('柳岸小区5栋门口')
  await page.locator('input[placeholder="您的姓名"]').fill('张秀兰')
  await page.locator('input[placeholder="手机号或带区号的座机号"]').fill('13800000001')
  await screenshot(page, '2-submit-filled')
  await expectAccessible(page, 'submit')

  // The network fails: a clear message, and the draft stays on the phone.
  await page.route('**/fn/cases', (route) => route.abort('internetdisconnected'))
  await page.locator('.submit__send').click()
  await page.getByText(/网络不畅，这次没有提交成功/).waitFor()
  await expect(page.getByText(/网络不畅，这次没有提交成功/).isVisible()).resolves.toBe(true)
  await screenshot(page, '3-submit-failed')
  await page.unroute('**/fn/cases')

  await page.reload()
  await page.getByText('已恢复您上次没有提交的内容。').waitFor()
  expect(await page.locator('textarea').inputValue()).toBe(DESCRIPTION)
  expect(await page.locator('input[placeholder="您的姓名"]').inputValue()).toBe('张秀兰')
  expect(await page.locator('.mq-photos__image').count()).toBe(1)
  await page.getByText(/已定位/).waitFor()
  await page.getByText('东湖办事处 · 柳岸小区').waitFor()

  // Sent: the detail page shows the new number.
  await page.locator('.submit__send').click()
  await page.getByText(/提交成功！诉求编号 \d{4}-\d{6}/).waitFor()
  const number = (await page.getByText(/诉求编号 \d{4}-\d{6}，/).textContent())?.match(/\d{4}-\d{6}/)?.[0] as string
  expect(number).toBeTruthy()
  await page.getByText(DESCRIPTION).waitFor()
  await page.locator('.case__photo').first().waitFor()
  await screenshot(page, '4-detail-after-submit')
  await expectAccessible(page, 'detail')

  // The list has it, and it opens.
  await page.goto(`${server.url}/#/pages/mine/index`)
  const row = page.locator('.mq-case-row', { hasText: number })
  await row.waitFor()
  await screenshot(page, '5-my-requests')
  await expectAccessible(page, 'my requests')
  await row.click()
  await page.getByText(`诉求编号 ${number}`).waitFor()
  await page.getByText('已提交，等待受理').waitFor()
  await screenshot(page, '6-detail')

  // The server holds exactly one such case, with the photo and the WGS-84 fix.
  const response = await fetch(`${server.url}/fn/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'demo-resident-zhang' },
    body: JSON.stringify({ action: 'get', number }),
  })
  const { data } = (await response.json()) as { data: Record<string, unknown> }
  expect(data).toMatchObject({
    category: '人居环境',
    urgency: 'urgent',
    areaUnitId: 'unit-liuan-estate',
    description: DESCRIPTION,
    location: { coords: { lat: 30.4321, lng: 112.8876, system: 'wgs84', accuracy: 12 }, address: '柳岸小区5栋门口' },
    reporter: { name: '张秀兰', phone: '13800000001', relation: 'self', anonymous: false },
  })
  expect(data.photos).toHaveLength(1)
  const list = await fetch(`${server.url}/fn/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'demo-resident-zhang' },
    body: JSON.stringify({ action: 'listMine', pageSize: 50 }),
  })
  const items = ((await list.json()) as { data: { items: Array<{ summary: string }> } }).data.items
  expect(items.filter((item) => DESCRIPTION.startsWith(item.summary))).toHaveLength(1)
})
