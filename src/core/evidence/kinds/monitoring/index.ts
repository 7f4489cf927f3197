/** Online monitoring (CEMS) exports: an HJ 212-2017 data logger log, a CSV or a workbook (.xlsx/.xls) with a time column and pollutant columns, or a tamper comparison (数据比对) of two; series and exceedances, read off the event loop. */
import {
  COMPARISON_MIME,
  extractComparison,
  looksLikeComparison,
} from '../../../monitoring-compare/comparison-file'
import { tooBigToParse } from '../../extract/extract-result'
import type { CoreKindModule } from '../kind-module'
import { dataRangeFits } from './citation'
import { withDataPeriod } from './data-period'
import { extractMonitoring, looksLikeCemsCsv } from './extract'
import { looksLikeHj212 } from './hj212-read'

/** Spreadsheets read by content (an .xlsx ZIP with xl/workbook.xml, an OLE2 file with a Workbook/Book stream). */
const WORKBOOK_MIMES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
])

/** Streamed, so far larger than a text read whole; beyond this a file is kept unparsed (hostile sizes). */
const MAX_MONITORING_BYTES = 2 * 1024 * 1024 * 1024

export const monitoringModule: CoreKindModule<'monitoring'> = {
  kind: 'monitoring',
  detectionRank: 50,
  // a workbook is looked into at extraction; one without a monitoring table settles as a document
  claims: (s) => {
    if (WORKBOOK_MIMES.has(s.mime)) return true
    if (s.mime !== 'text/plain') return false
    if (looksLikeComparison(s.text)) return { mime: COMPARISON_MIME }
    if (s.text === null) return false
    if (looksLikeHj212(s.text)) return true
    return looksLikeCemsCsv(s.text) ? { mime: 'text/csv' } : false
  },
  // a workbook or an HJ 212 log without a series is kept as a document (the warning says why)
  settle: (facts, ctx) =>
    (WORKBOOK_MIMES.has(ctx.mime) || facts.meta.format === 'hj212') && !Array.isArray(facts.meta.series)
      ? 'document'
      : 'monitoring',
  citations: { 'data-range': dataRangeFits },
  extract: async (ctx) =>
    ctx.mime === COMPARISON_MIME
      ? withDataPeriod(await extractComparison(ctx.path))
      : ctx.size > MAX_MONITORING_BYTES
        ? tooBigToParse(ctx.size)
        : withDataPeriod(
            await extractMonitoring(
              ctx.path,
              { caseTimeZone: ctx.caseTimeZone, limits: ctx.limits },
              { size: ctx.size, signal: ctx.signal, fileName: ctx.fileName },
            ),
          ),
}
