/**
 * CEMS (在线监测) CSV exports → per-pollutant series statistics and exceedance windows.
 *
 * Rules (what an enforcement officer reads off the chart):
 * - a value above the limit is an exceedance; a value equal to it is not;
 * - time stamps are period starts in local time: an hourly point at 02:00 covers 02:00–03:00, so
 *   exceeding points at 02:00 and 03:00 make one window 02:00–04:00;
 * - a window breaks at a point that does not exceed, at a missing or invalid value, and at a
 *   gap in the time stamps longer than the data interval.
 * The limit comes from the file (a limit column or row) when it has one, else from the case.
 */
import { readFile } from 'node:fs/promises'
import {
  isValidWallTime,
  parseOffset,
  toIsoWithOffset,
  wallTimeAtOffset,
  zonedWallTimeToInstant,
  type WallTime,
} from '../../../../shared/time-zone'
import { decodeText, normaliseText } from '../../extract/text-decode'
import { groupKey, parseValue, readCell, readCemsTable, type Basis, type CemsTable } from './cems-csv'
import { emptyFacts, type ExtractFacts } from '../../extract/extract-result'

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

/** A cell that holds neither a number nor a blank: kept as written, named by line and column. */
export interface UnreadableCell {
  row: number
  column: string
  text: string
}

export interface SeriesSummary {
  pollutant: string
  /** the outlet a long table names (排放口); absent for a one-outlet file */
  outlet?: string
  /** the column header as written */
  column: string
  unit: string | null
  basis: Basis
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
}

export interface MonitoringOptions {
  caseTimeZone: string
  /** case limits per pollutant id (SO2, NOx, PM, …), same unit as the file's concentration */
  limits?: Record<string, number>
  /** the basis an officer chose per pollutant id, with a reason recorded elsewhere */
  bases?: Record<string, Basis>
}

/** Flue-gas factors: their emission limits are set on the 折算 (reference-oxygen) concentration. */
const REFERENCE_OXYGEN_FACTORS = new Set(['SO2', 'NOx', 'NO2', 'PM', 'CO', 'HCl', 'Hg', 'NH3'])

/** Cells that say "no value" rather than a wrong one: blank, dashes, slashes. */
const NO_VALUE = /^(|-+|—+|\/|NA|N\/A|null)$/i

/** Only valid data count: no flag, or N (正常). */
const isValidFlag = (flag: string | null): boolean => flag === null || flag === 'N'

export interface MonitoringSummary {
  series: SeriesSummary[]
  rows: number
  skippedRows: number
  intervalSec: number | null
  start: string | null
  end: string | null
  timeColumn: string
  delimiter: string
  info: Record<string, string>
}

const TIME_RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T\u3000]*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?$/

/** A local time stamp cell → instant and offset (case zone unless the cell has its own); null when not a time. */
export function parseLocalTime(cell: string, zone: string): { ms: number; offsetMinutes: number } | null {
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
    if (off !== null) return { ms: wallTimeAtOffset(wall, off) + extraMs, offsetMinutes: off }
  }
  const z = zonedWallTimeToInstant(wall, zone)
  return { ms: z.ms + extraMs, offsetMinutes: z.offsetMinutes }
}

interface Point {
  ms: number
  off: number
  row: string[]
  /** line number in the file */
  line: number
}

/** The most common step between time stamps (the smaller on a tie): the data interval, robust to gaps. */
function commonStep(xs: number[]): number | null {
  if (xs.length === 0) return null
  const freq = new Map<number, number>()
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1)
  let best = xs[0]
  for (const [x, n] of freq) {
    const bn = freq.get(best) ?? 0
    if (n > bn || (n === bn && x < best)) best = x
  }
  return best
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6

/**
 * Series and exceedances of a decoded CSV text, or null when it is not a monitoring export.
 * Times are written in the case zone (or the cell's own offset); never throws.
 */
export function summariseCems(text: string, opts: MonitoringOptions): MonitoringSummary | null {
  const table = readCemsTable(text)
  if (!table) return null
  const points: Point[] = []
  let skipped = 0
  table.body.forEach((row, i) => {
    const cell =
      table.dateColumn !== null
        ? `${row[table.dateColumn] ?? ''} ${row[table.timeColumn] ?? ''}`
        : (row[table.timeColumn] ?? '')
    const t = parseLocalTime(cell, opts.caseTimeZone)
    if (!t) skipped++
    else points.push({ ms: t.ms, off: t.offsetMinutes, row, line: table.bodyLines[i] })
  })
  if (points.length === 0) return null
  points.sort((a, b) => a.ms - b.ms)
  const diffs: number[] = []
  for (let i = 1; i < points.length; i++)
    if (points[i].ms > points[i - 1].ms) diffs.push(points[i].ms - points[i - 1].ms)
  const intervalMs = commonStep(diffs)

  const series = table.columns.map((col) =>
    summariseColumn(table, col.index, points, intervalMs ?? 3_600_000, opts),
  )
  const first = points[0]
  const last = points[points.length - 1]
  return {
    series,
    rows: points.length,
    skippedRows: skipped,
    intervalSec: intervalMs === null ? null : intervalMs / 1000,
    start: toIsoWithOffset(first.ms, first.off),
    end: toIsoWithOffset(last.ms + (intervalMs ?? 0), last.off),
    timeColumn: table.headers[table.timeColumn] ?? '',
    delimiter: table.delimiter === '\t' ? 'tab' : table.delimiter,
    info: table.info,
  }
}

