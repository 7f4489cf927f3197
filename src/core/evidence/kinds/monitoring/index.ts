/** Online monitoring (CEMS) exports: a CSV with a time column and pollutant columns; series and exceedances. */
import { MAX_TEXT_BYTES, tooBigToParse } from '../../extract/extract-result'
import type { CoreKindModule } from '../kind-module'
import { dataRangeFits } from './citation'
import { extractMonitoring, looksLikeCemsCsv } from './extract'

export const monitoringModule: CoreKindModule<'monitoring'> = {
  kind: 'monitoring',
  detectionRank: 50,
  claims: (s) =>
    s.mime === 'text/plain' && s.text !== null && looksLikeCemsCsv(s.text) ? { mime: 'text/csv' } : false,
  citations: { 'data-range': dataRangeFits },
  extract: async (ctx) =>
    ctx.size > MAX_TEXT_BYTES
      ? tooBigToParse(ctx.size)
      : extractMonitoring(ctx.path, { caseTimeZone: ctx.caseTimeZone, limits: ctx.limits }),
}
