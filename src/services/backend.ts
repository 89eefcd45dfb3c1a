import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, OutputFor, ParamsFor } from '@core/functions'
import type { Result } from '@core/result'
import { currentOpenid } from './identity'

/**
 * The only caller of the backend. In WeChat it is `wx.cloud` (functions and cloud storage); in H5
 * it is the local server over HTTP. Pages never know which: the branch on TARO_ENV is resolved at
 * build time and the other side is dropped from the bundle.
 */

export class NetworkError extends Error {}

/** `wx.cloud` is missing: a WeChat too old for cloud functions, which no retry will fix. */
class ClientTooOldError extends Error {}

/** `wx.cloud`, or the reason it cannot be used. */
function cloud(): typeof Taro.cloud {
  if (!Taro.cloud) throw new ClientTooOldError('wx.cloud is not available')
  return Taro.cloud
}

declare const CLOUD_ENV_ID: string

/**
 * Once per launch: in WeChat, binds wx.cloud to the environment (the mini-program's default without
 * an id). It never stops the launch: without wx.cloud, or with a wrong environment, each call fails
 * later with a message the person can read.
 */
export function connectBackend(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    cloud().init({ ...(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID } : {}), traceUser: true })
  } catch (error) {
    console.warn('wx.cloud 初始化失败', error)
  }
}

function demoHeaders(): Record<string, string> {
  const openid = currentOpenid()
  return openid ? { 'X-Demo-User': openid } : {}
}

/** What an action answers, as the catalogue declares it (core/functions.ts): the server checks it against the same schema. */
export type Answer<F extends FunctionName, A extends ActionName<F>> = Result<OutputFor<F, A>>

export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  params: ParamsFor<F, A>,
): Promise<Answer<F, A>> {
  const data = { ...(params as object), action }
  if (process.env.TARO_ENV === 'weapp') {
    const functions = cloud()
    try {
      const { result } = await functions.callFunction({ name, data })
      // The one place the wire's answer is given its declared type: the server checked it against it.
      return result as Answer<F, A>
    } catch (error) {
      throw new NetworkError(String(error))
    }
  }
  let response: Taro.request.SuccessCallbackResult<Answer<F, A>>
  try {
    response = await Taro.request<Answer<F, A>>({
      url: `/fn/${name}`,
      method: 'POST',
      header: { 'content-type': 'application/json', ...demoHeaders() },
      data,
      timeout: 15_000,
    })
  } catch (error) {
    throw new NetworkError(String(error))
  }
  const body = response.data
  if (body && typeof body === 'object' && 'ok' in body) return body
  throw new NetworkError(`HTTP ${response.statusCode}`)
}

/** Uploads one photo and answers its fileId (a cloud:// fileID in WeChat). */
export async function uploadImage(filePath: string, fileName: string): Promise<Result<{ fileId: string }>> {
  if (process.env.TARO_ENV === 'weapp') {
    const extension = (/\.(\w+)$/.exec(filePath)?.[1] ?? 'jpg').toLowerCase()
    const cloudPath = `cases/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extension}`
    const storage = cloud()
    try {
      const { fileID } = await storage.uploadFile({ cloudPath, filePath })
      localPreviews.set(fileID, filePath)
      return { ok: true, data: { fileId: fileID } }
    } catch (error) {
      throw new NetworkError(String(error))
    }
  }
  let response: Taro.uploadFile.SuccessCallbackResult
  try {
    response = await Taro.uploadFile({ url: '/files', filePath, name: 'file', fileName, header: demoHeaders() })
  } catch (error) {
    throw new NetworkError(String(error))
  }
  try {
    return JSON.parse(response.data) as Result<{ fileId: string }>
  } catch {
    throw new NetworkError(`HTTP ${response.statusCode}`)
  }
}

/** Photos this phone uploaded in this session, shown from the phone itself until the server hands out URLs. */
const localPreviews = new Map<string, string>()

/**
 * Where a photo just added to a form is shown: the phone's own copy; in the browser the local
 * server serves it. (Photos of a case come with their URLs, handed out by the server.)
 */
export function previewUrl(fileId: string): string {
  return localPreviews.get(fileId) ?? (process.env.TARO_ENV === 'weapp' ? '' : `/files/${encodeURIComponent(fileId)}`)
}

const NETWORK_MESSAGE = '网络不畅，请稍后再试。'

/** What a person is told when a call did not get an answer: the network, or a WeChat too old. */
export function failureMessage(error: unknown): string {
  if (error instanceof ClientTooOldError) return '您的微信版本过低，请升级微信后再使用。'
  return error instanceof NetworkError ? NETWORK_MESSAGE : '出错了，请稍后再试。'
}

/**
 * For pages: the function's answer, with a network failure turned into a message a person can
 * act on, so that every page reports failures the same way.
 */
export type Outcome<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string; field?: string }

export async function ask<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  params: ParamsFor<F, A>,
): Promise<Outcome<OutputFor<F, A>>> {
  try {
    return await callFunction(name, action, params)
  } catch (error) {
    return {
      ok: false,
      code: 'NETWORK',
      message: failureMessage(error),
    }
  }
}
