import { randomInt } from 'node:crypto'
import {
  formatInvitationCode,
  INVITATION_ALPHABET,
  INVITATION_CODE_LENGTH,
  invitationStatus,
  normalizeInvitationCode,
  type Invitation,
} from '@core/invitation/invitation'
import type { OrgUnit } from '@core/org/org'
import { fail, ok } from '@core/result'
import { DAY_MS } from '@core/time'
import type { Store } from '../ports/store'
import type { Handler } from './context'
import { cursorPage } from './paging'
import { activeUnit } from './orgs'

/** 12 characters from a 31-letter alphabet, from the OS's CSPRNG: about 59 bits, not guessable. */
function randomCode(): string {
  return Array.from(
    { length: INVITATION_CODE_LENGTH },
    () => INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)],
  ).join('')
}

async function viewOf(store: Store, invitation: Invitation, now: number) {
  const unit = await store.get<OrgUnit>('orgUnits', invitation.unitId)
  return {
    code: formatInvitationCode(invitation._id),
    role: invitation.role,
    unitId: invitation.unitId,
    unitName: unit?.name ?? null,
    note: invitation.note,
    issuedAt: invitation.issuedAt,
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation, now),
    redeemedAt: invitation.redeemedAt,
    version: invitation.version,
  }
}

export const issueInvitation: Handler<'invitations', 'issue'> = async (input, { store, clock, actor }) => {
  const unit = await activeUnit(store, input.unitId)
  if (!unit.ok) return { ...unit, field: 'unitId' }
  const now = clock.now()
  for (let attempt = 0; attempt < 5; attempt++) {
    const invitation: Invitation = {
      _id: randomCode(),
      role: input.role,
      unitId: unit.data._id,
      note: input.note,
      issuedBy: actor.openid,
      issuedAt: now,
      expiresAt: now + input.expiresInDays * DAY_MS,
      revokedAt: null,
      redeemedBy: null,
      redeemedAt: null,
      version: 1,
    }
    if ((await store.insert('invitations', invitation)) === 'inserted') return ok(await viewOf(store, invitation, now))
  }
  return fail('SYSTEM.ERROR')
}

export const listInvitations: Handler<'invitations', 'list'> = async ({ cursor, pageSize }, { store, clock }) => {
  const page = await cursorPage<Invitation, Invitation>(
    store,
    'invitations',
    { filter: {}, sort: [['issuedAt', -1]], cursor, pageSize },
    (invitation) => invitation,
  )
  if (!page.ok) return page
  const now = clock.now()
  return ok({
    ...page.data,
    items: await Promise.all(page.data.items.map((invitation) => viewOf(store, invitation, now))),
  })
}

export const revokeInvitation: Handler<'invitations', 'revoke'> = async ({ code }, { store, clock }) => {
  const now = clock.now()
  const invitation = await store.get<Invitation>('invitations', normalizeInvitationCode(code))
  if (!invitation) return fail('INVITE.INVALID', undefined, 'code')
  const status = invitationStatus(invitation, now)
  if (status === 'redeemed')
    return fail('INVITE.USED', '邀请码已被使用，无法作废；如需撤销权限请在用户管理中修改', 'code')
  if (status === 'revoked') return ok(await viewOf(store, invitation, now))
  if (!(await store.updateIfVersion('invitations', invitation._id, invitation.version, { revokedAt: now }))) {
    return fail('RECORD.CONFLICT')
  }
  return ok(await viewOf(store, { ...invitation, revokedAt: now, version: invitation.version + 1 }, now))
}
