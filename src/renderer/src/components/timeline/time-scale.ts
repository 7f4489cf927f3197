import { formatLocalWithOffset, formatOffset } from '../../../../shared/time-zone'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

/** Shortest and longest visible spans: seconds apart at one end, years of evidence at the other. */
export const MIN_SPAN_MS = 10 * S
export const MAX_SPAN_MS = 20 * 365 * D

export interface View {
  start: number
  end: number
}

/** Fixed-length tick steps; months and years are calendar steps handled separately. */
const FIXED_STEPS = [
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
]
const MONTH_STEPS = [1, 3, 6, 12, 24, 60]

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * The zone's UTC offset in minutes at an instant, like shared `zoneOffsetMinutes`, but with one
 * formatter per zone kept: building an Intl.DateTimeFormat costs about a millisecond, and the
 * axis asks dozens of times per frame while zooming.
 */
export function offsetMinutesAt(zone: string, ms: number): number {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formatters.set(zone, f)
  }
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? ''
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!m) return 0
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

export interface Tick {
  ms: number
  label: string
  /** a day (or year) boundary: the axis writes the date with the offset there */
  major: string | null
}

/** "2021-05-24 04:03:12 +08:00" for an instant in the zone, split into its parts. */
function localParts(ms: number, zone: string): { date: string; time: string; offset: string } {
  const off = offsetMinutesAt(zone, ms)
  const text = formatLocalWithOffset(new Date(ms).toISOString(), off)
  return { date: text.slice(0, 10), time: text.slice(11, 19), offset: formatOffset(off) }
}

/** The instant of local midnight (in `zone`) at or before `ms`. */
function localMidnight(ms: number, zone: string): number {
  const off = offsetMinutesAt(zone, ms) * M
  const midnight = Math.floor((ms + off) / D) * D - off
  // a DST change between midnight and ms moves the offset; one correction settles it
  const off2 = offsetMinutesAt(zone, midnight) * M
  return Math.floor((ms + off2) / D) * D - off2
}

/**
 * Axis ticks for the view, in the case's zone: wall-clock-aligned steps (whole minutes, local
 * midnights, calendar months) chosen so labels sit at least `minGapPx` apart.
 */
export function ticksFor(view: View, widthPx: number, zone: string, minGapPx = 96): Tick[] {
  const span = view.end - view.start
  if (span <= 0 || widthPx <= 0) return []
  const wanted = (span * minGapPx) / widthPx
  const step = FIXED_STEPS.find((s) => s >= wanted)
  if (step === undefined) return monthTicks(view, zone, wanted)
  const ticks: Tick[] = []
  let t: number
  if (step < D) {
    const off = offsetMinutesAt(zone, view.start) * M
    t = Math.ceil((view.start + off) / step) * step - off
  } else {
    t = localMidnight(view.start, zone)
    if (t < view.start) t = localMidnight(t + D + H, zone)
  }
  for (let guard = 0; t <= view.end && guard < 500; guard++) {
    const p = localParts(t, zone)
    const label = step < M ? p.time : step < D ? p.time.slice(0, 5) : p.date.slice(5)
    // the date (or month) with its offset at the first tick and wherever a new one begins
    let major: string | null = null
    if (step < D && (guard === 0 || p.time === '00:00:00')) major = `${p.date} ${p.offset}`
    if (step >= D && (guard === 0 || p.date.endsWith('-01'))) major = `${p.date.slice(0, 7)} ${p.offset}`
    ticks.push({ ms: t, label, major })
    // day steps go midnight to midnight, so a DST day of 23 or 25 hours stays aligned
    t = step < D ? t + step : localMidnight(t + step + H, zone)
  }
  return ticks
}

function monthTicks(view: View, zone: string, wanted: number): Tick[] {
  const months = MONTH_STEPS.find((m) => m * 30 * D >= wanted) ?? 120
  const first = localParts(view.start, zone)
  // Months counted from year 0, rounded up to a whole step: steps of 1, 3, 6 and 12 months then
  // start in January (quarters in Jan/Apr/Jul/Oct), 24 and 60 on years that divide by 2 and 5.
  // (Rounding the month number alone put every year tick on 1 December, labelled with its year.)
  const startIndex = Number(first.date.slice(0, 4)) * 12 + Number(first.date.slice(5, 7)) - 1
  let index = Math.ceil(startIndex / months) * months
  const ticks: Tick[] = []
  for (let guard = 0; guard < 500; guard++, index += months) {
    const year = Math.floor(index / 12)
    const month = (index % 12) + 1
    const approx = Date.UTC(year, month - 1, 1)
    const ms = approx - offsetMinutesAt(zone, approx) * M
    if (ms > view.end) break
    if (ms < view.start) continue
    const p = localParts(ms, zone)
    ticks.push({
      ms,
      label: months >= 12 ? p.date.slice(0, 4) : p.date.slice(0, 7),
      major: month === 1 || ticks.length === 0 ? `${p.date.slice(0, 4)} ${p.offset}` : null,
    })
  }
  return ticks
}

/** A span as its largest whole unit: days, hours, minutes or seconds (for "visible: 2 h"). */
export function spanParts(ms: number): { unit: 'day' | 'hour' | 'minute' | 'second'; count: number } {
  if (ms >= 2 * D) return { unit: 'day', count: Math.round(ms / D) }
  if (ms >= 2 * H) return { unit: 'hour', count: Math.round(ms / H) }
  if (ms >= 2 * M) return { unit: 'minute', count: Math.round(ms / M) }
  return { unit: 'second', count: Math.max(1, Math.round(ms / S)) }
}

/** The view zoomed by `factor` (< 1 zooms in) around the instant `at`, within the span limits. */
export function zoomView(view: View, factor: number, at: number): View {
  const span = view.end - view.start
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span * factor))
  const ratio = span > 0 ? (at - view.start) / span : 0.5
  const start = at - ratio * next
  return { start, end: start + next }
}

/** A view that shows every instant in [from, to] with a margin, never narrower than the minimum span. */
export function fitView(from: number, to: number): View {
  const span = Math.max(MIN_SPAN_MS, (to - from) * 1.1, 60 * S)
  const mid = (from + to) / 2
  return { start: mid - span / 2, end: mid + span / 2 }
}