/**
 * The column a factor is judged on, and why: the officer's choice; else 折算; else 实测 (with a
 * warning for a flue-gas factor); never 标干 unless an officer chose it.
 */
function judgedColumn(
  table: CemsTable,
  group: string,
  pollutant: string,
  chosen: Basis | undefined,
): { index: number | null; note: BasisNote | null } {
  const cols = table.columns.filter((c) => groupKey(c.outlet, c.pollutant) === group && c.basis !== 'rate')
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

function summariseColumn(
  table: CemsTable,
  index: number,
  points: Point[],
  intervalMs: number,
  opts: MonitoringOptions,
): SeriesSummary {
  const col = table.columns.find((c) => c.index === index)!
  const group = groupKey(col.outlet, col.pollutant)
  const judged = judgedColumn(table, group, col.pollutant, opts.bases?.[group])
  const isJudged = judged.index === index
  const limitCol = isJudged ? table.limitColumns.get(group) : undefined
  // a limit row's value is the factor's limit: it applies to the judged column, whichever column it sits under
  const rowLimit = isJudged
    ? [...table.limitRow].find(
        ([i]) => table.columns.find((c) => c.index === i)?.pollutant === col.pollutant,
      )?.[1]
    : undefined
  const caseLimit = isJudged ? opts.limits?.[group] : undefined
  const fixedLimit = rowLimit ?? caseLimit ?? null
  const flagCol = table.flagColumns.get(group)

  let n = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let firstFileLimit: number | null = null
  const flagged: Record<string, number> = {}
  const unreadable: SeriesSummary['unreadable'] = { count: 0, cells: [] }
  const windows: ExceedanceWindow[] = []
  let open: {
    startMs: number
    startOff: number
    lastMs: number
    lastOff: number
    max: number
    points: number
  } | null = null
  const closeWindow = (): void => {
    if (!open) return
    windows.push({
      start: toIsoWithOffset(open.startMs, open.startOff),
      end: toIsoWithOffset(open.lastMs + intervalMs, open.lastOff),
      max: open.max,
      points: open.points,
    })
    open = null
  }

  for (const p of points) {
    const raw = (p.row[index] ?? '').trim()
    const cell = readCell(raw)
    const flag = cell.flag ?? (flagCol !== undefined ? readFlag(p.row[flagCol] ?? '') : null)
    const fileLimit = limitCol !== undefined ? parseValue(p.row[limitCol] ?? '') : null
    const lim = fileLimit ?? fixedLimit
    if (firstFileLimit === null && fileLimit !== null) firstFileLimit = fileLimit
    const v = cell.value
    if (v === null) {
      if (!NO_VALUE.test(raw)) {
        unreadable.count++
        if (unreadable.cells.length < 20)
          unreadable.cells.push({ row: p.line, column: col.header, text: raw })
      }
      closeWindow()
      continue
    }
    if (!isValidFlag(flag)) {
      flagged[flag!] = (flagged[flag!] ?? 0) + 1
      closeWindow()
      continue
    }
    n++
    sum += v
    min = Math.min(min, v)
    max = Math.max(max, v)
    const exceeds = lim !== null && v > lim
    if (!exceeds) {
      closeWindow()
      continue
    }
    // A gap longer than one interval (missing hours) ends the window.
    if (open && p.ms - open.lastMs > intervalMs * 1.5) closeWindow()
    if (!open) open = { startMs: p.ms, startOff: p.off, lastMs: p.ms, lastOff: p.off, max: v, points: 1 }
    else {
      open.lastMs = p.ms
      open.lastOff = p.off
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
    periodSec: intervalMs / 1000,
    points: n,
    flagged,
    unreadable,
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
  }
}

/** A separate flag cell ("D", "N", "(D)"); null when blank. */
function readFlag(cell: string): string | null {
  const m = /^[(（]?([A-Za-z]{1,3})[)）]?$/.exec(cell.trim())
  return m ? m[1].toUpperCase() : null
}

export interface SeriesPoints {
  pollutant: string
  outlet?: string
  column: string
  unit: string | null
  basis: Basis
  /** [instant ISO with offset, value or null for an empty/invalid cell, data flag other than N or null], in time order */
  points: Array<[string, number | null, string | null]>
}

/** Every pollutant column's raw points (for the chart), times in the case zone; null when not a CEMS export. */
export function readCemsSeries(text: string, caseTimeZone: string): SeriesPoints[] | null {
  const table = readCemsTable(text)
  if (!table) return null
  const rows: Point[] = []
  table.body.forEach((row, i) => {
    const cell =
      table.dateColumn !== null
        ? `${row[table.dateColumn] ?? ''} ${row[table.timeColumn] ?? ''}`
        : (row[table.timeColumn] ?? '')
    const t = parseLocalTime(cell, caseTimeZone)
    if (t) rows.push({ ms: t.ms, off: t.offsetMinutes, row, line: table.bodyLines[i] })
  })
  rows.sort((a, b) => a.ms - b.ms)
  return table.columns.map((col) => ({
    pollutant: col.pollutant,
    ...(col.outlet ? { outlet: col.outlet } : {}),
    column: col.header,
    unit: col.unit,
    basis: col.basis,
    points: rows.map((p): [string, number | null, string | null] => {
      const cell = readCell(p.row[col.index] ?? '')
      const flagCol = table.flagColumns.get(groupKey(col.outlet, col.pollutant))
      const flag = cell.flag ?? (flagCol !== undefined ? readFlag(p.row[flagCol] ?? '') : null)
      return [toIsoWithOffset(p.ms, p.off), cell.value, isValidFlag(flag) ? null : flag]
    }),
  }))
}

/** True when a decoded text is a CEMS export this module can read (time column, pollutant column, a timed row). */
export function looksLikeCemsCsv(text: string): boolean {
  return summariseCems(text.slice(0, 256 * 1024).replace(/\n[^\n]*$/, ''), { caseTimeZone: 'UTC' }) !== null
}

/**
 * A CEMS CSV file (UTF-8 or GB18030, comma/tab/semicolon) → meta.series with stats and
 * exceedance windows in the case zone. A file that does not parse yields a warning, not an error.
 */
export async function extractMonitoring(
  path: string,
  opts: MonitoringOptions,
): Promise<ExtractFacts & { text?: string }> {
  const facts = emptyFacts()
  const buf = await readFile(path)
  const dec = decodeText(buf)
  if (!dec) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message:
        'The monitoring file is not readable text (not UTF-8, UTF-16 or GB18030); no series were read.',
    })
    return facts
  }
  const text = normaliseText(dec.text)
  const summary = summariseCems(text, opts)
  if (!summary) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: 'No time column with pollutant values was found in the monitoring file; no series were read.',
    })
    facts.meta = { encoding: dec.encoding }
    return facts
  }
  if (summary.skippedRows > 0) {
    facts.warnings.push({
      code: 'rows-skipped',
      message: `${summary.skippedRows} row(s) of the monitoring file had no readable time stamp and were left out of the series.`,
    })
  }
  facts.warnings.push(...seriesWarnings(summary.series))
  facts.meta = { encoding: dec.encoding, ...summary }
  return facts
}

