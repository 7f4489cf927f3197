/** One reading of a monitoring CSV: streamed, summarised and (for the chart) its points; the same wherever it runs. */
import type { TextEncoding } from '../../extract/text-decode'
import { readCemsStream, type CsvSource } from './csv-read'
import { DRAW_ALL_POINTS, seriesPoints, type SeriesPoints } from './series-points'
import { summariseTable, timeOrder, type MonitoringOptions, type MonitoringSummary } from './summarise'

export interface CsvJob {
  source: CsvSource
  options: MonitoringOptions
  /** also the chart's points, thinned beyond DRAW_ALL_POINTS per series */
  points: boolean
}

export interface CsvJobResult {
  /** null when the bytes are not text */
  encoding: TextEncoding | null
  /** null when no monitoring table was found */
  summary: MonitoringSummary | null
  points: SeriesPoints[] | null
  /** why parsing stopped before the end of the file; the rows before it count */
  problem: string | null
}

export async function runCsvJob(job: CsvJob, signal?: AbortSignal): Promise<CsvJobResult> {
  const read = await readCemsStream(job.source, job.options.caseTimeZone, signal)
  if (!read.table) return { encoding: read.encoding, summary: null, points: null, problem: read.problem }
  const order = timeOrder(read.table)
  return {
    encoding: read.encoding,
    summary: summariseTable(read.table, job.options, order),
    points: job.points ? seriesPoints(read.table, DRAW_ALL_POINTS, order) : null,
    problem: read.problem,
  }
}
