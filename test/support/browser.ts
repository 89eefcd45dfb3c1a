import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(__dirname, '..', '..')
const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')
export const H5_BUILD = path.join(ROOT, 'dist', 'h5')

export function requireH5Build(): void {
  if (!fs.existsSync(path.join(H5_BUILD, 'index.html'))) {
    throw new Error('没有找到 H5 构建：请先运行 npm run build:h5（npm test 会自动构建）')
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `没有找到 Chromium：请以 root 运行 apt-get update && apt-get install -y chromium（npm test 会自动安装）`,
    )
  }
}

/**
 * How long a step may wait for the page (a click, a text to appear): Playwright's 30 s default is
 * tight on a loaded 2-core machine running several browser suites at once.
 */
const STEP_TIMEOUT_MS = 90_000

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // Every context and page the tests open waits as long (one place, whichever way they are opened).
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    return context
  }
  const newPage = browser.newPage.bind(browser)
  browser.newPage = async (options) => {
    const page = await newPage(options)
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    return page
  }
  return browser
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  // Finish Taro's page-switch animations first, or the shot catches a half-faded page.
  await page.screenshot({ path: file, animations: 'disabled' })
  return file
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; html: string }>
}

/** axe-core on the current page; answers the serious and critical violations. */
async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.slice(0, 3).map(({ target, html }) => ({ target, html: html.slice(0, 200) })),
    }))
}

/** A fresh browser profile acting as one demo user, chosen with the local-only switcher. */
export async function openAsDemoUser(
  browser: Browser,
  baseUrl: string,
  label: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', ...options })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/`)
  await page.locator('.nut-button', { hasText: '切换演示身份' }).click()
  await page.getByText(label).click()
  await page.locator('.nut-overlay').first().waitFor({ state: 'hidden' })
  // The app opens the new person's home (officials are sent to theirs): wait until it has, so the
  // test's next navigation is not undone by that move.
  const home = Object.entries(HOME_OF_ROLE).find(([role]) => label.includes(`（${role}`))?.[1]
  if (home) await page.locator(`${home} .mq-hint`, { hasText: '本地演示模式' }).first().waitFor()
  return page
}

/** Each role's home page, by the role's name in the demo switcher's labels. */
const HOME_OF_ROLE: Record<string, string> = {
  群众: '.home',
  党员干部: '.cadre-home',
  督办领导: '.supervisor-home',
  管理员: '.admin-home',
}

/** A NutUI button by its text: the button element takes the tap, not the text inside it. */
export function nutButton(page: Page, text: string | RegExp) {
  return page.locator('.nut-button', { hasText: text })
}

/** Fails, naming the page, when axe-core finds serious or critical violations on it. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = (await seriousA11yViolations(page)).map(({ id, help, nodes }) => ({ id, help, nodes }))
  expect({ page: name, violations }).toEqual({ page: name, violations: [] })
}

/** Taro slides a page in when it opens: measure once it has come to rest. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'))
}

/** Nothing on the page reaches past the right edge of the screen. */
export async function expectNothingOffScreen(page: Page, name: string): Promise<void> {
  await settled(page)
  const overflowing = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.right > window.innerWidth + 1
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80)),
  )
  expect({ page: name, overflowing }).toEqual({ page: name, overflowing: [] })
}

/** The smallest a finger can hit reliably, and the smallest text typed into a field (适老化). */
const MIN_TARGET_PX = 44
const MIN_INPUT_TEXT_PX = 18

/**
 * Every control a person taps (buttons, links, fields, radios, checkboxes, tabs) at least 44×44, its
 * words inside it, and text typed into fields at least 18 px: answers the ones that are not, described.
 */
async function unusableControls(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ minTarget, minText }) => {
      const CONTROLS = [
        'button',
        'a[href]',
        'input:not([type=hidden])',
        'textarea',
        'select',
        'taro-button-core',
        '[role=button]',
        '[role=link]',
        '[role=radio]',
        '[role=checkbox]',
        '[role=tab]',
        '.nut-radio',
        '.nut-checkbox',
      ].join(',')
      const found: string[] = []
      for (const element of Array.from(document.querySelectorAll(CONTROLS))) {
        const box = element.getBoundingClientRect()
        const style = getComputedStyle(element)
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
        const text = (element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 16)
        const name = `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0] ?? ''} “${text}”`
        // Rounding in the layout may give 43.99 for a 44 px box.
        if (box.width < minTarget - 0.5 || box.height < minTarget - 0.5) {
          found.push(`${name} is ${Math.round(box.width)}×${Math.round(box.height)}`)
        }
        if (['INPUT', 'TEXTAREA'].includes(element.tagName) && parseFloat(style.fontSize) < minText - 0.05) {
          found.push(`${name} types ${style.fontSize} text`)
        }
        // A button whose words spill out of it looks empty (or half-written) to the person.
        if (text && !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)) {
          const range = document.createRange()
          range.selectNodeContents(element)
          const words = range.getBoundingClientRect()
          const outside =
            words.top < box.top - 1 ||
            words.bottom > box.bottom + 1 ||
            words.left < box.left - 1 ||
            words.right > box.right + 1
          if (words.width > 0 && outside) found.push(`${name}: its words spill out of it`)
        }
      }
      return found
    },
    { minTarget: MIN_TARGET_PX, minText: MIN_INPUT_TEXT_PX },
  )
}

/** Secondary text (hints, counts, labels beside a value) is never smaller than this (适老化). */
const MIN_TEXT_PX = 16

/** Every piece of text on screen in the app's pages: answers those under 16 px, described. */
async function tinyTexts(page: Page): Promise<string[]> {
  return page.evaluate((minText) => {
    const found = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim()
      const parent = node.parentElement
      if (!text || !parent || !parent.closest('.mq-page, .mq-privacy, [role=alertdialog]')) continue
      const box = parent.getBoundingClientRect()
      const style = getComputedStyle(parent)
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
      if (parseFloat(style.fontSize) < minText - 0.05) found.add(`“${text.slice(0, 16)}” is ${style.fontSize}`)
    }
    return [...found]
  }, MIN_TEXT_PX)
}

/** Fails, naming the page, when a text on screen is under 16 px. */
export async function expectReadableText(page: Page, name: string): Promise<void> {
  expect({ page: name, tiny: await tinyTexts(page) }).toEqual({ page: name, tiny: [] })
}

/** Fails, naming the page, when a control is too small to hit or its text too small to read. */
export async function expectUsableControls(page: Page, name: string): Promise<void> {
  await settled(page)
  expect({ page: name, unusable: await unusableControls(page) }).toEqual({ page: name, unusable: [] })
}

/** Answers the privacy notice with 同意 (the action the person asked for then goes on). */
export async function agreeToPrivacy(page: Page): Promise<void> {
  await page.locator('#mq-privacy-agree').click()
  await page.locator('.mq-privacy').waitFor({ state: 'hidden' })
}

/** A screenshot, then every check a page must pass for a real person (axe, edges, text size, controls). */
export async function checkedScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
  await expectAccessible(page, name)
  await expectNothingOffScreen(page, name)
  await expectReadableText(page, name)
  await expectUsableControls(page, name)
}
