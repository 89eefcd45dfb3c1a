import type { ContentCheck, ContentVerdict, TextToCheck } from '../ports/content-check'

/** The request of `security.msgSecCheck` v2 (developers.weixin.qq.com, 文本内容安全识别). */
export interface MsgSecCheckRequest {
  content: string
  version: 2
  scene: 1 | 2 | 3 | 4
  openid: string
}

/** The part of wx-server-sdk's `cloud.openapi` this uses. */
export interface MsgSecCheckApi {
  security: {
    msgSecCheck(request: MsgSecCheckRequest): Promise<unknown>
  }
}

/**
 * Scene 3 (论坛): the lists are posted for every resident to read, as a forum post is. Not 1 (资料, a
 * user's profile), 2 (评论, a reply under someone else's content) nor 4 (社交日志, a personal diary).
 */
const PUBLIC_POST_SCENE = 3

/** WeChat checks at most 2500 characters a call; a longer text goes in pieces. */
const MAX_CHARS = 2500
/** Pieces overlap, so that a word cut by a piece's edge is whole in the next one. */
const OVERLAP = 50
/** Calls in flight at once: a publication's texts are checked before its function times out. */
const CONCURRENCY = 4

/** `result.label` of the v2 answer, in the words of WeChat's documentation. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

type PieceVerdict = { verdict: 'pass' } | { verdict: 'blocked' | 'unchecked'; message: string }

const unchecked = (detail: string): PieceVerdict => ({
  verdict: 'unchecked',
  message: `内容安全检查暂时无法完成，请稍后再试（${detail}）`,
})

/** The text in pieces WeChat accepts, counted in characters (not UTF-16 units). */
function pieces(text: string): string[] {
  const chars = Array.from(text)
  if (chars.length <= MAX_CHARS) return [text]
  const result: string[] = []
  for (let start = 0; start < chars.length - OVERLAP; start += MAX_CHARS - OVERLAP) {
    result.push(chars.slice(start, start + MAX_CHARS).join(''))
  }
  return result
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null

/** wx-server-sdk answers in camelCase (`errCode`), the HTTPS API in snake case (`errcode`): either is read. */
const errorCodeOf = (reply: Record<string, unknown> | null): unknown => reply?.errcode ?? reply?.errCode

/** One answer of msgSecCheck v2 read as a verdict: `review` and `risky` block; anything unexpected leaves it unchecked. */
function verdictOf(reply: unknown): PieceVerdict {
  const answer = record(reply)
  const code = errorCodeOf(answer)
  if (code !== 0) return unchecked(code === undefined ? '微信未返回结果' : `errcode ${String(code)}`)
  const result = record(answer?.result)
  const suggest = result?.suggest
  if (suggest === 'pass') return { verdict: 'pass' }
  if (suggest === 'review' || suggest === 'risky') {
    const label = typeof result?.label === 'number' ? LABELS[result.label] : undefined
    return {
      verdict: 'blocked',
      message: `未通过微信内容安全检查${label ? `（${label}）` : ''}，请修改`,
    }
  }
  return unchecked('微信未返回结果')
}

/** Runs `task` over `items` with at most `limit` in flight; results in the order of the items. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * WeChat's content check (`security.msgSecCheck` v2, through the cloud-call open API), on behalf of
 * the user who publishes: WeChat needs that user's OPENID, of someone who used the mini-program in the
 * last two hours. One call per text (or per piece of a long one); empty texts pass without a call.
 * The function that publishes must declare `security.msgSecCheck` in its config.json.
 */
export class WechatContentCheck implements ContentCheck {
  constructor(private readonly openapi: () => MsgSecCheckApi) {}

  async check(texts: readonly TextToCheck[], by: { openid: string }): Promise<ContentVerdict[]> {
    return mapLimited(texts, CONCURRENCY, async ({ key, text }) => {
      const verdict = await this.checkText(text, by.openid)
      return verdict.verdict === 'pass' ? { key, verdict: 'pass' } : { key, ...verdict }
    })
  }

  /** A text's verdict: blocked if any piece is, else unchecked if any piece could not be checked. */
  private async checkText(text: string, openid: string): Promise<PieceVerdict> {
    if (text.trim() === '') return { verdict: 'pass' }
    let verdict: PieceVerdict = { verdict: 'pass' }
    for (const piece of pieces(text)) {
      const answer = await this.checkPiece(piece, openid)
      if (answer.verdict === 'blocked') return answer
      if (answer.verdict === 'unchecked') verdict = answer
    }
    return verdict
  }

  private async checkPiece(content: string, openid: string): Promise<PieceVerdict> {
    try {
      const reply = await this.openapi().security.msgSecCheck({
        content,
        version: 2,
        scene: PUBLIC_POST_SCENE,
        openid,
      })
      const verdict = verdictOf(reply)
      if (verdict.verdict === 'unchecked') console.error('[content-check] msgSecCheck answered', reply)
      return verdict
    } catch (error) {
      // wx-server-sdk rejects when WeChat answers an error code; the code is on the error.
      console.error('[content-check] msgSecCheck failed', error)
      const code = errorCodeOf(record(error))
      return unchecked(typeof code === 'number' ? `errcode ${code}` : '调用失败')
    }
  }
}
