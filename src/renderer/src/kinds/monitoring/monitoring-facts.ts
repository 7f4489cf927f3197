/**
 * The viewer's facts in the UI language: the wording itself is shared (shared/kinds/monitoring-facts.ts),
 * so the viewer, the documents and the package report say the same thing.
 */
import type { i18n as I18n } from 'i18next'
import {
  exceedanceFacts as factsInWords,
  type MonitoringFact,
} from '../../../../shared/kinds/monitoring-facts'
import type { MonitoringSeriesSummary } from '../../../../shared/types'

export { displayUnit, formatReading, withUnit } from '../../../../shared/kinds/monitoring-facts'
export type Fact = MonitoringFact

/** One sentence per exceedance window (or none/no limit), then the notes on basis, flags and period. */
export function exceedanceFacts(s: MonitoringSeriesSummary, i18n: I18n): Fact[] {
  return factsInWords(s, i18n.language === 'en' ? 'en' : 'zh-CN')
}
