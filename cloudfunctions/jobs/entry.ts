import { scheduledJobs } from '../../backend/cloudbase/function-entry'
import { JOBS } from '../../backend/jobs/registry'

/** 定时任务: each timer trigger in cloudbaserc.json names the job it runs. */
export const main = scheduledJobs(JOBS)
