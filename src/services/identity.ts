import Taro from '@tarojs/taro'
import { readStored, store } from './storage'

/**
 * Local (H5) mode only: who the browser acts as. In WeChat the server reads the OPENID itself and
 * this module is never consulted. A browser that has not picked a demo user is a first-time
 * visitor with an id of its own, like a new WeChat user.
 */
const KEY = 'mq:demoUser'

export function currentOpenid(): string | null {
  if (process.env.TARO_ENV === 'weapp') return null
  let openid = readStored(KEY)
  if (!openid) {
    openid = `visitor-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    store(KEY, openid)
  }
  return openid
}

export function switchDemoUser(openid: string): void {
  store(KEY, openid)
}

export interface DemoUser {
  openid: string
  name: string
  role: string
  unit: string | null
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await Taro.request<DemoUser[]>({ url: '/demo/users', method: 'GET' })
  return Array.isArray(response.data) ? response.data : []
}

export interface DemoMessage {
  title: string
  caseNumber: string
  text: string
  at: number
  /** The page the message opens, as in WeChat (without the leading slash). */
  page: string
}

/** The WeChat messages the current demo user would have received (the local outbox). */
export async function listDemoMessages(openid: string): Promise<DemoMessage[]> {
  const response = await Taro.request<{ ok: boolean; data?: DemoMessage[] }>({
    url: `/dev/outbox?recipient=${encodeURIComponent(openid)}`,
    method: 'GET',
  })
  return response.data?.ok && Array.isArray(response.data.data) ? response.data.data : []
}
