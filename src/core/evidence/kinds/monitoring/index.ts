/** Online monitoring (CEMS) exports: a CSV with a time column and pollutant columns; series and exceedances, read off the event loop. */
import { tooBigToParse } from '../../extract/extract-result'
import type { CoreKindModule } from '../kind-module'
import { dataRangeFits } from './citation'
import { extractMonitoring, looksLikeCemsCsv } from './extract'

/** Streamed, so far larger than a text read whole; beyond this a file is kept unparsed (hostile sizes). */
const MAX_MONITORING_BYTES = 2 * 1024 * 1024 * 1024

export const monitoringModule: CoreKindModule<'monitoring'> = {
  kind: 'monitoring',
  detectionRank: 50,
  claims: (s) =>
    s.mime === 'text/plain' && s.text !== null && looksLikeCemsCsv(s.text) ? { mime: 'text/csv' } : false,
  citations: { 'data-range': dataRangeFits },
  extract: async (ctx) =>
    ctx.size > MAX_MONITORING_BYTES
      ? tooBigToParse(ctx.size)
      : extractMonitoring(
          ctx.path,
          { caseTimeZone: ctx.caseTimeZone, limits: ctx.limits },
          { size: ctx.size, signal: ctx.signal },
        ),
}
