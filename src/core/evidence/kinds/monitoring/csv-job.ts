/**
 * One reading of a monitoring file: its format told by content (a CSV/TXT text, an .xlsx or .xls
 * workbook), read, summarised and (for the chart) its points; the same wherever it runs.
 */
import { readFile, stat } from 'node:fs/promises'
import type { TextEncoding } from '../../extract/text-decode'
import { readCemsStream, type CsvSource } from './csv-read'
import { readHj212, type Hj212Report } from './hj212-read'
import { FORMAT_HEAD_BYTES, headOf, monitoringFormatOf, type MonitoringFormat } from './monitoring-format'
import { DRAW_ALL_POINTS, seriesPoints, type SeriesPoints } from './series-points'
import { summariseTable, timeOrder, type MonitoringOptions, type MonitoringSummary } from './summarise'
import { labelTable, summariseTables } from './tables-summary'
import { formatBytes } from './zip-guard'

export interface CsvJob {
  source: CsvSource
  options: MonitoringOptions
  /** also the chart's points, thinned beyond DRAW_ALL_POINTS per series */
  points: boolean
  /** the points whole, never thinned (a comparison needs every value) */
  allPoints?: boolean
}

export interface CsvJobResult {
  format: MonitoringFormat
  /** null when the bytes are not text (always for a workbook) */
  encoding: TextEncoding | null
  /** null when no monitoring table was found */
  summary: MonitoringSummary | null
  points: SeriesPoints[] | null
  /** why parsing stopped before the end of the file; the rows before it count */
  problem: string | null
  /** a workbook's sheets: those read, and those skipped with why */
  sheets?: { read: string[]; skipped: Array<{ sheet: string; reason: string }> }
  /** why a workbook was not opened at all (a cap, damage); the file is kept as it is */
  refused?: string | null
  /** caps met while reading (rows or cells left out), in words */
  capped?: string[]
  /** an HJ 212 log's packets: counted per command, bad ones named by line */
  hj212?: Hj212Report
  /** a CSV read as UTF-8 whose later bytes are not UTF-8: where the first are */
  notUtf8After?: { line: number; byte: number } | null
}

/** A workbook larger than this is not opened (SheetJS holds it whole, several times its size). */
export const MAX_WORKBOOK_BYTES = 128 * 1024 * 1024

/** How many points a series may have before it is thinned for drawing. */
const drawLimit = (job: CsvJob): number => (job.allPoints ? Number.POSITIVE_INFINITY : DRAW_ALL_POINTS)

export async function runCsvJob(job: CsvJob, signal?: AbortSignal): Promise<CsvJobResult> {
  const format = monitoringFormatOf(await headOf(job.source, FORMAT_HEAD_BYTES))
  if (format === 'hj212') return runHj212Job(job, signal)
  if (format !== 'csv') return runSheetJob(job, format)
  const read = await readCemsStream(job.source, job.options.caseTimeZone, signal)
  const notUtf8After = read.notUtf8After ?? null
  if (!read.table)
    return {
      format,
      encoding: read.encoding,
      summary: null,
      points: null,
      problem: read.problem,
      notUtf8After,
    }
  const order = timeOrder(read.table)
  return {
    format,
    notUtf8After,
    encoding: read.encoding,
    summary: summariseTable(read.table, job.options, order),
    points: job.points ? seriesPoints(read.table, drawLimit(job), order) : null,
    problem: read.problem,
  }
}

async function runSheetJob(job: CsvJob, format: 'xlsx' | 'xls'): Promise<CsvJobResult> {
  const none = { format, encoding: null, summary: null, points: null, problem: null }
  const size = 'path' in job.source ? (await stat(job.source.path)).size : job.source.bytes.byteLength
  if (size > MAX_WORKBOOK_BYTES)
    return {
      ...none,
      refused: `the workbook is ${formatBytes(size)}, over the cap of ${formatBytes(MAX_WORKBOOK_BYTES)} for a spreadsheet; it was not opened`,
    }
  const bytes = 'path' in job.source ? await readFile(job.source.path) : job.source.bytes
  // loaded on first use: SheetJS is large, and most imports and commands read no workbook
  const { readSheets } = await import('./sheet-read')
  const read = readSheets(bytes, format, job.options.caseTimeZone)
  const several = read.tables.length > 1
  const tables = read.tables.map((t) => (several ? labelTable(t.table, t.sheet) : t.table))
  const { summary, points } = summariseTables(tables, job.options, job.points, drawLimit(job))
  return {
    ...none,
    summary: summary && { ...summary, delimiter: format },
    points,
    sheets: { read: read.tables.map((t) => t.sheet), skipped: read.skipped },
    refused: read.refused,
    capped: read.capped,
  }
}

/**
 * An HJ 212 log: one table per data command, labelled with the command (the file's own code, "CN
 * 2061") when the log holds several, so hourly and daily data are apart and a limit set for one is
 * never applied to the other; the period words (小时均值, 日均值) name them in the facts.
 */
async function runHj212Job(job: CsvJob, signal?: AbortSignal): Promise<CsvJobResult> {
  const read = await readHj212(job.source, job.options.caseTimeZone, signal)
  const several = read.tables.length > 1
  const tables = read.tables.map((t) => (several ? labelTable(t.table, `CN ${t.command}`) : t.table))
  const { summary, points } = summariseTables(tables, job.options, job.points)
  return {
    format: 'hj212',
    encoding: 'utf-8',
    summary: summary && { ...summary, delimiter: 'hj212' },
    points,
    problem: null,
    hj212: read.report,
  }
}
