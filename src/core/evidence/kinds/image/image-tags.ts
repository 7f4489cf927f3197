/**
 * Pure interpreters of EXIF/XMP tag values as exifr returns them with reviveValues:false (and
 * as exif-lite returns them): capture-time text, GPS rationals with their refs, DJI attitude.
 */
import { isValidWallTime, parseOffset, type WallTime } from '../../../../shared/time-zone'
import { cleanString, toNumber, type GpsFix } from '../../extract/extract-result'

type Dict = Record<string, unknown>

const EXIF_TIME =
  /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/** "2021:05:24 04:03:12" → wall time (+ offset when the text carries one); null for blanks and 0000:00:00. */
export function parseExifTime(text: unknown): { wall: WallTime; offset: number | null } | null {
  const s = cleanString(text)
  if (!s) return null
  const m = EXIF_TIME.exec(s)
  if (!m) return null
  const wall: WallTime = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] }
  if (wall.year < 1900 || !isValidWallTime(wall)) return null
  return { wall, offset: m[7] ? parseOffset(m[7]) : null }
}

/** Degrees from an EXIF rational triple [d, m, s] or a decimal number. */
function dms(v: unknown): number | null {
  if (Array.isArray(v)) {
    const [d, m = 0, s = 0] = v.map((x) => toNumber(x))
    if (d === null || m === null || s === null) return null
    return d + m / 60 + s / 3600
  }
  return toNumber(v)
}

function refByte(v: unknown): number | null {
  if (v instanceof Uint8Array) return v.length > 0 ? v[0] : null
  return toNumber(v)
}

/** Signed WGS-84 position from the EXIF GPS IFD; null when absent, out of range, or the 0,0 "no fix" placeholder. */
export function gpsFromExif(gps: Dict | undefined): GpsFix | null {
  if (!gps) return null
  let lat = dms(gps.GPSLatitude)
  let lon = dms(gps.GPSLongitude)
  if (lat === null || lon === null) return null
  if (
    String(gps.GPSLatitudeRef ?? '')
      .trim()
      .toUpperCase() === 'S'
  )
    lat = -Math.abs(lat)
  if (
    String(gps.GPSLongitudeRef ?? '')
      .trim()
      .toUpperCase() === 'W'
  )
    lon = -Math.abs(lon)
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null
  let alt = toNumber(gps.GPSAltitude)
  if (alt !== null && refByte(gps.GPSAltitudeRef) === 1) alt = -Math.abs(alt)
  return { lat, lon, alt }
}

/** A case-insensitive view of the drone-dji XMP properties. */
export function lowerKeys(d: Dict | undefined): Map<string, unknown> {
  return new Map(Object.entries(d ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
}

/**
 * XMP namespaces drones write their flight facts in: DJI's drone-dji (older bodies: DJI), Parrot's
 * drone-parrot, Skydio's, and the generic Camera/drone ones some makers use.
 */
const DRONE_XMP_NAMESPACES = /^(drone-dji|dji|drone|drone-[\w]+|camera)$/i

/** The first XMP namespace that holds drone attitude or altitude, as exifr split the tags; null when none does. */
export function droneXmpTags(tags: Dict): Dict | null {
  for (const [ns, value] of Object.entries(tags)) {
    if (!DRONE_XMP_NAMESPACES.test(ns) || !value || typeof value !== 'object') continue
    if (droneFromXmp(value as Dict)) return value as Dict
  }
  return null
}

/** DJI flight and gimbal attitude (degrees) and altitudes (metres); values may be strings like "+32.50". */
export function droneFromXmp(d: Dict | undefined): Record<string, number | null> | null {
  if (!d) return null
  const x = lowerKeys(d)
  const drone = {
    absoluteAltitude: toNumber(x.get('absolutealtitude')),
    relativeAltitude: toNumber(x.get('relativealtitude')),
    // Parrot names the gimbal "camera"
    gimbalYaw: toNumber(x.get('gimbalyawdegree') ?? x.get('camerayawdegree')),
    gimbalPitch: toNumber(x.get('gimbalpitchdegree') ?? x.get('camerapitchdegree')),
    gimbalRoll: toNumber(x.get('gimbalrolldegree') ?? x.get('camerarolldegree')),
    flightYaw: toNumber(x.get('flightyawdegree')),
    flightPitch: toNumber(x.get('flightpitchdegree')),
    flightRoll: toNumber(x.get('flightrolldegree')),
  }
  return Object.values(drone).some((v) => v !== null) ? drone : null
}
