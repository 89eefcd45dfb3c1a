/**
 * The `wx` a simulated mini-program sees: the APIs the app and Taro's runtime use, answering as a
 * phone would on a good day, with `wx.cloud` answered by the real backend and storage kept in
 * memory. Every API called and every missing property read is recorded, so a test sees what the
 * build reaches for. (miniprogram-simulate's API mocks were weighed: they come with less 3, postcss 7
 * and a WXML compiler, for a list of mocks we would replace half of anyway.)
 */

/** Answers `wx.cloud.callFunction({ name, data })` as CloudBase would: `{ result }`. */
export type WxBackend = (name: string, data: Record<string, unknown>) => Promise<unknown>

/** The client faults a test can switch on. */
export interface Faults {
  /** `wx.cloud` is absent (an old base library, or cloud not enabled). */
  noCloud?: boolean
  /** `wx.cloud.init` throws (a wrong environment id). */
  cloudInitFails?: boolean
  /** Every storage call throws (storage full or unavailable). */
  storageThrows?: boolean
  /** `wx.getAppBaseInfo` is missing (base library older than 2.25.3). */
  noAppBaseInfo?: boolean
  /** Every `callFunction` fails on the network. */
  networkDown?: boolean
  /** Not a fault: the person has not yet agreed to the privacy guide (WeChat then asks the app to show its notice). */
  privacyNotAgreed?: boolean
  /** Not a fault: the person's WeChat font setting (2 = the largest), as getAppBaseInfo reports it. */
  fontSizeScaleFactor?: number
}

