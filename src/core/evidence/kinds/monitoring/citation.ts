import type { DataRangeAnchor } from '../../../../shared/citations'
import { sameOutlet } from '../../../../shared/kinds/monitoring-compare'
import type { EvidenceItemOf } from '../../../../shared/types'
import { itemLabel } from '../../../annotations/anchor-bounds'

/**
 * A data range of a pollutant the file has, inside the span of its series. A comparison's
 * difference series is found by either of its keys (an old item keeps the one with Chinese words).
 */
export function dataRangeFits(item: EvidenceItemOf<'monitoring'>, a: DataRangeAnchor): string | null {
  const series = item.meta.series ?? []
  const outletOf = (s: { outlet?: unknown }): string | undefined =>
    typeof s.outlet === 'string' ? s.outlet : undefined
  const name = (s: { pollutant: string; outlet?: unknown }): string =>
    outletOf(s) ? `${outletOf(s)} ${s.pollutant}` : s.pollutant
  if (!series.some((s) => s.pollutant === a.pollutant && sameOutlet(outletOf(s), a.outlet)))
    return `${itemLabel(item)} has no ${name(a)} series (it has ${[...new Set(series.map(name))].join(', ') || 'none'}).`
  if (
    a.basis &&
    !series.some(
      (s) => s.pollutant === a.pollutant && sameOutlet(outletOf(s), a.outlet) && s.basis === a.basis,
    )
  )
    return `${itemLabel(item)} has no ${name(a)} series on the ${a.basis} basis (it has ${
      series
        .filter((s) => s.pollutant === a.pollutant && sameOutlet(outletOf(s), a.outlet))
        .map((s) => s.basis)
        .join(', ') || 'none'
    }).`
  const first = item.meta.start ? Date.parse(item.meta.start) : NaN
  const last = item.meta.end ? Date.parse(item.meta.end) : NaN
  if (Number.isNaN(first) || Number.isNaN(last))
    return `${itemLabel(item)} records no time span, so a data range in it cannot be checked.`
  if (Date.parse(a.start) < first || Date.parse(a.end) > last)
    return `The data range ${a.start} – ${a.end} lies outside the series of ${itemLabel(item)}, which runs ${item.meta.start} – ${item.meta.end}.`
  return null
}
