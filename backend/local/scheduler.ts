import type { Deps } from '../handlers/context'
import type { Job } from '../jobs/job'

/** Runs each job on its interval while the local server is up (CloudBase uses timer triggers). */
export function startScheduler(jobs: readonly Job[], deps: Deps): () => void {
  const timers = jobs.map((job) =>
    setInterval(() => {
      job.run(deps).catch((error: unknown) => console.error(`[job ${job.name}]`, error))
    }, job.everyMinutes * 60_000),
  )
  for (const timer of timers) timer.unref()
  return () => timers.forEach(clearInterval)
}