type PrivacyListener = (
  resolve: (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void,
  info: { referrer: string },
) => void

type Callbacks = { success?: (value: unknown) => void; fail?: (error: unknown) => void; complete?: () => void }

/** What the fake tells the simulator. */
export interface FakeWxHooks {
  /** Something happened (an answer came): the program is not idle. */
  touch(): void
  /** The mini-program's own callback threw: its error, as WeChat reports it, never the API failing. */
  callbackThrew(where: string, error: unknown): void
  /** A property of wx that does not exist was read. */
  missingRead(property: string): void
}

/** The APIs a fault removes: reading them is the app's feature detection, not an API the fake lacks. */
export function removedByFaults(faults: Faults): string[] {
  return [...(faults.noCloud ? ['cloud'] : []), ...(faults.noAppBaseInfo ? ['getAppBaseInfo'] : [])]
}

/** A Canvas 2D node that draws nothing and keeps what it was asked to draw. */
export interface FakeCanvas {
  selector: string
  node: { width: number; height: number; getContext(type: string): unknown }
  /** Each drawing call by name (`fillRect`), and each text drawn. */
  calls: string[]
  texts: string[]
}

/**
 * A stand-in for WeChat's Canvas 2D node: any method of its context can be called and is recorded
 * (text is measured at 16 px a character); nothing is rasterised. It proves that a chart library
 * reaches the canvas the mini-program way and draws the labels it was given, not how the result looks
 * (the browser test's screenshots show that).
 */
function fakeCanvas(selector: string, width: number, height: number): FakeCanvas {
  const calls: string[] = []
  const texts: string[] = []
  const state: Record<string, unknown> = { font: '10px sans-serif' }
  const context: object = new Proxy(state, {
    get(target, property) {
      if (typeof property !== 'string') return undefined
      if (property === 'canvas') return canvas.node
      if (property in target) return target[property]
      if (property === 'measureText') return (text: string) => ({ width: String(text).length * 16 })
      if (property === 'getImageData' || property === 'createImageData') {
        return () => ({ data: new Uint8ClampedArray(4), width: 1, height: 1 })
      }
      if (property === 'createLinearGradient' || property === 'createRadialGradient' || property === 'createPattern') {
        return () => ({ addColorStop: () => undefined })
      }
      return (...args: unknown[]) => {
        calls.push(property)
        if ((property === 'fillText' || property === 'strokeText') && typeof args[0] === 'string') texts.push(args[0])
        return undefined
      }
    },
    set(target, property, value) {
      if (typeof property === 'string') target[property] = value
      return true
    },
  })
  const canvas: FakeCanvas = {
    selector,
    node: { width, height, getContext: (type: string) => (type === '2d' ? context : null) },
    calls,
    texts,
  }
  return canvas
}

export function createFakeWx(backend: WxBackend, faults: Faults, hooks: FakeWxHooks) {
  const { touch } = hooks
  const calls: string[] = []
  /** Where the app asked to go: `redirectTo /pages/case/index?id=…`. */
  const navigations: string[] = []
  const missing = new Set<string>()
  const storage = new Map<string, unknown>()
  let inFlight = 0

  /** Runs one of the app's callbacks: what it throws is the app's error, reported, never the API's failure. */
  const run = (where: string, callback: ((value?: unknown) => void) | undefined, value?: unknown) => {
    try {
      callback?.(value)
    } catch (error) {
      hooks.callbackThrew(where, error)
    }
  }

  /** The API answered (or failed): its callbacks, as WeChat calls them. */
  const settleCallbacks = (options: Callbacks, outcome: { value: unknown } | { failure: unknown }) => {
    if ('value' in outcome) run('success callback', options.success, outcome.value)
    else run('fail callback', options.fail, outcome.failure)
    run('complete callback', options.complete)
  }

  /** A callback-style API that also answers a promise, as WeChat's do. */
  const asyncApi =
    (answer: (options: Record<string, unknown>) => unknown) =>
    (options: Record<string, unknown> & Callbacks = {}) => {
      inFlight += 1
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          inFlight -= 1
          touch()
          let outcome: { value: unknown } | { failure: unknown }
          try {
            outcome = { value: answer(options) }
          } catch (error) {
            outcome = { failure: { errMsg: String(error) } }
          }
          settleCallbacks(options, outcome)
          if ('value' in outcome) resolve(outcome.value)
          else if (!options.fail) reject(outcome.failure)
        }, 0)
      })
    }

  const storageCall = <T>(run: () => T): T => {
    if (faults.storageThrows) throw new Error('setStorageSync:fail storage unavailable')
    return run()
  }

  const systemInfo = {
    platform: 'devtools',
    system: 'iOS 17.0',
    SDKVersion: '3.6.0',
    version: '8.0.50',
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 44,
    language: 'zh_CN',
    fontSizeSetting: 16,
    safeArea: { top: 44, bottom: 812, left: 0, right: 375, width: 375, height: 768 },
  }

  /** Every Canvas 2D node handed out, with what was drawn on it. */
  const canvases: FakeCanvas[] = []
  const files: Array<Record<string, unknown>> = []

  /**
   * Layout is not simulated, so queries find nothing; except that a query for a node
   * (`fields({ node: true })`, how a `<Canvas type="2d">` is reached) answers a fake canvas of
   * 343 × 300 px, so that a chart library runs its mini-program path against it.
   */
  const selectorQuery = () => {
    let selector = ''
    let wantsNode = false
    const query = {
      in: () => query,
      select: (chosen: string) => {
        selector = chosen
        return query
      },
      selectAll: () => query,
      selectViewport: () => query,
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: (fields: { node?: boolean } = {}) => {
        wantsNode = wantsNode || Boolean(fields.node)
        return query
      },
      exec: (callback?: (result: unknown[]) => void) =>
        setTimeout(() => {
          touch()
          const answer = (result: unknown[]) => () => callback?.(result)
          if (!wantsNode) return run('selector query callback', answer([]))
          const canvas = fakeCanvas(selector, 343, 300)
          canvases.push(canvas)
          run('selector query callback', answer([{ node: canvas.node, width: 343, height: 300 }]))
        }, 0),
    }
    return query
  }

  /** What the app asked of its functions: `cases.get`. */
  const functionCalls: string[] = []
  let initialised = false
  const cloud = {
    init: () => {
      if (faults.cloudInitFails) throw new Error('cloud.init:fail env not found')
      initialised = true
    },
    callFunction: (options: { name: string; data: Record<string, unknown> } & Callbacks) =>
      asyncApiAwait(async () => {
        functionCalls.push(`${options.name}.${String(options.data?.action)}`)
        if (!initialised) throw new Error('cloud.callFunction:fail please call wx.cloud.init first')
        if (faults.networkDown) throw new Error('cloud.callFunction:fail network error')
        // Through JSON both ways, as the wire does.
        const result = await backend(options.name, JSON.parse(JSON.stringify(options.data ?? {})))
        return { result: JSON.parse(JSON.stringify(result)), errMsg: 'cloud.callFunction:ok' }
      }, options),
    uploadFile: asyncApi((options) => ({ fileID: `cloud://sim-env.1234/${String(options.cloudPath)}` })),
    getTempFileURL: asyncApi(() => ({ fileList: [] })),
  }

  /** An API whose answer is itself asynchronous (the backend). */
  function asyncApiAwait(answer: () => Promise<unknown>, options: Callbacks): Promise<unknown> {
    inFlight += 1
    return answer().then(
      (value) => {
        inFlight -= 1
        touch()
        settleCallbacks(options, { value })
        return value
      },
      (error: unknown) => {
        inFlight -= 1
        touch()
        const failure = { errMsg: String(error) }
        settleCallbacks(options, { failure })
        throw failure
      },
    )
  }

  /**
   * WeChat's privacy check: until the person agrees, a call that needs it is held and the app's
   * listener is asked to show its notice; WeChat takes the app's `agree` only after a tap on a button
   * of open-type agreePrivacyAuthorization (the simulator reports such taps here).
   */
  const privacy = {
    agreed: !faults.privacyNotAgreed,
    agreeTapped: false,
    listener: null as PrivacyListener | null,
  }
  function requirePrivacyAuthorize(options: Callbacks): void {
    const settle = (agreed: boolean) =>
      setTimeout(() => {
        touch()
        if (agreed) options.success?.({ errMsg: 'requirePrivacyAuthorize:ok' })
        else options.fail?.({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })
        options.complete?.()
      }, 0)
    if (privacy.agreed) return void settle(true)
    if (!privacy.listener) return void settle(false)
    privacy.listener(
      (answer) => {
        privacy.agreed = answer.event === 'agree' && privacy.agreeTapped && Boolean(answer.buttonId)
        settle(privacy.agreed)
      },
      { referrer: 'requirePrivacyAuthorize' },
    )
  }

  const ok = (errMsg: string) => () => ({ errMsg })
  const navigation = (name: string) =>
    asyncApi((options) => {
      navigations.push(`${name} ${String(options.url)}`)
      return { errMsg: `${name}:ok` }
    })
  const api: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: asyncApi(() => systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-sim', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 }),
    canIUse: () => true,
    nextTick: (callback: () => void) => setTimeout(callback, 0),
    getStorageSync: (key: string) => storageCall(() => storage.get(key) ?? ''),
    setStorageSync: (key: string, value: unknown) => storageCall(() => void storage.set(key, value)),
    removeStorageSync: (key: string) => storageCall(() => void storage.delete(key)),
    clearStorageSync: () => storageCall(() => storage.clear()),
    getStorage: asyncApi(({ key }) => storageCall(() => ({ data: storage.get(String(key)) }))),
    setStorage: asyncApi(({ key, data }) => storageCall(() => void storage.set(String(key), data))),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => ({
      relativeToViewport: () => ({ observe: () => undefined }),
      disconnect: () => undefined,
    }),
    getUpdateManager: () => ({
      onCheckForUpdate: () => undefined,
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
    }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
      privacy.listener = listener
    },
    requirePrivacyAuthorize: (options: Callbacks = {}) => requirePrivacyAuthorize(options),
    getPrivacySetting: asyncApi(() => ({
      needAuthorization: !privacy.agreed,
      privacyContractName: '民情通隐私保护指引',
    })),
    showToast: asyncApi(ok('showToast:ok')),
    showModal: asyncApi(() => ({ confirm: true, cancel: false })),
    showLoading: asyncApi(ok('showLoading:ok')),
    hideLoading: asyncApi(ok('hideLoading:ok')),
    showActionSheet: asyncApi(() => ({ tapIndex: 0 })),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    navigateBack: asyncApi(ok('navigateBack:ok')),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    setNavigationBarTitle: asyncApi(ok('setNavigationBarTitle:ok')),
    setNavigationBarColor: asyncApi(ok('setNavigationBarColor:ok')),
    startPullDownRefresh: asyncApi(ok('startPullDownRefresh:ok')),
    stopPullDownRefresh: asyncApi(ok('stopPullDownRefresh:ok')),
    pageScrollTo: asyncApi(ok('pageScrollTo:ok')),
    getLocation: asyncApi(() => ({ latitude: 30.4285, longitude: 112.8912, accuracy: 20 })),
    chooseLocation: asyncApi(() => ({ name: '柳岸小区', address: '柳岸小区', latitude: 30.4285, longitude: 112.8912 })),
    chooseMedia: asyncApi(() => ({ tempFiles: [] })),
    previewImage: asyncApi(ok('previewImage:ok')),
    makePhoneCall: asyncApi(ok('makePhoneCall:ok')),
    requestSubscribeMessage: asyncApi(() => ({})),
    setClipboardData: asyncApi(ok('setClipboardData:ok')),
    // A download that succeeds (nothing is fetched: the simulator has no network), saved where asked.
    downloadFile: asyncApi((options) => {
      files.push({ api: 'downloadFile', url: options.url, filePath: options.filePath })
      return {
        statusCode: 200,
        tempFilePath: 'wxfile://tmp/download',
        filePath: options.filePath ?? '',
        errMsg: 'downloadFile:ok',
      }
    }),
    openDocument: asyncApi((options) => {
      files.push({
        api: 'openDocument',
        filePath: options.filePath,
        fileType: options.fileType,
        showMenu: options.showMenu,
      })
      return { errMsg: 'openDocument:ok' }
    }),
    getSetting: asyncApi(() => ({ authSetting: {} })),
    authorize: asyncApi(ok('authorize:ok')),
    login: asyncApi(() => ({ code: 'sim-code' })),
    vibrateShort: asyncApi(ok('vibrateShort:ok')),
    reportAnalytics: () => undefined,
    env: { USER_DATA_PATH: 'wxfile://usr' },
    ...(faults.noCloud ? {} : { cloud }),
  }
  if (faults.noAppBaseInfo) delete api.getAppBaseInfo
  else
    api.getAppBaseInfo = () => ({
      SDKVersion: '3.6.0',
      language: 'zh_CN',
      fontSizeScaleFactor: faults.fontSizeScaleFactor ?? 1,
      fontSizeSetting: Math.round(17 * (faults.fontSizeScaleFactor ?? 1)),
    })

  // A mini-program may also keep its own things on wx (webpack's chunk list): those are not APIs.
  const own = new Map<PropertyKey, unknown>()
  const proxy = new Proxy(api, {
    get(target, property) {
      if (own.has(property)) return own.get(property)
      if (typeof property !== 'string') return undefined
      if (property in target) {
        calls.push(property)
        return target[property]
      }
      missing.add(property)
      hooks.missingRead(property)
      return undefined
    },
    set(_target, property, value) {
      own.set(property, value)
      return true
    },
    has(target, property) {
      return own.has(property) || property in target
    },
  })

  return {
    api: proxy as Record<string, never> & { createSelectorQuery: () => unknown },
    calls,
    canvases,
    navigations,
    functionCalls,
    /** Each downloadFile and openDocument, with the options that matter. */
    files,
    missing,
    storage,
    inFlight: () => inFlight,
    /** The person tapped a button of open-type agreePrivacyAuthorization. */
    privacyAgreeTapped: () => {
      privacy.agreeTapped = true
    },
  }
}
