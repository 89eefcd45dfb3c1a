import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { createFakeWx, removedByFaults, type Faults, type WxBackend } from './fake-wx'

/**
 * A mini-program runtime for tests: the built `dist/weapp` run the way the WeChat client runs it,
 * in a `node:vm` context that holds only what WeChat gives a mini-program (`wx`, `App`, `Page`,
 * `Component`, `getApp`, `getCurrentPages`, `requirePlugin`, `__wxConfig`, timers, `console`) and
 * none of Node's (`process`, `Buffer`, `window`, `document` are absent). It proves the code loads,
 * launches and mounts every page without an error, and what text each page renders into its data.
 * It does not render WXML or lay anything out, runs on V8 (not WeChat's engine), and its `wx` fakes
 * answer as a phone would on a good day.
 */

/**
 * Unhandled rejections are told to the real process (under jest the global `process` is a stand-in
 * that never hears of them). While simulators run, one listener takes them: a rejection of a promise
 * made inside a simulator's context is that simulator's error; any other goes to the listeners that
 * were there before (jest's own).
 */
const realProcess = vm.runInThisContext('process') as NodeJS.Process
const running = new Map<MiniProgram, (promise: unknown) => boolean>()
let previousListeners: Array<(...args: unknown[]) => void> = []

function onUnhandledRejection(reason: unknown, promise: unknown): void {
  for (const [simulator, owns] of running) {
    if (owns(promise)) return simulator.reportUnhandledRejection(reason)
  }
  for (const listener of previousListeners) listener(reason, promise)
}

function watchRejections(simulator: MiniProgram, owns: (promise: unknown) => boolean): void {
  if (running.size === 0) {
    previousListeners = realProcess.listeners('unhandledRejection') as typeof previousListeners
    realProcess.removeAllListeners('unhandledRejection')
    realProcess.on('unhandledRejection', onUnhandledRejection)
  }
  running.set(simulator, owns)
}

function unwatchRejections(simulator: MiniProgram): void {
  if (!running.delete(simulator) || running.size > 0) return
  realProcess.off('unhandledRejection', onUnhandledRejection)
  for (const listener of previousListeners) realProcess.on('unhandledRejection', listener)
  previousListeners = []
}

/** WeChat refuses a setData payload over 1 MiB (in UTF-8 bytes, as it goes to the render layer). */
const SET_DATA_LIMIT = 1024 * 1024

/** What a mini-program may read from wx and find absent: its own things (webpack's chunk list), not APIs. */
const NOT_APIS = ['webpackJsonp']

export interface SimulatorOptions {
  distDir: string
  /** Answers `wx.cloud.callFunction` (the real handlers over a store). */
  backend: WxBackend
  faults?: Faults
}

interface PageOptions {
  data?: unknown
  [hook: string]: unknown
}

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
  [key: string]: unknown
}

/** Taro's path keys: `root.cn.[0].cn.[2].v` or `root.cn[0].v`. */
function pathOf(key: string): Array<string | number> {
  const parts: Array<string | number> = []
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string))
  }
  return parts
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = pathOf(key)
  let node: Record<string | number, unknown> = target
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1) {
      node[part] = value
      return
    }
    const next = node[part]
    if (next === null || typeof next !== 'object') node[part] = typeof parts[index + 1] === 'number' ? [] : {}
    node = node[part] as Record<string | number, unknown>
  }
}

/** Every text a page's data would show: Taro keeps a text node's content under `v`. */
export function textsOf(data: unknown): string[] {
  const texts: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'v' && typeof value === 'string' && value.trim()) texts.push(value)
        else walk(value)
      }
    }
  }
  walk(data)
  return texts
}

interface DataNode {
  sid?: string
  cn?: DataNode[]
  [key: string]: unknown
}

/**
 * The innermost element of a page's data that reads exactly `text` (else the innermost whose text
 * contains it), with the elements around it: what a finger on those words would touch. Taro keeps
 * each element's id under `sid`.
 */
