/** Online monitoring (CEMS) exports: a CSV or a workbook (.xlsx/.xls) with a time column and pollutant columns; series and exceedances, read off the event loop. */
import { tooBigToParse } from '../../extract/extract-result'
import type { CoreKindModule } from '../kind-module'
import { dataRangeFits } from './citation'
import { withDataPeriod } from './data-period'
import { extractMonitoring, looksLikeCemsCsv } from './extract'

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
  claims: (s) =>
    WORKBOOK_MIMES.has(s.mime) ||
    (s.mime === 'text/plain' && s.text !== null && looksLikeCemsCsv(s.text) ? { mime: 'text/csv' } : false),
  settle: (facts, ctx) =>
    WORKBOOK_MIMES.has(ctx.mime) && !Array.isArray(facts.meta.series) ? 'document' : 'monitoring',
  citations: { 'data-range': dataRangeFits },
  extract: async (ctx) =>
    ctx.size > MAX_MONITORING_BYTES
      ? tooBigToParse(ctx.size)
      : withDataPeriod(
          await extractMonitoring(
            ctx.path,
            { caseTimeZone: ctx.caseTimeZone, limits: ctx.limits },
            { size: ctx.size, signal: ctx.signal, fileName: ctx.fileName },
          ),
        ),
}
