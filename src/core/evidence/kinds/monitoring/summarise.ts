/**
 * A compact monitoring table → per-series statistics and exceedance windows.
 *
 * Rules (what an enforcement officer reads off the chart):
 * - a value above the limit is an exceedance; a value equal to it is not;
 * - time stamps are period starts in local time: an hourly point at 02:00 covers 02:00–03:00, so
 *   exceeding points at 02:00 and 03:00 make one window 02:00–04:00;
 * - a window breaks at a point that does not exceed, at a missing or invalid value, and at a
 *   gap in the time stamps longer than the data interval.
 * The limit comes from the file (a limit column or row) when it has one, else from the case.
 */
import { toIsoWithOffset } from '../../../../shared/time-zone'
import { groupKey, type Basis, type Statistic } from './cems-csv'
import {
  CELL_NUMBER,
  type CompactColumn,
  type CompactTable,
  type UnitNotes,
  type UnreadableCell,
} from './compact-table'
import { columnRepeats, drawnValue, sameInstantRuns } from './repeats'
import { convertExactly, exactFactor } from './units'

export type { UnreadableCell } from './compact-table'

export interface ExceedanceWindow {
  /** ISO 8601 with the case zone's offset */
  start: string
  /** end of the last exceeding period */
  end: string
  max: number
  points: number
}

/** Why the series a limit is compared with is the one it is (or why none is). */
export type BasisNote =
  /** only 实测 exists for a flue-gas factor whose limit is set on 折算: compared with 实测, said so */
  | 'measured-only'
  /** only 标干 (and no 折算/实测): 标干 is never taken for 折算, so nothing is compared */
  | 'dry-only'
  /** an officer chose the basis, with a reason */
  | 'officer'

export interface SeriesSummary {
  pollutant: string
  /** the outlet a long table names (排放口); absent for a one-outlet file */
  outlet?: string
  /** the column header as written */
  column: string
  unit: string | null
  basis: Basis
  /** a period's minimum, maximum or cumulative amount (HJ 212 -Min/-Max/-Cou): shown, never compared with a limit */
  statistic?: Statistic
  /** the data period in seconds, read from the time stamps (3600 = hourly) */
  periodSec: number | null
  /** valid values (no flag or flag N): the only ones in the statistics and exceedances */
  points: number
  /** values with another data flag, per flag (D: 3): left out of the statistics and exceedances */
  flagged: Record<string, number>
  /** cells that are neither numbers nor blank, counted; the first ones named */
  unreadable: { count: number; cells: UnreadableCell[] }
  min: number | null
  max: number | null
  mean: number | null
  /** true for the one series of this factor that the limit is compared with */
  judged: boolean
  basisNote: BasisNote | null
  limit: number | null
  limitSource: 'file' | 'case' | null
  exceedances: ExceedanceWindow[]
  /** values written in another unit: converted exactly, or left out (not comparable) */
  units?: UnitNotes
  /** the unit of the file's limit column when it cannot be converted exactly to the series' unit (the limit is then not applied) */
  limitUnitRefused?: string
  /** periods sent more than once (repeats.ts); absent when every period was sent once */
  repeated?: RepeatedPeriods
}

/** A period sent twice with different values, named: the value drawn (the first in the file) and the others, each with its line. */
export interface RepeatedPeriod {
  /** the period's start, ISO with its offset */
  time: string
  first: { line: number; text: string }
  others: Array<{ line: number; text: string }>
}

export interface RepeatedPeriods {
  /** later values equal to the first: counted once */
  identical: number
  /** periods with different values: drawn with the first, left out of the statistics and windows */
  differing: number
  /** of those, periods where a valid value (either one) is over the limit */
  overLimit: number
  /** the first NAMED_REPEATS of them, in time order */
  named: RepeatedPeriod[]
}

/** Periods with different values named one by one in the facts; the rest are counted. */
const NAMED_REPEATS = 20

export interface MonitoringOptions {
  caseTimeZone: string
  /** case limits per pollutant id (SO2, NOx, PM, …), same unit as the file's concentration */
  limits?: Record<string, number>
  /** the basis an officer chose per pollutant id, with a reason recorded elsewhere */
  bases?: Record<string, Basis>
}

export interface MonitoringSummary {
  series: SeriesSummary[]
  rows: number
  skippedRows: number
  /** rows whose time carried no zone or UTC offset and was read in the case zone; absent when every time had its own */
  zoneAssumedRows?: number
  intervalSec: number | null
  start: string | null
  end: string | null
  timeColumn: string
  delimiter: string
  info: Record<string, string>
}

