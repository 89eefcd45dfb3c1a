import type { Deps } from '../handlers/context'

/**
 * A scheduled job: a CloudBase timer trigger in production, the local server's scheduler locally,
 * and `POST /dev/jobs/<name>` in demos and tests.
 */
export interface Job {
  name: string
  description: string
  everyMinutes: number
  run(deps: Deps): Promise<unknown>
}
