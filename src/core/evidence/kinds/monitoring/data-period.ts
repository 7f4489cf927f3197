/**
 * Monitoring data is dated by the period it covers: from its first time stamp to the end of its
 * last period (an hourly value at 04:00 covers 04:00–05:00), so the timeline draws it as a span
 * beside the videos and photos of the same night.
 */
import { parseOffset } from '../../../../shared/time-zone'
import { capturedAt, type ExtractFacts } from '../../extract/extract-result'
import type { MonitoringMeta } from '../../../../shared/kinds'

/** The facts with the data's period as the item's time; unchanged when the data has no dated rows. */
export function withDataPeriod(facts: ExtractFacts): ExtractFacts {
  const meta = facts.meta as MonitoringMeta
  const start = meta.start ? Date.parse(meta.start) : NaN
  const end = meta.end ? Date.parse(meta.end) : NaN
  if (Number.isNaN(start) || Number.isNaN(end) || !meta.start) return facts
  const offset = parseOffset(/(Z|[+-]\d{2}:?\d{2})$/.exec(meta.start)?.[1] ?? 'Z') ?? 0
  // meta.end is already the end of the last period (summarise.ts)
  return { ...facts, ...capturedAt(start, offset, 'data'), durationSec: Math.max(0, (end - start) / 1000) }
}