/** Flue-gas factors: their emission limits are set on the 折算 (reference-oxygen) concentration. */
const REFERENCE_OXYGEN_FACTORS = new Set(['SO2', 'NOx', 'NO2', 'PM', 'CO', 'HCl', 'Hg', 'NH3'])

const round = (x: number): number => Math.round(x * 1e6) / 1e6

/** The rows in time order (stable: rows at the same instant keep their file order). */
export function timeOrder(table: CompactTable): Uint32Array {
  const order = new Uint32Array(table.rows)
  for (let i = 0; i < order.length; i++) order[i] = i
  const t = table.times
  let sorted = true
  for (let i = 1; i < t.length && sorted; i++) if (t[i] < t[i - 1]) sorted = false
  if (!sorted) order.sort((a, b) => t[a] - t[b] || a - b)
  return order
}

/** The most common step between time stamps (the smaller on a tie): the data interval, robust to gaps. */
function commonStep(table: CompactTable, order: Uint32Array): number | null {
  const freq = new Map<number, number>()
  for (let p = 1; p < order.length; p++) {
    const d = table.times[order[p]] - table.times[order[p - 1]]
    if (d > 0) freq.set(d, (freq.get(d) ?? 0) + 1)
  }
  let best: number | null = null
  let bestN = 0
  for (const [x, n] of freq)
    if (n > bestN || (n === bestN && best !== null && x < best)) {
      best = x
      bestN = n
    }
  return best
}

/** Series and exceedances of a table; null when it has no timed row. Times in the case zone (or the cell's own offset). */
export function summariseTable(
  table: CompactTable,
  opts: MonitoringOptions,
  order = timeOrder(table),
): MonitoringSummary | null {
  if (table.rows === 0) return null
  const intervalMs = table.periodMs ?? commonStep(table, order)
  const runs = sameInstantRuns(table, order)
  const series = table.columns.map((col) =>
    summariseColumn(table, col, order, runs, intervalMs ?? 3_600_000, opts),
  )
  const first = order[0]
  const last = order[order.length - 1]
  return {
    series,
    rows: table.rows,
    skippedRows: table.skippedRows,
    ...(table.zoneAssumedRows ? { zoneAssumedRows: table.zoneAssumedRows } : {}),
    intervalSec: intervalMs === null ? null : intervalMs / 1000,
    start: toIsoWithOffset(table.times[first], table.offsets[first]),
    end: toIsoWithOffset(table.times[last] + (intervalMs ?? 0), table.offsets[last]),
    timeColumn: table.timeHeader,
    delimiter: table.delimiter === '\t' ? 'tab' : table.delimiter,
    info: table.info,
  }
}

/**
 * The column a factor is judged on, and why: the officer's choice; else 折算; else 实测 (with a
 * warning for a flue-gas factor); never 标干 unless an officer chose it.
 */
function judgedColumn(
  table: CompactTable,
  group: string,
  pollutant: string,
  chosen: Basis | undefined,
): { index: number | null; note: BasisNote | null } {
  // a period's minimum, maximum or cumulative amount is never the value a limit is compared with
  const cols = table.columns.filter(
    (c) => groupKey(c.outlet, c.pollutant) === group && c.basis !== 'rate' && !c.statistic,
  )
  if (chosen) {
    const c = cols.find((x) => x.basis === chosen)
    if (c) return { index: c.index, note: 'officer' }
  }
  const converted = cols.find((c) => c.basis === 'converted')
  if (converted) return { index: converted.index, note: null }
  const measured = cols.find((c) => c.basis === 'measured')
  if (measured)
    return { index: measured.index, note: REFERENCE_OXYGEN_FACTORS.has(pollutant) ? 'measured-only' : null }
  return { index: null, note: cols.some((c) => c.basis === 'dry') ? 'dry-only' : null }
}

/** Only valid data count: no flag, or N (正常). */
export function isValidFlag(table: CompactTable, code: number): boolean {
  return code === 0 || table.flagNames[code - 1] === 'N'
}

