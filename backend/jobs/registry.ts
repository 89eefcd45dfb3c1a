import type { Deps } from '../handlers/context'
import { closeOpenCheckinsJob } from './close-open-checkins'
import { defaultSatisfiedJob } from './default-satisfied'
import { finishMergesJob } from './finish-merges'

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

/** The product's scheduled jobs; each feature that needs one adds it here. */
export const JOBS: readonly Job[] = [defaultSatisfiedJob, closeOpenCheckinsJob, finishMergesJob]
