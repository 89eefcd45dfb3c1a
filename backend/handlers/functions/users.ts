import { USERS_ACTIONS } from '@core/catalogue/users'
import type { FunctionUnit } from '../context'
import { getMe, listLeaders, listUsers, redeemInvitation, subscribe, updateMe, updateUser } from '../users'

/** 用户: each action of core/catalogue/users.ts bound to its handler. */
export const USERS: FunctionUnit<'users'> = {
  name: 'users',
  actions: USERS_ACTIONS,
  handlers: {
    me: getMe,
    updateMe,
    redeem: redeemInvitation,
    list: listUsers,
    update: updateUser,
    subscribe,
    listLeaders,
  },
}
