import { closeOpenCheckinsJob } from './close-open-checkins'
import { defaultSatisfiedJob } from './default-satisfied'
import { finishMergesJob } from './finish-merges'
import type { Job } from './job'
import { markListedUsersJob } from './mark-listed-users'
import { superviseJob } from './supervise'

/** The product's scheduled jobs; each feature that needs one adds it here. */
export const JOBS: readonly Job[] = [
  defaultSatisfiedJob,
  closeOpenCheckinsJob,
  finishMergesJob,
  markListedUsersJob,
  superviseJob,
]
