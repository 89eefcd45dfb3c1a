import { distanceMeters, fromWgs84, toWgs84 } from '@core/geo'

describe('coordinate systems', () => {
  // Published reference pairs (the coordtransform project's README, for 116.404, 39.915).
  test('WGS-84 → GCJ-02 matches the published pair', () => {
    const gcj = fromWgs84({ lng: 116.404, lat: 39.915 }, 'gcj02')
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 9)
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 9)
  })

  test('GCJ-02 → WGS-84 matches the published pair', () => {
    const wgs = toWgs84({ lng: 116.404, lat: 39.915 }, 'gcj02')
    expect(wgs.lng).toBeCloseTo(116.39775550083061, 9)
    expect(wgs.lat).toBeCloseTo(39.91359571849836, 9)
  })

  test('WGS-84 stays as it is; a round trip comes back within a metre', () => {
    expect(toWgs84({ lat: 30.4, lng: 112.9 }, 'wgs84')).toEqual({ lat: 30.4, lng: 112.9 })
    const start = { lat: 30.4321, lng: 112.8876 }
    expect(distanceMeters(start, toWgs84(fromWgs84(start, 'gcj02'), 'gcj02'))).toBeLessThan(1)
  })

  test('the two systems differ by hundreds of metres in China: mixing them is not harmless', () => {
    const wgs = { lat: 30.4321, lng: 112.8876 }
    expect(distanceMeters(wgs, fromWgs84(wgs, 'gcj02'))).toBeGreaterThan(300)
  })
})

describe('distance (haversine)', () => {
  test.each([
    // One degree of latitude ≈ 111.2 km; one minute ≈ 1853 m.
    [{ lat: 30, lng: 112 }, { lat: 31, lng: 112 }, 111_195, 50],
    [{ lat: 30, lng: 112 }, { lat: 30 + 1 / 60, lng: 112 }, 1_853, 2],
    // Beijing (Tiananmen) to Shanghai (People's Square) ≈ 1,067 km.
    [{ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 }, 1_067_000, 3_000],
    [{ lat: 30, lng: 112 }, { lat: 30, lng: 112 }, 0, 0.001],
  ])('%j → %j ≈ %d m', (a, b, expected, tolerance) => {
    expect(Math.abs(distanceMeters(a, b) - expected)).toBeLessThanOrEqual(tolerance)
  })
})
