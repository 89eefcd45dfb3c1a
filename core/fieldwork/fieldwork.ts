import * as z from 'zod/mini'
import { distanceMeters, type GeoPoint } from '../geo'
import { fail, ok, type Result } from '../result'
import { HOUR_MS } from '../time'

/** 五联一包 and 党建联系点. */
export const CONTACT_POINT_TYPES = [
  '联系项目',
  '联系企业',
  '联系生产队/小区',
  '联系新型职业农民',
  '包信访案件化解',
  '党建联系点',
] as const
export type ContactPointType = (typeof CONTACT_POINT_TYPES)[number]

const geoPoint = z.strictObject({ lat: z.number(), lng: z.number() })

export const contactPointSchema = z.strictObject({
  _id: z.string(),
  type: z.enum(CONTACT_POINT_TYPES),
  name: z.string(),
  unitId: z.string(),
  unitPath: z.array(z.string()),
  /** WGS-84; stored in one system so distances never mix systems. */
  location: geoPoint,
  /** The same point as GeoJSON, for CloudBase's 2dsphere index. */
  geo: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  radiusMeters: z.number(),
  cadreOpenids: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.number(),
  version: z.number(),
})
export type ContactPoint = z.infer<typeof contactPointSchema>

/** A contact point as its manager sees it: with the names of the people sent there. */
export const managedContactPointSchema = z.strictObject({
  ...contactPointSchema.shape,
  cadres: z.array(z.strictObject({ openid: z.string(), name: z.string() })),
})

/** A cadre's contact point, with how far it is from where the phone is (when it said). */
export const listedContactPointSchema = z.strictObject({
  ...contactPointSchema.shape,
  distanceMeters: z.nullable(z.number()),
})

export const DEFAULT_RADIUS_METERS = 300

export interface FieldworkSettings {
  /** A fix less accurate than this is refused, with advice to retry outdoors. */
  maxAccuracyMeters: number
  /** A sign-in left open longer than this is closed automatically, its hours capped. */
  openLimitHours: number
  /** Faster than this between two sign-ins is flagged (not blocked). */
  maxTravelKmh: number
  /** Tagged households not visited for this long are listed for a visit. */
  neglectDays: number
}

export const DEFAULT_FIELDWORK_SETTINGS: FieldworkSettings = {
  maxAccuracyMeters: 100,
  openLimitHours: 12,
  maxTravelKmh: 120,
  neglectDays: 30,
}

export const checkinSchema = z.strictObject({
  _id: z.string(),
  openid: z.string(),
  /** Who signed in, as named when they did. */
  personName: z.string(),
  contactPointId: z.string(),
  contactPointName: z.string(),
  /** The contact point's unit with its ancestors: a supervisor sees the sign-ins of his subtree. */
  unitPath: z.array(z.string()),
  signedInAt: z.number(),
  signedOutAt: z.nullable(z.number()),
  /** 下沉时长, set at sign-out (or the automatic close). */
  hours: z.nullable(z.number()),
  /** 未签退: closed by the scheduled job, hours capped. */
  autoClosed: z.boolean(),
  position: geoPoint,
  accuracy: z.number(),
  distanceMeters: z.number(),
  /** The travel from the previous sign-in would have been impossibly fast. */
  suspiciousTravel: z.boolean(),
  /** Where the sign-out happened (WGS-84), when the phone could tell. */
  signOutPosition: z.nullable(geoPoint),
  signOutDistanceMeters: z.nullable(z.number()),
  /** Signed out far from the point (recorded, never refused). */
  signedOutFar: z.boolean(),
  /** Signed out without a position (location refused or unavailable). */
  signOutUnlocated: z.boolean(),
  version: z.number(),
})
export type Checkin = z.infer<typeof checkinSchema>

/**
 * Per person, which sign-in is open. Claimed with a conditional update before a sign-in is stored,
 * so a person never has two open at once, even when two requests race.
 */
