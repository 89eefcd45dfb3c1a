import * as z from 'zod/mini'
import type { Role } from '../roles'

export const INVITABLE_ROLES = ['cadre', 'supervisor', 'admin'] as const satisfies readonly Role[]
export type InvitableRole = (typeof INVITABLE_ROLES)[number]

/** Letters and digits that cannot be mistaken for one another when read out or typed. */
export const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITATION_CODE_LENGTH = 12

export interface Invitation {
  /** The normalised code (12 characters, no dashes). */
  _id: string
  role: InvitableRole
  unitId: string
  note: string
  issuedBy: string
  issuedAt: number
  expiresAt: number
  revokedAt: number | null
  redeemedBy: string | null
  redeemedAt: number | null
  version: number
}

const INVITATION_STATUSES = ['active', 'redeemed', 'revoked', 'expired'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  active: '可使用',
  redeemed: '已使用',
  revoked: '已作废',
  expired: '已过期',
}

export function invitationStatus(invitation: Invitation, now: number): InvitationStatus {
  if (invitation.redeemedAt !== null) return 'redeemed'
  if (invitation.revokedAt !== null) return 'revoked'
  if (now >= invitation.expiresAt) return 'expired'
  return 'active'
}

/** ABCD2EFG3HJK → ABCD-2EFG-3HJK, for reading out and sharing. */
export function formatInvitationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/** What people type (spaces, dashes, lower case) → the stored form. */
export function normalizeInvitationCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase()
}

export function isWellFormedInvitationCode(code: string): boolean {
  return code.length === INVITATION_CODE_LENGTH && [...code].every((char) => INVITATION_ALPHABET.includes(char))
}

/** An invitation as the admin sees it: the code to hand out, for whom, and whether it still works. */
export const invitationViewSchema = z.strictObject({
  code: z.string(),
  role: z.enum(INVITABLE_ROLES),
  unitId: z.string(),
  unitName: z.nullable(z.string()),
  note: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(INVITATION_STATUSES),
  redeemedAt: z.nullable(z.number()),
  version: z.number(),
})
export type InvitationView = z.infer<typeof invitationViewSchema>
