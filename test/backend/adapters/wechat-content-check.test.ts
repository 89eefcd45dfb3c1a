import {
  WechatContentCheck,
  type MsgSecCheckApi,
  type MsgSecCheckRequest,
} from '../../../backend/adapters/wechat.content-check'

const BY = { openid: 'o-supervisor-1' }

/** Answers of msgSecCheck v2 as documented (errcode, errmsg, trace_id, result { suggest, label }, detail). */
const PASS = {
  errcode: 0,
  errmsg: 'ok',
  trace_id: 'trace-1',
  result: { suggest: 'pass', label: 100 },
  detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
}
const REVIEW = { errcode: 0, errmsg: 'ok', trace_id: 'trace-2', result: { suggest: 'review', label: 20001 } }
const RISKY = {
  errcode: 0,
  errmsg: 'ok',
  trace_id: 'trace-3',
  result: { suggest: 'risky', label: 20002 },
  detail: [{ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20002, level: 20, keyword: '某词' }],
}

type Reply = unknown | ((request: MsgSecCheckRequest) => unknown)

/** A fake of wx-server-sdk's `cloud.openapi.security.msgSecCheck`: records requests, answers `reply`. */
function fakeWechat(reply: Reply): { requests: MsgSecCheckRequest[]; check: WechatContentCheck } {
  const requests: MsgSecCheckRequest[] = []
  const api: MsgSecCheckApi = {
    security: {
      msgSecCheck: async (request) => {
        requests.push(request)
        return typeof reply === 'function' ? (reply as (r: MsgSecCheckRequest) => unknown)(request) : reply
      },
    },
  }
  return { requests, check: new WechatContentCheck(() => api) }
}

let logged: jest.SpyInstance
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => logged.mockRestore())

test('the request is v2 with the text, scene 3 (论坛: posted for all to read) and the publisher’s OPENID', async () => {
  const { requests, check } = fakeWechat(PASS)
  await check.check([{ key: 'k', text: '3号楼路灯已修复' }], BY)
  expect(requests).toEqual([{ content: '3号楼路灯已修复', version: 2, scene: 3, openid: 'o-supervisor-1' }])
})

test.each([
  ['pass', PASS, { key: 'k', verdict: 'pass' }],
  ['review (时政)', REVIEW, { key: 'k', verdict: 'blocked', message: '未通过微信内容安全检查（时政），请修改' }],
  ['risky (色情)', RISKY, { key: 'k', verdict: 'blocked', message: '未通过微信内容安全检查（色情），请修改' }],
  [
    'risky with a label not in the documentation',
    { errcode: 0, result: { suggest: 'risky', label: 29999 } },
    { key: 'k', verdict: 'blocked', message: '未通过微信内容安全检查，请修改' },
  ],
  [
    'errcode 40003 (openid 无效)',
    { errcode: 40003, errmsg: 'invalid openid' },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（errcode 40003）' },
  ],
  [
    'errcode -1 (系统繁忙)',
    { errcode: -1, errmsg: 'system error' },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（errcode -1）' },
  ],
  [
    'errcode 0 without a result',
    { errcode: 0, errmsg: 'ok' },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（微信未返回结果）' },
  ],
  [
    'a suggestion WeChat does not document',
    { errcode: 0, result: { suggest: 'maybe', label: 100 } },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（微信未返回结果）' },
  ],
  [
    'no error code at all',
    { result: { suggest: 'pass', label: 100 } },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（微信未返回结果）' },
  ],
  [
    'nothing',
    undefined,
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（微信未返回结果）' },
  ],
  [
    'wx-server-sdk’s camelCase pass',
    { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } },
    { key: 'k', verdict: 'pass' },
  ],
  [
    'wx-server-sdk’s camelCase risky (辱骂)',
    { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'risky', label: 20003 } },
    { key: 'k', verdict: 'blocked', message: '未通过微信内容安全检查（辱骂），请修改' },
  ],
  [
    'wx-server-sdk’s camelCase error',
    { errCode: 43104, errMsg: 'appid not match openid' },
    { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（errcode 43104）' },
  ],
])('WeChat answers %s', async (_label, reply, verdict) => {
  const { check } = fakeWechat(reply)
  expect(await check.check([{ key: 'k', text: '一段要公开的文字' }], BY)).toEqual([verdict])
})

