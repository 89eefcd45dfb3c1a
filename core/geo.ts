import gcoord from 'gcoord'
import type { CoordinateSystem } from './case/case'

/** A position in one agreed system: everything stored for distances is WGS-84. */
export interface GeoPoint {
  lat: number
  lng: number
}

const SYSTEMS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const

/**
 * WeChat reports GCJ-02, a browser WGS-84. Mixing them misplaces a point by hundreds of metres in
 * China, so every fix is converted (with gcoord) before any distance is computed.
 */
export function toWgs84(point: GeoPoint, system: CoordinateSystem): GeoPoint {
  if (system === 'wgs84') return { lat: point.lat, lng: point.lng }
  const [lng, lat] = gcoord.transform([point.lng, point.lat], SYSTEMS[system], gcoord.WGS84) as [number, number]
  return { lat, lng }
}

export function fromWgs84(point: GeoPoint, system: CoordinateSystem): GeoPoint {
  if (system === 'wgs84') return { lat: point.lat, lng: point.lng }
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, SYSTEMS[system]) as [number, number]
  return { lat, lng }
}

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine), between two WGS-84 points. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
