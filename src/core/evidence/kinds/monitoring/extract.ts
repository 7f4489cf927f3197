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
import { parseValue, readCemsTable, type Basis, type CemsTable } from './cems-csv'
import { emptyFacts, type ExtractFacts } from '../../extract/extract-result'

export interface ExceedanceWindow {
  /** ISO 8601 with the case zone's offset */
  start: string
  /** end of the last exceeding period */
  end: string
  max: number
  points: number
}

export interface SeriesSummary {
  pollutant: string
  /** the column header as written */
  column: string
  unit: string | null
  basis: Basis
  points: number
  min: number | null
  max: number | null
  mean: number | null
  limit: number | null
  limitSource: 'file' | 'case' | null
  exceedances: ExceedanceWindow[]
}

export interface MonitoringOptions {
  caseTimeZone: string
  /** case limits per pollutant id (SO2, NOx, PM, …), same unit as the file's concentration */
  limits?: Record<string, number>
}

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
  for (const row of table.body) {
    const cell =
      table.dateColumn !== null
        ? `${row[table.dateColumn] ?? ''} ${row[table.timeColumn] ?? ''}`
        : (row[table.timeColumn] ?? '')
    const t = parseLocalTime(cell, opts.caseTimeZone)
    if (!t) {
      skipped++
      continue
    }
    points.push({ ms: t.ms, off: t.offsetMinutes, row })
  }
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

/** The column that a case limit applies to for a pollutant: the converted (折算) concentration if present, else the measured one. */
function primaryColumn(table: CemsTable, pollutant: string): number | null {
  const cols = table.columns.filter((c) => c.pollutant === pollutant && c.basis !== 'rate')
  return (cols.find((c) => c.basis === 'converted') ?? cols[0])?.index ?? null
}

function summariseColumn(
  table: CemsTable,
  index: number,
  points: Point[],
  intervalMs: number,
  opts: MonitoringOptions,
): SeriesSummary {
  const col = table.columns.find((c) => c.index === index)!
  const isPrimary = primaryColumn(table, col.pollutant) === index
  const limitCol = isPrimary ? table.limitColumns.get(col.pollutant) : undefined
  const rowLimit = table.limitRow.get(index)
  const caseLimit = isPrimary ? opts.limits?.[col.pollutant] : undefined
  const fixedLimit = rowLimit ?? caseLimit ?? null
  const limitSource: SeriesSummary['limitSource'] =
    rowLimit !== undefined || limitCol !== undefined ? 'file' : caseLimit !== undefined ? 'case' : null

  let n = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let firstFileLimit: number | null = null
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
    const v = parseValue(p.row[index] ?? '')
    const lim = limitCol !== undefined ? (parseValue(p.row[limitCol] ?? '') ?? fixedLimit) : fixedLimit
    if (limitCol !== undefined && firstFileLimit === null && lim !== null) firstFileLimit = lim
    if (v === null) {
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
    column: col.header,
    unit: col.unit,
    basis: col.basis,
    points: n,
    min: n > 0 ? min : null,
    max: n > 0 ? max : null,
    mean: n > 0 ? round(sum / n) : null,
    limit: firstFileLimit ?? fixedLimit,
    limitSource,
    exceedances: windows,
  }
}

export interface SeriesPoints {
  pollutant: string
  column: string
  unit: string | null
  basis: Basis
  /** [instant ISO with offset, value or null for an empty/invalid cell], in time order */
  points: Array<[string, number | null]>
}

/** Every pollutant column's raw points (for the chart), times in the case zone; null when not a CEMS export. */
export function readCemsSeries(text: string, caseTimeZone: string): SeriesPoints[] | null {
  const table = readCemsTable(text)
  if (!table) return null
  const rows: Point[] = []
  for (const row of table.body) {
    const cell =
      table.dateColumn !== null
        ? `${row[table.dateColumn] ?? ''} ${row[table.timeColumn] ?? ''}`
        : (row[table.timeColumn] ?? '')
    const t = parseLocalTime(cell, caseTimeZone)
    if (t) rows.push({ ms: t.ms, off: t.offsetMinutes, row })
  }
  rows.sort((a, b) => a.ms - b.ms)
  return table.columns.map((col) => ({
    pollutant: col.pollutant,
    column: col.header,
    unit: col.unit,
    basis: col.basis,
    points: rows.map(
      (p) => [toIsoWithOffset(p.ms, p.off), parseValue(p.row[col.index] ?? '')] as [string, number | null],
    ),
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
  facts.meta = { encoding: dec.encoding, ...summary }
  return facts
}
