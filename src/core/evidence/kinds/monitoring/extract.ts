/**
 * CEMS (在线监测) exports → per-series statistics and exceedance windows (summarise.ts), read by
 * csv-parse row by row (csv-read.ts); a file larger than a couple of MiB is read on a worker thread
 * (parse-off-thread.ts) so the event loop stays free and cancel works at once.
 */
import type { ExtractFacts } from '../../extract/extract-result'
import { emptyFacts } from '../../extract/extract-result'
import { readCemsText } from './csv-read'
import type { CsvJobResult } from './csv-job'
import { parseOffThread } from './parse-off-thread'
import { seriesPoints, type SeriesPoints } from './series-points'
import {
  summariseTable,
  type MonitoringOptions,
  type MonitoringSummary,
  type SeriesSummary,
} from './summarise'

export type {
  BasisNote,
  ExceedanceWindow,
  MonitoringOptions,
  MonitoringSummary,
  SeriesSummary,
  UnreadableCell,
} from './summarise'
export type { SeriesPoints } from './series-points'
export { parseLocalTime } from './time-cell'

/**
 * Series and exceedances of a decoded CSV text, or null when it is not a monitoring export.
 * Times are written in the case zone (or the cell's own offset); never throws.
 */
export function summariseCems(text: string, opts: MonitoringOptions): MonitoringSummary | null {
  const table = readCemsText(text, opts.caseTimeZone)
  return table ? summariseTable(table, opts) : null
}

/** Every pollutant column's points (for the chart), times in the case zone; null when not a CEMS export. */
export function readCemsSeries(text: string, caseTimeZone: string): SeriesPoints[] | null {
  const table = readCemsText(text, caseTimeZone)
  return table ? seriesPoints(table) : null
}

/** True when a decoded text is a CEMS export this module can read (time column, pollutant column, a timed row). */
export function looksLikeCemsCsv(text: string): boolean {
  return summariseCems(text.slice(0, 256 * 1024).replace(/\n[^\n]*$/, ''), { caseTimeZone: 'UTC' }) !== null
}

/**
 * A CEMS CSV file (UTF-8 ± BOM, UTF-16 or GB18030; comma, tab or semicolon) → meta.series with
 * stats and exceedance windows in the case zone. A file that does not parse yields a warning, not
 * an error; cancel rejects with EvidenceError `cancelled`.
 */
export async function extractMonitoring(
  path: string,
  opts: MonitoringOptions,
  run: { size: number; signal?: AbortSignal; fileName?: string },
): Promise<ExtractFacts> {
  const facts = emptyFacts()
  const read = await parseOffThread({ source: { path }, options: opts, points: false }, run)
  if (read.format === 'hj212') return hj212Facts(read, opts.caseTimeZone)
  if (read.format !== 'csv') return workbookFacts(read, run.fileName ?? 'the workbook', opts.caseTimeZone)
  if (!read.encoding) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message:
        'The monitoring file is not readable text (not UTF-8, UTF-16 or GB18030); no series were read.',
    })
    return facts
  }
  const summary = read.summary
  if (!summary) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: 'No time column with pollutant values was found in the monitoring file; no series were read.',
    })
    facts.meta = { encoding: read.encoding }
    return facts
  }
  if (read.notUtf8After)
    facts.warnings.push({
      code: 'monitoring-encoding-changed',
      message: `The monitoring file was read as UTF-8, as its first MiB is, but line ${read.notUtf8After.line} (byte ${read.notUtf8After.byte}) holds bytes that are not UTF-8: the file may mix encodings, and the characters from there on may show as replacement characters (�). Check the rows from that line in the original.`,
    })
  if (read.problem)
    facts.warnings.push({
      code: 'monitoring-parse-stopped',
      message: `The monitoring file could not be read to its end (${read.problem}); the rows before that point are summarised.`,
    })
  if (summary.skippedRows > 0) {
    facts.warnings.push({
      code: 'rows-skipped',
      message: `${summary.skippedRows} row(s) of the monitoring file had no readable time stamp and were left out of the series.`,
    })
  }
  facts.warnings.push(...zoneWarnings(summary, opts.caseTimeZone))
  facts.warnings.push(...seriesWarnings(summary.series))
  facts.meta = { encoding: read.encoding, ...summary }
  return facts
}

/** The header words a monitoring table is recognised by, for the warning on a file that has none. */
export const EXPECTED_HEADERS =
  'a time column (监测时间, 数据时间, 时间 or 日期) with pollutant columns (SO2, NOx, 颗粒物, …, with 实测/标干/折算浓度), or a long table with 监测因子 and 实测浓度/折算浓度/监测值'

