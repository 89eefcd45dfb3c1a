import type { Case } from '@core/case/case'
import type { Deps } from '../handlers/context'
import { finishMerge } from '../handlers/lifecycle'
import type { Job } from './job'

/** Merges whose followers could not be copied to the surviving case at once: copy them now. */
export const finishMergesJob: Job = {
  name: 'finish-merges',
  description: '补完合并诉求的关注人（合并时未能写入的）',
  everyMinutes: 10,
  async run({ store }: Deps) {
    let finished = 0
    let pending = 0
    const waiting = await store.query<Case>('cases', {
      filter: { mergeFollowersPending: true },
      sort: [['updatedAt', 1]],
      offset: 0,
      limit: 100,
    })
    for (const merged of waiting) {
      if (await finishMerge(store, merged)) finished += 1
      else pending += 1
    }
    return { finished, pending }
  },
}
