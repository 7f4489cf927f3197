/**
 * Two monitoring series on one time axis, period by period: never interpolated, never resampled.
 * A period present in one series and absent from the other is missing on that side; a blank,
 * unreadable or flagged value is shown but not compared; only periods with a valid value on both
 * sides have a difference. Windows join consecutive periods whose |A−B| is over the threshold and
 * break at every period that is not (missing, flagged and blank periods included).
 */
import type {
  ComparisonCounts,
  ComparisonFile,
  ComparisonSide,
  ComparisonThreshold,
  ComparisonWindow,
} from '../../shared/kinds/monitoring-compare'
import { toIsoWithOffset, parseOffset } from '../../shared/time-zone'

/** [instant with offset, value (null: blank or unreadable), data flag when not valid] as a monitoring view gives them. */
export type SeriesPoint =
  [string, number | null, string | null] | [string, number | null, string | null, string]

export interface AlignInput {
  a: SeriesPoint[]
  b: SeriesPoint[]
  periodSec: number
  threshold: ComparisonThreshold
  /** period starts in [start, end) are compared; null: no bound */
  start: string | null
  end: string | null
}

export type AlignResult = Pick<ComparisonFile, 'rows' | 'windows' | 'counts'>

/**
 * a − b without binary noise: readings have at most a few decimals, so 40.1 − 35.1 is 5, not
 * 5.000000000000004, and a difference equal to the threshold is never counted as over it.
 */
export function difference(a: number, b: number): number {
  return Number((a - b).toFixed(9))
}

/** Whether |a − b| is over the threshold (equal is not): absolute in the unit, or percent of |a| (a = 0: any difference). */
export function overThreshold(a: number, b: number, t: ComparisonThreshold): boolean {
  const d = Math.abs(difference(a, b))
  if (t.kind === 'absolute') return d > t.value
  if (a === 0) return d > 0
  return Number((d * 100).toFixed(9)) > Number((t.value * Math.abs(a)).toFixed(9))
}

/** The offset an ISO instant is written with, in minutes (0 for Z). */
function offsetOf(iso: string): number {
  const m = /([+-]\d{2}:?\d{2}|Z)$/.exec(iso)
  return m ? (parseOffset(m[1]) ?? 0) : 0
}

function byInstant(points: SeriesPoint[], from: number, to: number): Map<number, SeriesPoint> {
  const out = new Map<number, SeriesPoint>()
  for (const p of points) {
    const ms = Date.parse(p[0])
    if (Number.isNaN(ms) || ms < from || ms >= to) continue
    // a period written twice keeps its first reading (the view's order is the file's time order)
    if (!out.has(ms)) out.set(ms, p)
  }
  return out
}

const side = (p: SeriesPoint | undefined): ComparisonSide => (p ? [p[1], p[2]] : null)

/** Rows, windows and counts of two series with the same period; times keep the offset A (else B) writes. */
export function alignSeries(input: AlignInput): AlignResult {
  const from = input.start ? Date.parse(input.start) : Number.NEGATIVE_INFINITY
  const to = input.end ? Date.parse(input.end) : Number.POSITIVE_INFINITY
  const a = byInstant(input.a, from, to)
  const b = byInstant(input.b, from, to)
  const instants = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)
  const periodMs = input.periodSec * 1000
  const counts: ComparisonCounts = {
    periods: instants.length,
    compared: 0,
    over: 0,
    missingA: 0,
    missingB: 0,
    blankA: 0,
    blankB: 0,
    flaggedA: {},
    flaggedB: {},
  }
  const rows: ComparisonFile['rows'] = []
  const windows: ComparisonWindow[] = []
  let open: { window: ComparisonWindow; lastMs: number; offset: number; best: number } | null = null
  const close = (): void => {
    if (!open) return
    open.window.end = toIsoWithOffset(open.lastMs + periodMs, open.offset)
    windows.push(open.window)
    open = null
  }
  for (const ms of instants) {
    const pa = a.get(ms)
    const pb = b.get(ms)
    const iso = (pa ?? pb)![0]
    rows.push([iso, side(pa), side(pb)])
    const valid = (p: SeriesPoint | undefined, which: 'A' | 'B'): number | null => {
      if (!p) {
        counts[`missing${which}`]++
        return null
      }
      if (p[1] === null) {
        counts[`blank${which}`]++
        return null
      }
      // the source sent this period twice with different values: which is true is what is in doubt
      if (p.length === 4) {
        counts[`repeated${which}`] = (counts[`repeated${which}`] ?? 0) + 1
        return null
      }
      if (p[2] !== null) {
        const f = counts[`flagged${which}`]
        f[p[2]] = (f[p[2]] ?? 0) + 1
        return null
      }
      return p[1]
    }
    const va = valid(pa, 'A')
    const vb = valid(pb, 'B')
    if (va === null || vb === null) {
      close()
      continue
    }
    counts.compared++
    if (!overThreshold(va, vb, input.threshold)) {
      close()
      continue
    }
    counts.over++
    // a period that does not follow the last one directly is a gap in both series: never joined
    if (open && ms !== open.lastMs + periodMs) close()
    const d = difference(va, vb)
    if (!open) {
      open = {
        window: { start: iso, end: iso, periods: 0, at: iso, a: va, b: vb, difference: d },
        lastMs: ms,
        offset: offsetOf(iso),
        best: Math.abs(d),
      }
    }
    open.window.periods++
    open.lastMs = ms
    if (Math.abs(d) > open.best) {
      open.best = Math.abs(d)
      Object.assign(open.window, { at: iso, a: va, b: vb, difference: d })
    }
  }
  close()
  return { rows, windows, counts }
}