export interface Presence {
  _id: string
  openCheckinId: string | null
  /** Whether a sign-in is open: the indexed flag the 未签退 job looks for. */
  open: boolean
  /** When the slot was claimed: a claim whose sign-in never got stored is freed after a grace period. */
  claimedAt: number
  version: number
}

export interface Fix {
  position: GeoPoint
  accuracy: number
}

/**
 * The server's decision on a sign-in: accurate enough, inside the fence, and how fast the person
 * would have travelled since their previous sign-in.
 */
export function decideSignIn(
  point: Pick<ContactPoint, 'location' | 'radiusMeters'>,
  fix: Fix,
  previous: Pick<Checkin, 'position' | 'signedInAt' | 'signedOutAt'> | null,
  now: number,
  settings: FieldworkSettings,
): Result<{ distanceMeters: number; suspiciousTravel: boolean }> {
  if (fix.accuracy > settings.maxAccuracyMeters) {
    return fail(
      'CHECKIN.POOR_ACCURACY',
      `定位精度约 ${Math.round(fix.accuracy)} 米，误差太大。请到室外开阔处稍等片刻再签到（需在 ${settings.maxAccuracyMeters} 米以内）`,
    )
  }
  const distance = distanceMeters(point.location, fix.position)
  if (distance > point.radiusMeters) {
    return fail(
      'CHECKIN.OUTSIDE_FENCE',
      `您距离联系点约 ${Math.round(distance)} 米，需在 ${point.radiusMeters} 米以内才能签到`,
    )
  }
  let suspiciousTravel = false
  if (previous) {
    const since = Math.max(1, now - (previous.signedOutAt ?? previous.signedInAt))
    const kmh = distanceMeters(previous.position, fix.position) / 1000 / (since / HOUR_MS)
    suspiciousTravel = kmh > settings.maxTravelKmh
  }
  return ok({ distanceMeters: Math.round(distance), suspiciousTravel })
}

/** Hours between two instants, to the hundredth (a pair may span midnight). */
function hoursBetween(from: number, to: number): number {
  return Math.round(((to - from) / HOUR_MS) * 100) / 100
}

/**
 * Closes a sign-in at sign-out, noting where: a cadre must always be able to sign out, so a fix
 * far from the point (beyond its radius and the fix's own uncertainty) is flagged, not refused.
 * Past the open limit it is closed as the 未签退 job would have closed it: one rule, whoever is first.
 */
export function signOut(
  checkin: Checkin,
  now: number,
  point: Pick<ContactPoint, 'location' | 'radiusMeters'> | null,
  fix: Fix | null,
  settings: Pick<FieldworkSettings, 'maxAccuracyMeters' | 'openLimitHours'>,
): Checkin {
  const overdue = autoClose(checkin, now, settings)
  if (overdue) return overdue
  const distance = point && fix ? Math.round(distanceMeters(point.location, fix.position)) : null
  const slack = fix ? Math.min(fix.accuracy, settings.maxAccuracyMeters) : 0
  return {
    ...checkin,
    signedOutAt: now,
    hours: hoursBetween(checkin.signedInAt, now),
    signOutPosition: fix?.position ?? null,
    signOutDistanceMeters: distance,
    signedOutFar: point !== null && distance !== null && distance > point.radiusMeters + slack,
    signOutUnlocated: fix === null,
    version: checkin.version + 1,
  }
}

/** 未签退: a sign-in open past the limit is closed with its hours capped at the limit, and flagged. */
export function autoClose(
  checkin: Checkin,
  now: number,
  settings: Pick<FieldworkSettings, 'openLimitHours'>,
): Checkin | null {
  if (checkin.signedOutAt !== null) return null
  const limitMs = settings.openLimitHours * HOUR_MS
  if (now - checkin.signedInAt <= limitMs) return null
  return {
    ...checkin,
    signedOutAt: checkin.signedInAt + limitMs,
    hours: settings.openLimitHours,
    autoClosed: true,
    version: checkin.version + 1,
  }
}