test.each([
  [
    'with an error code (as wx-server-sdk rejects)',
    Object.assign(new Error('errCode: -604101 | errMsg: no permission'), { errCode: -604101 }),
    '内容安全检查暂时无法完成，请稍后再试（errcode -604101）',
  ],
  ['without one (the network)', new Error('socket hang up'), '内容安全检查暂时无法完成，请稍后再试（调用失败）'],
])('a call that throws %s leaves the text unchecked, and is logged', async (_label, error, message) => {
  const { check } = fakeWechat(() => {
    throw error
  })
  expect(await check.check([{ key: 'k', text: '一段要公开的文字' }], BY)).toEqual([
    { key: 'k', verdict: 'unchecked', message },
  ])
  expect(logged).toHaveBeenCalled()
})

test('each text is its own call; verdicts come in the order given, each with its key', async () => {
  const { requests, check } = fakeWechat(async (request: MsgSecCheckRequest) => {
    // Later texts answer sooner, so order is kept by position, not by arrival.
    await new Promise((resolve) => setTimeout(resolve, request.content.length))
    return request.content.includes('违规') ? RISKY : request.content.includes('复核') ? REVIEW : PASS
  })
  const texts = [
    { key: 'row-1.title', text: '一条很长很长很长很长很长的正常标题' },
    { key: 'row-1.reply', text: '含违规内容' },
    { key: 'row-2.title', text: '待复核' },
    { key: 'row-2.reply', text: '' },
    { key: 'row-3.title', text: '好' },
    { key: 'row-3.reply', text: '  ' },
  ]
  expect(await check.check(texts, BY)).toEqual([
    { key: 'row-1.title', verdict: 'pass' },
    { key: 'row-1.reply', verdict: 'blocked', message: '未通过微信内容安全检查（色情），请修改' },
    { key: 'row-2.title', verdict: 'blocked', message: '未通过微信内容安全检查（时政），请修改' },
    { key: 'row-2.reply', verdict: 'pass' },
    { key: 'row-3.title', verdict: 'pass' },
    { key: 'row-3.reply', verdict: 'pass' },
  ])
  // Empty and blank texts are not sent (WeChat refuses an empty content).
  expect(requests.map((request) => request.content).sort()).toEqual(
    ['一条很长很长很长很长很长的正常标题', '含违规内容', '待复核', '好'].sort(),
  )
})

test('no more than four calls are in flight at once', async () => {
  let inFlight = 0
  let most = 0
  const { check } = fakeWechat(async () => {
    inFlight += 1
    most = Math.max(most, inFlight)
    await new Promise((resolve) => setTimeout(resolve, 5))
    inFlight -= 1
    return PASS
  })
  const texts = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, text: `文字${i}` }))
  const verdicts = await check.check(texts, BY)
  expect(verdicts).toEqual(texts.map(({ key }) => ({ key, verdict: 'pass' })))
  expect(most).toBe(4)
})

describe('a text longer than WeChat’s 2500 characters', () => {
  // 2600 characters, astral ones included (a character, not a UTF-16 unit, is what WeChat counts).
  const long = '𠀀'.repeat(100) + '正'.repeat(2399) + '违规' + '常'.repeat(99)

  test('is checked in overlapping pieces of at most 2500 characters', async () => {
    const { requests, check } = fakeWechat(PASS)
    expect(await check.check([{ key: 'k', text: long }], BY)).toEqual([{ key: 'k', verdict: 'pass' }])
    expect(requests.map((request) => Array.from(request.content).length)).toEqual([2500, 150])
    expect(requests[0]?.content).toBe(Array.from(long).slice(0, 2500).join(''))
    expect(requests[1]?.content).toBe(Array.from(long).slice(2450).join(''))
  })

  test('is blocked when any piece is (a word across the first edge is whole in the second piece)', async () => {
    const { check } = fakeWechat((request: MsgSecCheckRequest) => (request.content.includes('违规') ? RISKY : PASS))
    expect(await check.check([{ key: 'k', text: long }], BY)).toEqual([
      { key: 'k', verdict: 'blocked', message: '未通过微信内容安全检查（色情），请修改' },
    ])
  })

  test('is unchecked when a piece cannot be checked and none is blocked', async () => {
    let calls = 0
    const { check } = fakeWechat(() => (++calls === 2 ? { errcode: -1 } : PASS))
    expect(await check.check([{ key: 'k', text: long }], BY)).toEqual([
      { key: 'k', verdict: 'unchecked', message: '内容安全检查暂时无法完成，请稍后再试（errcode -1）' },
    ])
  })
})