/** A workbook's facts: its sheets' series, or why it stays a document (refused, or no sheet with a table). */
function workbookFacts(read: CsvJobResult, fileName: string, zone: string): ExtractFacts {
  const facts = emptyFacts()
  const kind = read.format === 'xls' ? 'Excel 97–2003 (.xls)' : 'Excel (.xlsx)'
  if (read.refused) {
    facts.warnings.push({
      code: 'monitoring-workbook-refused',
      message: `"${fileName}" was not read as monitoring data: ${read.refused}. The file is kept as it is.`,
    })
    facts.meta = { format: read.format }
    return facts
  }
  const skipped = read.sheets?.skipped ?? []
  const read_ = read.sheets?.read ?? []
  const summary = read.summary
  if (!summary) {
    facts.warnings.push({
      code: 'monitoring-no-table',
      message: `No sheet of the ${kind} workbook "${fileName}" holds a monitoring table: expected ${EXPECTED_HEADERS}. It is kept as a document.${skipped.length > 0 ? ` Sheets looked at: ${skipped.map((s) => `"${s.sheet}"`).join(', ')}.` : ''}`,
    })
    facts.meta = { format: read.format, sheets: { read: read_, skipped } }
    return facts
  }
  if (skipped.length > 0)
    facts.warnings.push({
      code: 'monitoring-sheets-skipped',
      message: `Sheet(s) of "${fileName}" not read as monitoring data: ${skipped.map((s) => `"${s.sheet}" (${s.reason})`).join('; ')}.`,
    })
  for (const cap of read.capped ?? [])
    facts.warnings.push({ code: 'monitoring-capped', message: `"${fileName}", ${cap}.` })
  if (summary.skippedRows > 0)
    facts.warnings.push({
      code: 'rows-skipped',
      message: `${summary.skippedRows} row(s) of the monitoring workbook had no readable time stamp and were left out of the series.`,
    })
  facts.warnings.push(...zoneWarnings(summary, zone))
  facts.warnings.push(...seriesWarnings(summary.series))
  facts.meta = { format: read.format, sheets: { read: read_, skipped }, ...summary }
  return facts
}

/** An HJ 212 log's facts: its series, its bad packets by line, and how its times were read. */
function hj212Facts(read: CsvJobResult, zone: string): ExtractFacts {
  const facts = emptyFacts()
  const report = read.hj212
  const summary = read.summary
  if (report && report.bad.count > 0)
    facts.warnings.push({
      code: 'hj212-bad-packets',
      message: `${report.bad.count} HJ 212 packet(s) failed their length or CRC check and were left out of the series: ${report.bad.lines
        .slice(0, 5)
        .map((b) => `line ${b.line} (${b.problem})`)
        .join('; ')}${report.bad.count > 5 ? '; …' : ''}.`,
    })
  if (report?.split && report.split.kept.count > 0)
    facts.warnings.push({
      code: 'hj212-split-incomplete',
      message: `${report.split.kept.count} HJ 212 message(s) split over several packets (PNUM/PNO) could not be joined and were left out of the series: ${report.split.kept.messages
        .slice(0, 5)
        .map((m) => `QN ${m.qn || '(none)'} CN ${m.cn} at line(s) ${m.lines.join(', ')} (${m.problem})`)
        .join('; ')}${report.split.kept.count > 5 ? '; …' : ''}.`,
    })
  if (report && report.untimed.length > 0)
    facts.warnings.push({
      code: 'rows-skipped',
      message: `${report.untimed.length} HJ 212 data packet(s) have no readable DataTime and were left out of the series, e.g. line ${report.untimed[0]}.`,
    })
  if (!summary) {
    facts.warnings.push({
      code: 'monitoring-no-table',
      message: `The HJ 212 log holds no data packet (CN 2011, 2051, 2061 or 2031) that passed its checks; no series were read.`,
    })
    facts.meta = { format: 'hj212', hj212: report }
    return facts
  }
  facts.warnings.push({
    code: 'hj212-site-time',
    message: `HJ 212 DataTime is the site's local time and carries no zone (HJ 212-2017); it was read in the case zone ${zone}.`,
  })
  facts.warnings.push(...seriesWarnings(summary.series))
  facts.meta = { format: 'hj212', encoding: read.encoding, hj212: report, ...summary }
  return facts
}

/**
 * Times written without a zone or offset (2021-05-24 02:00, an Excel date) are the site's wall
 * clock: they were read in the case zone, which is an assumption the officer must see, as for a
 * photo without an offset. A time with its own offset (+08:00, Z) is not flagged.
 */
function zoneWarnings(summary: MonitoringSummary, zone: string): ExtractFacts['warnings'] {
  const n = summary.zoneAssumedRows ?? 0
  if (n === 0) return []
  const all = summary.rows
  return [
    {
      code: 'monitoring-zone-assumed',
      message: `${n === all ? `All ${n}` : `${n} of ${all}`} time stamp(s) of the monitoring data carry no time zone or UTC offset; they were read in the case zone ${zone}.`,
    },
  ]
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
    const unit = s.unit ?? 'the series unit'
    const tally = (t: Record<string, number>): string =>
      Object.entries(t)
        .map(([u, n]) => `${n} value(s) in ${u}`)
        .join(', ')
    if (s.units && Object.keys(s.units.converted).length > 0)
      out.push({
        code: 'monitoring-unit-converted',
        message: `${s.column}: ${tally(s.units.converted)} converted exactly to ${unit} (by a power of ten, as the unit cell states).`,
      })
    if (s.units && Object.keys(s.units.refused).length > 0)
      out.push({
        code: 'monitoring-unit-refused',
        message: `${s.column}: ${tally(s.units.refused)} cannot be converted exactly to ${unit}; they are left out of the statistics and the chart and never compared with the limit.`,
      })
    if (s.limitUnitRefused)
      out.push({
        code: 'monitoring-unit-refused',
        message: `${s.column}: the file's limit is written in ${s.limitUnitRefused}, which cannot be converted exactly to ${unit}; it is not applied.`,
      })
    if (s.repeated && s.repeated.differing > 0)
      out.push({
        code: 'monitoring-period-repeated',
        message: `${s.column}: ${s.repeated.differing} period(s) were sent twice with different values, e.g. ${s.repeated.named
          .slice(0, 3)
          .map(
            (p) =>
              `${p.time}: line ${p.first.line} ${p.first.text}, ${p.others.map((o) => `line ${o.line} ${o.text}`).join(', ')}`,
          )
          .join(
            '; ',
          )}; the first value is drawn, and these periods are left out of the statistics and exceedances${s.repeated.overLimit > 0 ? ` (${s.repeated.overLimit} of them with a value over the limit)` : ''}.`,
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
