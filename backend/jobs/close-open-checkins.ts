import { closeStaleCheckins } from '../handlers/fieldwork/checkins'
import type { Job } from './job'

/** 未签退: sign-ins left open past the limit are closed with their hours capped and flagged. */
export const closeOpenCheckinsJob: Job = {
  name: 'close-open-checkins',
  description: '超过时限未签退的签到自动关闭，时长按上限计并标记未签退',
  everyMinutes: 30,
  run: closeStaleCheckins,
}