function elementWithText(data: unknown, text: string): DataNode[] | null {
  let exact: DataNode[] | null = null
  let containing: DataNode[] | null = null
  const walk = (node: unknown, path: DataNode[]) => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, path))
    if (!node || typeof node !== 'object') return
    const element = node as DataNode
    // Elements, not the text nodes inside them (Taro keeps a text node's words under `v`).
    const here = typeof element.sid === 'string' && !('v' in element) ? [...path, element] : path
    if (here !== path) {
      const said = textsOf(element).join('')
      if (said === text) exact = here
      else if (said.includes(text)) containing = here
    }
    for (const value of Object.values(element)) if (value && typeof value === 'object') walk(value, here)
  }
  walk(data, [])
  return exact ?? containing
}

/** Every inline style in a page's data (Taro keeps a node's style under `st`). */
export function stylesOf(data: unknown): string[] {
  const styles: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'st' && typeof value === 'string') styles.push(value)
        else walk(value)
      }
    }
  }
  walk(data)
  return styles
}

export class MiniProgram {
  readonly errors: string[] = []
  /** `console.warn` lines: what the app noticed and carried on from. */
  readonly warnings: string[] = []
  readonly oversizedSetData: string[] = []
  readonly wx: ReturnType<typeof createFakeWx>
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly subpackageRoots: string[]
  private readonly pageOptions = new Map<string, PageOptions>()
  private readonly stack: PageInstance[] = []
  private appOptions: Record<string, unknown> | null = null
  private loading: string | null = null
  private pendingTimers = 0
  /** An error inside App.onError is recorded, not handed to App.onError again. */
  private inOnError = false
  private lastActivity = Date.now()
  readonly appJson: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }

  constructor(private readonly options: SimulatorOptions) {
    this.appJson = JSON.parse(fs.readFileSync(path.join(options.distDir, 'app.json'), 'utf8'))
    this.subpackageRoots = (this.appJson.subPackages ?? []).map((sub) => `${sub.root.replace(/\/$/, '')}/`)
    const absent = [...NOT_APIS, ...removedByFaults(options.faults ?? {})]
    this.wx = createFakeWx(options.backend, options.faults ?? {}, {
      touch: () => this.touch(),
      callbackThrew: (where, error) => this.fail(`wx ${where}`, error),
      // An API the fake lacks would answer differently on a phone: whatever reads it fails, at launch or on a page.
      missingRead: (property) => {
        if (!absent.includes(property)) this.fail('wx', `read wx.${property}, which this fake wx does not have`)
      },
    })
    this.context = vm.createContext(this.globals())
  }

  /** A promise made by the mini-program was rejected and nobody handled it. */
  reportUnhandledRejection(reason: unknown): void {
    this.fail('unhandled rejection', reason)
  }

  /** What `getApp()` answers inside the mini-program. */
  appInstance(): Record<string, unknown> | null {
    return this.appOptions
  }

  /** Every route of app.json, main package first. */
  routes(): string[] {
    return [
      ...this.appJson.pages,
      ...(this.appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ]
  }

  private touch(): void {
    this.lastActivity = Date.now()
  }

  private fail(where: string, error: unknown): void {
    // Errors made inside the context are not `instanceof Error` here (another realm).
    const text =
      error !== null && typeof error === 'object' && 'message' in error
        ? `${String(error.message)}\n${'stack' in error ? String(error.stack) : ''}`
        : String(error)
    this.errors.push(`${where}: ${text}`.slice(0, 2000))
    // WeChat hands script errors to App.onError; Taro forwards them to the app's handlers.
    const onError = this.appOptions?.onError
    if (typeof onError === 'function' && where !== 'App.onError' && !this.inOnError) {
      this.inOnError = true
      try {
        onError.call(this.appOptions, text)
      } catch {
        // the app's own handler failing is already recorded above
      } finally {
        this.inOnError = false
      }
    }
  }

  private timer(
    schedule: (callback: () => void, ms?: number) => NodeJS.Timeout,
  ): (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => NodeJS.Timeout {
    return (callback, ms, ...args) => {
      this.pendingTimers += 1
      return schedule(() => {
        this.pendingTimers -= 1
        this.touch()
        try {
          callback(...args)
        } catch (error) {
          this.fail('uncaught exception in a timer', error)
        }
      }, ms)
    }
  }

  private globals(): Record<string, unknown> {
    const record =
      (level: 'error' | 'warn') =>
      (...args: unknown[]) => {
        if (level === 'error') this.fail('console.error', args.map(String).join(' '))
        else this.warnings.push(args.map(String).join(' '))
      }
    const consoleLike = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: record('warn'),
      error: record('error'),
    }
    return {
      wx: this.wx.api,
      console: consoleLike,
      setTimeout: this.timer((callback, ms) => setTimeout(callback, ms)),
      clearTimeout: (handle: NodeJS.Timeout) => {
        if (handle) this.pendingTimers = Math.max(0, this.pendingTimers - 1)
        clearTimeout(handle)
      },
      setInterval: (callback: () => void, ms?: number) => setInterval(callback, ms),
      clearInterval: (handle: NodeJS.Timeout) => clearInterval(handle),
      App: (options: Record<string, unknown>) => {
        this.appOptions = options
      },
      Page: (options: PageOptions) => {
        if (!this.loading) throw new Error('Page() called outside a page file')
        this.pageOptions.set(this.loading, options)
      },
      Component: () => undefined,
      getApp: () => this.appOptions,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => ({}),
      __wxConfig: { envVersion: 'develop', platform: 'devtools', pages: this.appJson.pages },
    }
  }

  private subpackageOf(file: string): string | null {
    return this.subpackageRoots.find((root) => file.startsWith(root)) ?? null
  }

  /** `require` as WeChat resolves it: relative to the file, `.js` added, main package never into a subpackage. */
  private require(file: string): unknown {
    const relative = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(relative)
    if (cached) return cached.exports
    const full = path.join(this.options.distDir, relative)
    if (!fs.existsSync(full)) throw new Error(`module not found: ${relative}`)
    const module = { exports: {} as unknown }
    this.modules.set(relative, module)
    const code = fs.readFileSync(full, 'utf8')
    const wrapper = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: full,
    }) as (req: (p: string) => unknown, m: typeof module, e: unknown) => void
    const from = this.subpackageOf(relative)
    wrapper(
      (target) => {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relative), target))
        const to = this.subpackageOf(`${resolved.replace(/\.js$/, '')}.js`)
        if (to && to !== from) throw new Error(`${relative} requires ${resolved}, in another package (${to})`)
        return this.require(resolved)
      },
      module,
      module.exports,
    )
    return module.exports
  }

  private call(where: string, hook: unknown, self: unknown, ...args: unknown[]): void {
    if (typeof hook !== 'function') return
    try {
      const answer = hook.apply(self, args)
      if (answer && typeof (answer as Promise<unknown>).then === 'function') {
        ;(answer as Promise<unknown>).then(undefined, (error: unknown) => this.fail(`${where} (async)`, error))
      }
    } catch (error) {
      this.fail(where, error)
    }
  }

  /** Waits until nothing has happened for a while: no timer, no answer, no setData. */
  async settle(quietMs = 60, maxMs = 5000): Promise<void> {
    const started = Date.now()
    this.touch()
    while (Date.now() - started < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      if (this.wx.inFlight() === 0 && Date.now() - this.lastActivity > quietMs) return
    }
  }

  /** Loads app.js and runs App onLaunch and onShow, as the client does at start. */
  async launch(): Promise<void> {
    const ContextPromise = vm.runInContext('Promise', this.context) as PromiseConstructor
    watchRejections(this, (promise) => promise instanceof ContextPromise)
    try {
      this.require('app')
    } catch (error) {
      this.fail('loading app.js', error)
      return
    }
    if (!this.appOptions) return this.fail('app.js', 'App() was never called')
    const launch = { path: this.appJson.pages[0], query: {}, scene: 1001 }
    this.call('App.onLaunch', this.appOptions.onLaunch, this.appOptions, launch)
    this.call('App.onShow', this.appOptions.onShow, this.appOptions, launch)
    await this.settle()
  }

  /**
   * Opens a page as navigation does: onLoad(query), onShow, onReady, then waits for it to settle.
   * `showAfterMs` plays a slow phone, whose onShow comes that long after onLoad.
   */
  async open(route: string, query: Record<string, string> = {}, showAfterMs = 0): Promise<PageInstance> {
    let options = this.pageOptions.get(route)
    if (!options) {
      this.loading = route
      try {
        this.require(route)
      } catch (error) {
        this.fail(`loading ${route}`, error)
      } finally {
        this.loading = null
      }
      options = this.pageOptions.get(route)
    }
    const page = this.instance(route, query, options ?? {})
    if (!options) {
      this.fail(route, 'the page file never called Page()')
      return page
    }
    this.stack.push(page)
    this.call(`${route} onLoad`, options.onLoad, page, query)
    if (showAfterMs > 0) {
      await this.settle()
      await new Promise((resolve) => setTimeout(resolve, showAfterMs))
    }
    this.call(`${route} onShow`, options.onShow, page)
    await this.settle()
    this.call(`${route} onReady`, options.onReady, page)
    await this.settle()
    return page
  }

  /**
   * A finger on the words `text` on the page: the event goes through the page's handler as WeChat
   * sends it (Taro finds the element by its id and bubbles the event up). `agreeprivacyauthorization`
   * is the event of a button of that open-type; WeChat records the agreement before the app hears it.
   */
  async tap(page: PageInstance, text: string, type: 'tap' | 'agreeprivacyauthorization' = 'tap'): Promise<void> {
    const path = elementWithText(page.data, text)
    const node = path?.at(-1)
    if (!path || !node?.sid) throw new Error(`nothing on ${page.route} says “${text}”`)
    if (type === 'agreeprivacyauthorization') {
      const button = path.find((element) =>
        Object.values(element).some((value) => value === 'agreePrivacyAuthorization'),
      )
      if (!button) {
        throw new Error(`“${text}” is not a button of open-type agreePrivacyAuthorization`)
      }
      this.wx.privacyAgreeTapped()
    }
    // WeChat bubbles the event through the template: each element's handler is called in turn,
    // innermost first (Taro runs the listeners once the outermost bound element is reached).
    const target = { id: node.sid, dataset: { sid: node.sid } }
    const timeStamp = Date.now()
    for (const element of [...path].reverse()) {
      const currentTarget = { id: element.sid, dataset: { sid: element.sid } }
      this.call(`${page.route} ${type} on “${text}”`, page.eh, page, {
        type,
        timeStamp,
        target,
        currentTarget,
        detail: {},
      })
    }
    await this.settle()
  }

  /** The person leaves the page for another and comes back to it: onHide, then onShow. */
  async leaveAndComeBack(page: PageInstance): Promise<void> {
    const options = this.pageOptions.get(page.route) ?? {}
    this.call(`${page.route} onHide`, options.onHide, page)
    await this.settle()
    this.call(`${page.route} onShow`, options.onShow, page)
    await this.settle()
  }

  /** Closes the page on top: onHide, onUnload. */
  async close(page: PageInstance): Promise<void> {
    const options = this.pageOptions.get(page.route) ?? {}
    this.call(`${page.route} onHide`, options.onHide, page)
    this.call(`${page.route} onUnload`, options.onUnload, page)
    const index = this.stack.indexOf(page)
    if (index >= 0) this.stack.splice(index, 1)
    await this.settle()
  }

  private instance(route: string, query: Record<string, string>, options: PageOptions): PageInstance {
    const page: PageInstance = {
      ...options,
      route,
      options: query,
      data: JSON.parse(JSON.stringify(options.data ?? {})) as Record<string, unknown>,
      setData: (patch, callback) => {
        this.touch()
        // WeChat copies the payload through JSON and refuses one over 1 MiB.
        const json = JSON.stringify(patch)
        const bytes = Buffer.byteLength(json, 'utf8')
        if (bytes > SET_DATA_LIMIT) this.oversizedSetData.push(`${route}: ${bytes} bytes`)
        const copied = JSON.parse(json) as Record<string, unknown>
        for (const [key, value] of Object.entries(copied)) setPath(page.data, key, value)
        if (callback) this.timer((done) => setTimeout(done, 0))(() => callback.call(page))
      },
      selectComponent: () => null,
      createSelectorQuery: () => this.wx.api.createSelectorQuery(),
    }
    return page
  }

  /** Stops listening for the context's unhandled rejections. */
  dispose(): void {
    unwatchRejections(this)
  }
}
