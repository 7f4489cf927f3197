const zoneValidity = new Map<string, boolean>()

/** True when the runtime knows this IANA zone name (e.g. "Asia/Shanghai"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || typeof zone !== 'string') return false
  // Asked once per imported file: building the formatter is the costly part (about 0.2 ms), and a
  // zone's validity does not change while the program runs.
  const known = zoneValidity.get(zone)
  if (known !== undefined) return known
  let valid = true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
  } catch {
    valid = false
  }
  if (zoneValidity.size < 1000) zoneValidity.set(zone, valid)
  return valid
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (about
 * 0.2 ms against a few µs), and lists, timelines and documents ask for thousands of offsets.
 * Bounded: a hostile package cannot grow it without limit (it is cleared when full).
 */
const OFFSET_FORMATTERS = new Map<string, Intl.DateTimeFormat>()
const MAX_FORMATTERS = 64

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let f = OFFSET_FORMATTERS.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    if (OFFSET_FORMATTERS.size >= MAX_FORMATTERS) OFFSET_FORMATTERS.clear()
    OFFSET_FORMATTERS.set(zone, f)
  }
  return f
}

/** The zone's UTC offset in minutes at the given instant (east of UTC is positive). */
export function zoneOffsetMinutes(zone: string, instantMs: number): number {
  const parts = offsetFormatter(zone)
    .formatToParts(new Date(instantMs))
    .find((p) => p.type === 'timeZoneName')?.value
  // "GMT+08:00", "GMT-03:30" or plain "GMT"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '')
  if (!m) return 0
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

/** The zone a new case starts with where the machine says nothing useful: the officers work in China. */
export const DEFAULT_CASE_TIME_ZONE = 'Asia/Shanghai'

/**
 * Whether a system zone says nothing about where the machine is: UTC and its aliases (a server
 * image, a container, a fresh install), Etc/ zones, or a name this runtime does not know.
 */
export function isPlaceholderZone(zone: string | null | undefined): boolean {
  if (!zone || !isValidTimeZone(zone)) return true
  return /^(utc|gmt|uct|universal|zulu|greenwich|etc\/.*)$/i.test(zone.trim())
}

/** A new case's zone: the system's, unless it is a placeholder (then Asia/Shanghai). */
export function defaultCaseTimeZone(systemZone: string | null | undefined): string {
  return isPlaceholderZone(systemZone) ? DEFAULT_CASE_TIME_ZONE : systemZone!.trim()
}

/** "+08:00" for 480. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** Minutes for "+08:00" / "-0330" / "Z"; null when the text is not an offset. */
export function parseOffset(text: string): number | null {
  if (text === 'Z') return 0
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim())
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

/**
 * An instant shown as local wall time with its offset: "2021-05-24 04:03:12 +08:00".
 * The offset is the one recorded with the evidence, never the viewer's own zone.
 */
export function formatLocalWithOffset(isoInstant: string, offsetMinutes: number): string {
  const ms = Date.parse(isoInstant)
  if (Number.isNaN(ms)) return isoInstant
  const local = new Date(ms + offsetMinutes * 60_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${formatOffset(offsetMinutes)}`
}

/** The system's IANA zone, falling back to UTC when the runtime cannot tell. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** A calendar date and clock reading with no zone attached (what a camera clock or a file name shows). */
export interface WallTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0–999; optional */
  millisecond?: number
}

/** True when the fields form a real calendar date and clock time (leap years checked; no leap seconds). */
export function isValidWallTime(w: WallTime): boolean {
  const ints = [w.year, w.month, w.day, w.hour, w.minute, w.second]
  if (!ints.every((n) => Number.isInteger(n))) return false
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false
  if (w.hour < 0 || w.minute < 0 || w.second < 0) return false
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()
  return w.day <= daysInMonth
}

/** The wall time read as if it were UTC, in epoch ms (a building block, not an instant). */
function wallAsUtcMs(w: WallTime): number {
  const d = new Date(0)
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond ?? 0)
  return d.getTime()
}

/**
 * The instant at which `zone`'s clocks showed `wall`, with the zone's offset then (minutes east).
 * In a DST gap the later offset is used; in a DST overlap the earlier instant. Zone must be valid.
 */
export function zonedWallTimeToInstant(wall: WallTime, zone: string): { ms: number; offsetMinutes: number } {
  const asUtc = wallAsUtcMs(wall)
  // Two refinement steps settle every real zone: the first guess uses the offset near the wall
  // time, the second corrects it when a transition lies between the guess and the answer.
  let offset = zoneOffsetMinutes(zone, asUtc)
  let ms = asUtc - offset * 60_000
  const second = zoneOffsetMinutes(zone, ms)
  if (second !== offset) {
    const retry = asUtc - second * 60_000
    if (zoneOffsetMinutes(zone, retry) === second) {
      offset = second
      ms = retry
    }
  }
  return { ms, offsetMinutes: offset }
}

/** The instant for a wall time at a fixed UTC offset (minutes east). */
export function wallTimeAtOffset(wall: WallTime, offsetMinutes: number): number {
  return wallAsUtcMs(wall) - offsetMinutes * 60_000
}

/**
 * ISO 8601 with the given offset: "2021-05-24T04:03:12+08:00" (milliseconds only when not zero).
 * The instant is unchanged; the offset only decides how it is written.
 */
export function toIsoWithOffset(instantMs: number, offsetMinutes: number): string {
  const local = new Date(instantMs + offsetMinutes * 60_000).toISOString()
  const frac = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23)
  return `${local.slice(0, 19)}${frac}${formatOffset(offsetMinutes)}`
}
