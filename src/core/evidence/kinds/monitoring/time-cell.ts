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

/** A local time stamp cell → instant and offset (case zone unless the cell has its own); null when not a time. */
export function parseLocalTime(cell: string, zone: string): ReadTime | null {
  // 02时00分 reads as 02:00
  const t = cell
    .trim()
    .replace(/[时分]/g, ':')
    .replace(/秒/g, '')
    .replace(/:+$/, '')
  const m = TIME_RE.exec(t) ?? COMPACT_RE.exec(t)
  if (!m) return null
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  }
  // Some exports write the last hour of a day as 24:00.
  let extraMs = 0
  if (wall.hour === 24 && wall.minute === 0 && wall.second === 0) {
    wall.hour = 0
    extraMs = 86_400_000
  }
  if (!isValidWallTime(wall)) return null
  const offText = m[7]
  if (offText) {
    const off = parseOffset(offText)
    if (off !== null)
      return { ms: wallTimeAtOffset(wall, off) + extraMs, offsetMinutes: off, zoneAssumed: false }
  }
  const z = wallTimeInZone(wall, zone)
  return { ms: z.ms + extraMs, offsetMinutes: z.offsetMinutes, zoneAssumed: true }
}
