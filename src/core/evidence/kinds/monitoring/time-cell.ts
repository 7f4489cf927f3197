/** Time stamp cells of monitoring exports, as the platforms and DCS systems write them. */
import {
  isValidWallTime,
  parseOffset,
  wallTimeAtOffset,
  zoneOffsetMinutes,
  type WallTime,
} from '../../../../shared/time-zone'

/** Six hours: no zone has changed its offset twice within such a span. */
const SPAN_MS = 6 * 3_600_000
/** zone → span of six UTC hours → the zone's offset all through it, or null when it changes within it */
const spanOffsets = new Map<string, Map<number, number | null>>()

/**
 * zoneOffsetMinutes, remembered per six UTC hours: a million time stamps cost a million Intl calls
 * otherwise. A span is remembered only when the offset is the same at both its ends (no zone
 * changes twice within six hours), so the answer is always zoneOffsetMinutes' own.
 */
function offsetAt(zone: string, ms: number): number {
  let spans = spanOffsets.get(zone)
  if (!spans || spans.size > 200_000) spanOffsets.set(zone, (spans = new Map()))
  const span = Math.floor(ms / SPAN_MS)
  let known = spans.get(span)
  if (known === undefined) {
    const first = zoneOffsetMinutes(zone, span * SPAN_MS)
    known = first === zoneOffsetMinutes(zone, span * SPAN_MS + SPAN_MS - 1) ? first : null
    spans.set(span, known)
  }
  return known ?? zoneOffsetMinutes(zone, ms)
}

/** The instant of a wall time in a zone, as shared/time-zone's zonedWallTimeToInstant (same refinement), with remembered offsets. */
function wallTimeInZone(wall: WallTime, zone: string): { ms: number; offsetMinutes: number } {
  const asUtc = wallTimeAtOffset(wall, 0)
  let offset = offsetAt(zone, asUtc)
  let ms = asUtc - offset * 60_000
  const second = offsetAt(zone, ms)
  if (second !== offset) {
    const retry = asUtc - second * 60_000
    if (offsetAt(zone, retry) === second) {
      offset = second
      ms = retry
    }
  }
  return { ms, offsetMinutes: offset }
}

const TIME_RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T\u3000]*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?$/

/** A time stamp read: the instant, the offset it was written in, and whether that offset was the case zone's because the cell gave none. */
export interface ReadTime {
  ms: number
  offsetMinutes: number
  /** true when the cell carried no zone or offset and was read in the case zone */
  zoneAssumed: boolean
}

/** Two digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

/**
 * The one layout nearly every export writes, "2021-05-24 02:00" or "2021-05-24 02:00:00" (T or a
 * space), read without the patterns: a million-row file has as many time stamps. Anything else
 * (another separator, a zone, seconds' fractions, 时/分) goes the pattern's way; both give the same wall time.
 */
function commonWallTime(s: string): WallTime | null {
  const n = s.length
  if (n !== 16 && n !== 19) return null
  const sep = s.charCodeAt(10)
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (sep !== 32 && sep !== 84) ||
    s.charCodeAt(13) !== 58
  )
    return null
  if (n === 19 && s.charCodeAt(16) !== 58) return null
  const century = twoDigits(s, 0)
  const yy = twoDigits(s, 2)
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const hour = twoDigits(s, 11)
  const minute = twoDigits(s, 14)
  const second = n === 19 ? twoDigits(s, 17) : 0
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null
  return { year: century * 100 + yy, month, day, hour, minute, second }
}

/** A local time stamp cell → instant and offset (case zone unless the cell has its own); null when not a time. */
export function parseLocalTime(cell: string, zone: string): ReadTime | null {
  const common = commonWallTime(cell)
  let wall: WallTime
  let offText: string | undefined
  if (common) wall = common
  else {
    // 02时00分 reads as 02:00
    const t = cell
      .trim()
      .replace(/[时分]/g, ':')
      .replace(/秒/g, '')
      .replace(/:+$/, '')
    const m = TIME_RE.exec(t) ?? COMPACT_RE.exec(t)
    if (!m) return null
    wall = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
    }
    offText = m[7]
  }
  // Some exports write the last hour of a day as 24:00.
  let extraMs = 0
  if (wall.hour === 24 && wall.minute === 0 && wall.second === 0) {
    wall.hour = 0
    extraMs = 86_400_000
  }
  if (!isValidWallTime(wall)) return null
  if (offText) {
    const off = parseOffset(offText)
    if (off !== null)
      return { ms: wallTimeAtOffset(wall, off) + extraMs, offsetMinutes: off, zoneAssumed: false }
  }
  const z = wallTimeInZone(wall, zone)
  return { ms: z.ms + extraMs, offsetMinutes: z.offsetMinutes, zoneAssumed: true }
}