/** What the officer must know before reading the facts: the basis compared, flagged and unreadable values. */
export function seriesWarnings(series: SeriesSummary[]): ExtractFacts['warnings'] {
  const out: ExtractFacts['warnings'] = []
  for (const s of series) {
    if (s.basisNote === 'measured-only')
      out.push({
        code: 'monitoring-measured-only',
        message: `${s.pollutant}: the file has only the measured (实测) concentration "${s.column}", no 折算 (reference-oxygen) column; a limit set on 折算 is compared with 实测 values here.`,
      })
    if (s.basisNote === 'dry-only')
      out.push({
        code: 'monitoring-dry-only',
        message: `${s.pollutant}: the file has only the standard-dry (标干) concentration "${s.column}", which is not converted to reference oxygen; it is not compared with the limit unless an officer sets the basis.`,
      })
    const flagged = Object.entries(s.flagged)
    if (flagged.length > 0)
      out.push({
        code: 'monitoring-values-flagged',
        message: `${s.column}: ${flagged.map(([f, n]) => `${n} value(s) flagged ${f}`).join(', ')}; only valid data (flag N or none) count.`,
      })
    if (s.unreadable.count > 0)
      out.push({
        code: 'monitoring-values-unreadable',
        message: `${s.column}: ${s.unreadable.count} cell(s) are not numbers and were kept as written, e.g. ${s.unreadable.cells
          .slice(0, 3)
          .map((c) => `line ${c.row} "${c.text}"`)
          .join(', ')}.`,
      })
  }
  return out
}
