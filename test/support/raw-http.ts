import http from 'node:http'

/**
 * HTTP at the level fetch() hides: a request path sent exactly as written (no dot-segment
 * clean-up, no re-encoding), and a body written piece by piece so that a test can see when the
 * answer arrived and whether the connection stayed open.
 */
export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  /** The parsed body when it is JSON, else null. */
  json: Record<string, unknown> | null
  /** Bytes of the request body handed to the socket when the answer's head arrived. */
  sentBeforeAnswer: number
  /** The local port of the connection it came on: the same port means the same connection. */
  localPort: number
}

/** A pause in the middle of a body, so the server reads what came before it on its own. */
interface Pause {
  pauseMs: number
}

export interface RawRequest {
  method?: string
  path: string
  headers?: http.OutgoingHttpHeaders
  /** Written in order; a Pause waits before the next piece. No body when absent. */
  body?: Array<Buffer | Pause>
  agent?: http.Agent | false
}

export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    let sent = 0
    const request = http.request({
      host: hostname,
      port: Number(port),
      method: options.method ?? 'GET',
      path: options.path,
      headers: options.headers,
      agent: options.agent ?? false,
    })
    request.on('error', reject)
    request.on('response', (response) => {
      const sentBeforeAnswer = sent
      const localPort = response.socket.localPort ?? -1
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: Record<string, unknown> | null = null
        try {
          json = JSON.parse(text) as Record<string, unknown>
        } catch {
          json = null
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          json,
          sentBeforeAnswer,
          localPort,
        })
      })
    })
    void (async () => {
      for (const piece of options.body ?? []) {
        if (Buffer.isBuffer(piece)) {
          sent += piece.length
          await new Promise<void>((done) => request.write(piece, () => done()))
        } else {
          await new Promise((done) => setTimeout(done, piece.pauseMs))
        }
      }
      request.end()
    })()
  })
}

/** `total` bytes of `fill`, in pieces of at most `size` bytes. */
export function pieces(total: number, size = 1024 * 1024, fill = 0x20): Buffer[] {
  const out: Buffer[] = []
  for (let left = total; left > 0; left -= size) out.push(Buffer.alloc(Math.min(size, left), fill))
  return out
}
