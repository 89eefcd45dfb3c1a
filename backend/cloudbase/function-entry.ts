import { getCloudbaseContext, init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { FunctionName } from '@core/functions'
import { fail, ok, type Result } from '@core/result'
import { CloudbaseFiles } from '../adapters/cloudbase.files'
import { CloudbaseStore } from '../adapters/cloudbase.store'
import type { ImageSniffer } from '../adapters/image-sniff'
import { RollupKeepingStore } from '../rollups'
import { KeywordContentCheck } from '../adapters/keyword.content-check'
import { WechatContentCheck, type MsgSecCheckApi } from '../adapters/wechat.content-check'
import { WechatNotifier, type SubscribeMessageApi, type TemplateIds } from '../adapters/wechat.notifier'
import { settingsFromEnv, type Deps, type FunctionUnit } from '../handlers/context'
import { runUnit } from '../handlers/run'
import type { Job } from '../jobs/job'

/**
 * What only some functions are given by their entry, so that what it imports is bundled into them
 * alone: the exports function's workbook writer, the image sniffer of the functions that take photos.
 */
interface Extras extends Pick<Deps, 'workbooks'> {
  sniffImage?: ImageSniffer
}

/**
 * Makes the `main` of a deployed CloudBase function. The SDK is initialised once, when the module
 * loads (warm invocations reuse it), for the function's own environment. Identity is WeChat's
 * OPENID from the invocation context; nothing in the event can claim one.
 */
/** The ports on CloudBase, created once per function instance. */
function platformDeps({ sniffImage, ...extra }: Extras = {}): Deps {
  const app = init({ env: SYMBOL_CURRENT_ENV })
  return {
    ...extra,
    store: new RollupKeepingStore(new CloudbaseStore(app.database())),
    files: new CloudbaseFiles(app, sniffImage),
    clock: { now: () => Date.now() },
    notifier: new WechatNotifier(openapi, templateIds()),
    // CONTENT_CHECK=keyword: a test environment checks against the word list, not WeChat.
    contentCheck: process.env.CONTENT_CHECK === 'keyword' ? new KeywordContentCheck() : new WechatContentCheck(openapi),
    settings: settingsFromEnv(process.env),
  }
}

/** The parts of wx-server-sdk's `cloud.openapi` the adapters use. */
type WechatOpenapi = SubscribeMessageApi & MsgSecCheckApi

let wechatOpenapi: WechatOpenapi | null = null

/** wx-server-sdk's open API, loaded and initialised on first use (only functions that notify or publish need it). */
function openapi(): WechatOpenapi {
  if (!wechatOpenapi) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as {
      init(config: object): void
      DYNAMIC_CURRENT_ENV: unknown
      openapi: WechatOpenapi
    }
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    wechatOpenapi = cloud.openapi
  }
  return wechatOpenapi
}

function templateIds(): TemplateIds {
  try {
    return JSON.parse(process.env.SUBSCRIBE_TEMPLATE_IDS ?? '{}') as TemplateIds
  } catch {
    console.error('SUBSCRIBE_TEMPLATE_IDS is not JSON; no subscribe messages will be sent')
    return {}
  }
}

/**
 * Whether an invocation is a timer's: no caller in its context, a timer's event (`Type: 'Timer'`
 * with the trigger's name), and, where the context says where the call came from, a timer
 * (`TRIGGER_SRC`). Throws on a context it cannot read.
 */
function isTimerInvocation(event: unknown, context: unknown): boolean {
  if (typeof context !== 'object' || context === null) throw new Error('no invocation context')
  const { WX_OPENID, TRIGGER_SRC } = getCloudbaseContext(context as Parameters<typeof getCloudbaseContext>[0])
  if (typeof WX_OPENID === 'string' && WX_OPENID) return false
  if (TRIGGER_SRC !== undefined && TRIGGER_SRC !== 'timer') return false
  const timer = event as { Type?: unknown; TriggerName?: unknown } | null
  return timer?.Type === 'Timer' && typeof timer.TriggerName === 'string'
}

/**
 * The timer-triggered function: runs the scheduled job its trigger is named after. Anyone signed in
 * to the mini-program can call it too, with any event, and other functions or tools can invoke it
 * without a caller: only a timer's invocation runs a job, and one whose context cannot be read none.
 */
export function scheduledJobs(jobs: readonly Job[]): (event: unknown, context: unknown) => Promise<Result<unknown>> {
  const deps = platformDeps()
  return async (event, context) => {
    const trigger = (event as { TriggerName?: unknown } | null)?.TriggerName
    try {
      if (!isTimerInvocation(event, context)) return fail('AUTH.FORBIDDEN')
      const job = jobs.find((candidate) => candidate.name === trigger)
      if (!job) return fail('JOB.UNKNOWN', `没有名为 ${String(trigger)} 的定时任务`)
      return ok(await job.run(deps))
    } catch (error) {
      console.error(`[job ${String(trigger)}]`, error)
      return fail('SYSTEM.ERROR')
    }
  }
}

/** The caller's OPENID from the invocation context, null when there is none; throws on a context it cannot read. */
function openidOf(context: unknown): string | null {
  const { WX_OPENID } = getCloudbaseContext(context as Parameters<typeof getCloudbaseContext>[0])
  return typeof WX_OPENID === 'string' && WX_OPENID ? WX_OPENID : null
}

/**
 * A user-facing function: always answers a Result, even when its context cannot be read. `unit` is
 * the function's own actions and handlers (backend/handlers/functions/<name>.ts), so its bundle
 * carries no other function's code. `extra` is what only this function needs (the exports
 * function's workbook writer, the image sniffer where photos are taken), bundled into it alone.
 */
export function cloudFunction<F extends FunctionName>(
  unit: FunctionUnit<F>,
  extra: Extras = {},
): (event: unknown, context: unknown) => Promise<Result<unknown>> {
  const deps = platformDeps(extra)
  return async (event, context) => {
    try {
      return await runUnit(unit, event, deps, { openid: openidOf(context) })
    } catch (error) {
      console.error(`[function ${unit.name}]`, error)
      return fail('SYSTEM.ERROR')
    }
  }
}
