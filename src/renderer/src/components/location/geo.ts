/** Mean Earth radius (IUGG), metres: the radius haversine distances use. */
export const EARTH_RADIUS_M = 6_371_008.8

const rad = (deg: number) => (deg * Math.PI) / 180

export interface LatLon {
  lat: number
  lon: number
}

/** Great-circle distance in metres between two WGS-84 points (haversine, spherical Earth). */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat)
  const dLon = rad(b.lon - a.lon)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The mean position; longitudes averaged as unit vectors so points either side of ±180° still work. */
export function centroid(points: LatLon[]): LatLon {
  const lat = points.reduce((s, p) => s + p.lat, 0) / points.length
  const x = points.reduce((s, p) => s + Math.cos(rad(p.lon)), 0)
  const y = points.reduce((s, p) => s + Math.sin(rad(p.lon)), 0)
  return { lat, lon: (Math.atan2(y, x) * 180) / Math.PI }
}

/**
 * Equirectangular projection around `origin`: metres east (x) and north (y) of it. Good to well
 * under 1% over the few kilometres a case's evidence spans.
 */
export function project(p: LatLon, origin: LatLon): { x: number; y: number } {
  let dLon = p.lon - origin.lon
  if (dLon > 180) dLon -= 360
  if (dLon < -180) dLon += 360
  return {
    x: rad(dLon) * Math.cos(rad(origin.lat)) * EARTH_RADIUS_M,
    y: rad(p.lat - origin.lat) * EARTH_RADIUS_M,
  }
}

/** A round scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than `maxMetres`. */
export function niceMetres(maxMetres: number): number {
  if (!(maxMetres > 0)) return 1
  const pow = 10 ** Math.floor(Math.log10(maxMetres))
  const lead = maxMetres / pow
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * pow
}

/** "850 m", "12.5 m", "1.23 km": metres below a kilometre, kilometres above, to about 0.1%. */
export function formatMetres(m: number): string {
  if (m >= 1000) return `${(m / 1000).toFixed(m >= 100_000 ? 0 : 3)} km`
  if (m >= 100) return `${m.toFixed(0)} m`
  if (m >= 10) return `${m.toFixed(1)} m`
  return `${m.toFixed(2)} m`
}