function summariseColumn(
  table: CompactTable,
  col: CompactColumn,
  order: Uint32Array,
  runs: Array<[number, number]>,
  intervalMs: number,
  opts: MonitoringOptions,
): SeriesSummary {
  const repeats = columnRepeats(table, col, runs, order)
  const repeated: RepeatedPeriods = { identical: repeats.identical, differing: 0, overLimit: 0, named: [] }
  const group = groupKey(col.outlet, col.pollutant)
  const judged = judgedColumn(table, group, col.pollutant, opts.bases?.[group])
  const isJudged = judged.index === col.index
  const limitCol = isJudged ? table.limitColumns.get(group) : undefined
  // a limit row's value is the factor's limit: it applies to the judged column, whichever column it sits under
  const rowLimit = isJudged
    ? [...table.limitRow].find(
        ([i]) => table.columns.find((c) => c.index === i)?.pollutant === col.pollutant,
      )?.[1]
    : undefined
  const caseLimit = isJudged ? opts.limits?.[group] : undefined
  // a file limit written in another unit than the series: converted when the factor is exact, else not applied
  const limitUnit = limitCol !== undefined ? table.limitUnits?.get(group) : undefined
  const limitFactor = limitUnit && col.unit ? exactFactor(limitUnit, col.unit) : 1
  const fixedLimit = rowLimit ?? caseLimit ?? null

  let n = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let firstFileLimit: number | null = null
  const flagged: Record<string, number> = {}
  const windows: ExceedanceWindow[] = []
  let open: { start: number; last: number; max: number; points: number } | null = null
  const closeWindow = (): void => {
    if (!open) return
    windows.push({
      start: toIsoWithOffset(table.times[open.start], table.offsets[open.start]),
      end: toIsoWithOffset(table.times[open.last] + intervalMs, table.offsets[open.last]),
      max: open.max,
      points: open.points,
    })
    open = null
  }

  for (let p = 0; p < order.length; p++) {
    const i = order[p]
    const fileLimit =
      limitCol !== undefined && limitFactor !== null && !Number.isNaN(limitCol[i])
        ? convertExactly(limitCol[i], limitFactor)
        : null
    const lim = fileLimit ?? fixedLimit
    if (firstFileLimit === null && fileLimit !== null) firstFileLimit = fileLimit
    // a later row of a period already read for this column: its value is judged with the period's first
    if (repeats.skip.has(i)) continue
    const others = repeats.differing.get(i)
    if (others) {
      // sent with different values: neither is a finding (repeats.ts), but an exceedance in either is counted
      closeWindow()
      repeated.differing++
      const first = drawnValue(table, col, i)
      if (lim !== null && [first, ...others].some((v) => v.valid !== null && v.valid > lim))
        repeated.overLimit++
      if (repeated.named.length < NAMED_REPEATS)
        repeated.named.push({
          time: toIsoWithOffset(table.times[i], table.offsets[i]),
          first: { line: first.line, text: first.text },
          others: others.map((o) => ({ line: o.line, text: o.text })),
        })
      continue
    }
    if (col.states[i] !== CELL_NUMBER) {
      closeWindow()
      continue
    }
    const flag = col.flags[i]
    if (!isValidFlag(table, flag)) {
      const name = table.flagNames[flag - 1]
      flagged[name] = (flagged[name] ?? 0) + 1
      closeWindow()
      continue
    }
    const v = col.values[i]
    n++
    sum += v
    if (v < min) min = v
    if (v > max) max = v
    if (lim === null || !(v > lim)) {
      closeWindow()
      continue
    }
    // A gap longer than one interval (missing hours) ends the window.
    if (open && table.times[i] - table.times[open.last] > intervalMs * 1.5) closeWindow()
    if (!open) open = { start: i, last: i, max: v, points: 1 }
    else {
      open.last = i
      open.max = Math.max(open.max, v)
      open.points++
    }
  }
  closeWindow()
  return {
    pollutant: col.pollutant,
    ...(col.outlet ? { outlet: col.outlet } : {}),
    column: col.header,
    unit: col.unit,
    basis: col.basis,
    ...(col.statistic ? { statistic: col.statistic } : {}),
    periodSec: intervalMs / 1000,
    points: n,
    flagged,
    unreadable: col.unreadable,
    min: n > 0 ? min : null,
    max: n > 0 ? max : null,
    mean: n > 0 ? round(sum / n) : null,
    judged: isJudged,
    basisNote: isJudged || (judged.index === null && col.basis === 'dry') ? judged.note : null,
    limit: firstFileLimit ?? fixedLimit,
    // a limit column left blank for this factor is no limit from the file
    limitSource:
      rowLimit !== undefined || firstFileLimit !== null ? 'file' : caseLimit !== undefined ? 'case' : null,
    exceedances: windows,
    ...(col.units ? { units: col.units } : {}),
    ...(limitFactor === null && limitUnit ? { limitUnitRefused: limitUnit } : {}),
    ...(repeated.identical > 0 || repeated.differing > 0 ? { repeated } : {}),
  }
}
