import { describe, expect, it } from 'vitest'
import {
  centroid,
  formatMetres,
  haversineMetres,
  niceMetres,
  project,
} from '../../../src/renderer/src/components/location/geo'

describe('map-free location view', () => {
  it('measures great-circle distances', () => {
    // one degree of latitude is about 111.2 km on the mean sphere
    expect(haversineMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -1)
    // Beijing to Shanghai, checked against the spherical law of cosines (well conditioned at this range)
    const [a, b] = [
      { lat: 39.9042, lon: 116.4074 },
      { lat: 31.2304, lon: 121.4737 },
    ]
    const r = (d: number) => (d * Math.PI) / 180
    const cosines =
      6_371_008.8 *
      Math.acos(
        Math.sin(r(a.lat)) * Math.sin(r(b.lat)) +
          Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon)),
      )
    expect(haversineMetres(a, b)).toBeCloseTo(cosines, 0)
    expect(haversineMetres(a, b) / 1000).toBeGreaterThan(1060)
    expect(haversineMetres(a, b) / 1000).toBeLessThan(1075)
    expect(haversineMetres({ lat: 31, lon: 121 }, { lat: 31, lon: 121 })).toBe(0)
  })

  it('averages longitudes across the antimeridian', () => {
    const c = centroid([
      { lat: 0, lon: 179 },
      { lat: 0, lon: -179 },
    ])
    expect(Math.abs(c.lon)).toBeCloseTo(180, 6)
  })

  it('projects nearby points to metres east and north, matching the great-circle distance', () => {
    const origin = { lat: 31.2304, lon: 121.4737 }
    const p = { lat: 31.2404, lon: 121.4837 }
    const { x, y } = project(p, origin)
    expect(x).toBeGreaterThan(0)
    expect(y).toBeGreaterThan(0)
    expect(Math.hypot(x, y) / haversineMetres(origin, p)).toBeCloseTo(1, 2)
    expect(project({ lat: 0, lon: -179.5 }, { lat: 0, lon: 179.5 }).x).toBeCloseTo(111_195, -2)
  })

  it('picks a round scale bar and writes distances in m or km', () => {
    expect([0, 0.7, 3, 7, 99, 1234].map(niceMetres)).toEqual([1, 0.5, 2, 5, 50, 1000])
    expect(formatMetres(8.5)).toBe('8.50 m')
    expect(formatMetres(12.25)).toBe('12.3 m')
    expect(formatMetres(850)).toBe('850 m')
    expect(formatMetres(1234)).toBe('1.234 km')
    expect(formatMetres(250_000)).toBe('250 km')
  })
})
