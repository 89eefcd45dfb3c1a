/**
 * The demo world over the local server's HTTP surface, as the browser suites prepare it: calls as a
 * demo user (failing the test on a refusal), actions on a case with the version it has now, and
 * 张秀兰's reports in 柳岸小区, assigned to 王强 by 陈立新.
 */

export const DEMO = {
  resident: 'demo-resident-zhang',
  cadre: 'demo-cadre-wang',
  supervisor: 'demo-supervisor-chen',
  admin: 'demo-admin',
} as const

/** 陈立新 assigns to 王强 in 东湖办事处. */
export const ASSIGN_TO_WANG = {
  leadOfficial: '陈立新',
  responsibleUnitId: 'unit-donghu-office',
  handlerOpenid: DEMO.cadre,
  standard: '一周内处理完毕并回复群众',
}

/** What 王强 says when he asks for closure. */
export const CLOSURE = { note: '已经修好，群众确认', standardMet: '一周内处理完毕并已回复' }

export function demoApi(serverUrl: () => string, requestPrefix: string) {
  /** A call as a demo user, answering `data` (the test fails on a refusal, naming it). */
  async function call(openid: string, name: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(`${serverUrl()}/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': openid },
      body: JSON.stringify(body),
    })
    const answer = (await response.json()) as { ok: boolean; data: Record<string, unknown>; message?: string }
    expect({ name, action: body.action, refused: answer.ok ? null : answer.message }).toEqual({
      name,
      action: body.action,
      refused: null,
    })
    return answer.data
  }

  /** An action on a case with the version it has now. */
  async function act(openid: string, id: string, action: string, params: Record<string, unknown> = {}) {
    const current = await call(openid, 'cases', { action: 'get', id })
    await call(openid, 'cases', { action, id, expectedVersion: current.version, ...params })
  }

  let reports = 0
  /** 张秀兰 reports a new need in 柳岸小区. */
  async function report(description: string): Promise<{ id: string; number: string }> {
    reports += 1
    const created = await call(DEMO.resident, 'cases', {
      action: 'submit',
      clientRequestId: `${requestPrefix}-report-${reports}`,
      category: '人居环境',
      description,
      areaUnitId: 'unit-liuan-estate',
      reporter: { name: '张秀兰', phone: '13800000001' },
    })
    return { id: String(created.id), number: String(created.number) }
  }

  /** A local-only request (POST /dev/clock, /dev/jobs/<name>): the test fails unless it answered 200. */
  async function dev(path: string, body: unknown = {}): Promise<void> {
    const response = await fetch(`${serverUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(200)
  }

  return { call, act, report, dev }
}
