import { getCloudbaseContext, init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { FunctionName } from '@core/functions'
import type { Result } from '@core/result'
import { CloudbaseFiles } from '../adapters/cloudbase.files'
import { CloudbaseStore } from '../adapters/cloudbase.store'
import { settingsFromEnv, type Deps } from '../handlers/context'
import { runFunction } from '../handlers/dispatch'

/**
 * Makes the `main` of a deployed CloudBase function. The SDK is initialised once, when the module
 * loads (warm invocations reuse it), for the function's own environment. Identity is WeChat's
 * OPENID from the invocation context; nothing in the event can claim one.
 */
export function cloudFunction(name: FunctionName): (event: unknown, context: unknown) => Promise<Result<unknown>> {
  const app = init({ env: SYMBOL_CURRENT_ENV })
  const deps: Deps = {
    store: new CloudbaseStore(app.database()),
    files: new CloudbaseFiles(app),
    clock: { now: () => Date.now() },
    settings: settingsFromEnv(process.env),
  }
  return async (event, context) => {
    const { WX_OPENID } = getCloudbaseContext(context as Parameters<typeof getCloudbaseContext>[0])
    return runFunction(name, event, deps, { openid: typeof WX_OPENID === 'string' && WX_OPENID ? WX_OPENID : null })
  }
}
