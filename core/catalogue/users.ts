import * as z from 'zod/mini'
import {
  getMeInput,
  listLeadersInput,
  listUsersInput,
  redeemInvitationInput,
  subscribeInput,
  updateMeInput,
  updateUserInput,
} from '../user/user.schemas'
import { leaderSchema, userViewSchema } from '../user/user'
import { pageOf } from '../validation/page'
import type { ActionSpec } from './action-spec'

/** 用户: 我的, profile, message grants, redeeming invitations, and user management. */
export const USERS_ACTIONS = {
  me: { permission: 'user.viewSelf', input: getMeInput, output: userViewSchema },
  updateMe: { permission: 'user.editSelf', input: updateMeInput, output: userViewSchema },
  redeem: { permission: 'user.redeemInvitation', input: redeemInvitationInput, output: userViewSchema },
  list: { permission: 'user.list', input: listUsersInput, output: pageOf(userViewSchema) },
  update: { permission: 'user.manage', input: updateUserInput, output: userViewSchema },
  subscribe: { permission: 'user.editSelf', input: subscribeInput, output: userViewSchema },
  listLeaders: { permission: 'leader.list', input: listLeadersInput, output: z.array(leaderSchema) },
} as const satisfies Record<string, ActionSpec>
