import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { UNCOVERED_MARKER } from '../../backend/index-coverage'

const ROOT = path.resolve(__dirname, '..', '..')

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Stops the server: SIGTERM for a clean shutdown, SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>
  output(): string
}

/** Starts the real local server (`backend/local/main.ts`) as its own process on a free port. */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'backend', 'local', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      STATIC_DIR: path.join(ROOT, 'test', 'no-h5-build'),
      STORE_INDEX_CHECK: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          process: child,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            await exited
            // Every query the server made while the suite ran must have been covered by an index.
            const uncovered = output.split('\n').filter((line) => line.includes(UNCOVERED_MARKER))
            if (uncovered.length > 0)
              throw new Error(`queries without an index:\n${[...new Set(uncovered)].join('\n')}`)
          },
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

export async function callFn(
  server: RunningServer,
  name: string,
  body: unknown,
  openid?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-user': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
