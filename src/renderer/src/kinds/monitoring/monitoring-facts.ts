/**
 * Exceedance facts in words, as officers write them in a report:
 * "2021-05-24 02:00–04:00，SO2 超过 35 mg/m³ 共 2 小时，最大值 72.852 mg/m³（为限值的 2.08 倍，超标倍数 1.08）".
 * 超标倍数 (exceedance multiple) is (value − limit) / limit, per the glossary.
 */
import type { TFunction } from 'i18next'
import type { MonitoringSeriesSummary } from '../../../../shared/types'

/** "mg/m3" as files write it → "mg/m³" as reports print it; display only, the file keeps its own. */
export function displayUnit(unit: string | null): string {
  return unit ? unit.replace(/m3\b/g, 'm³') : ''
}

/** A measured value as the file gave it (up to 6 decimals, no trailing zeros). */
export function formatReading(v: number): string {
  return Number(v.toFixed(6)).toString()
}

export function withUnit(v: number, unit: string | null): string {
  const u = displayUnit(unit)
  return u ? `${formatReading(v)} ${u}` : formatReading(v)
}

/** Local date and clock time as written in an ISO string with its own offset: ["2021-05-24", "02:00"]. */
export function localParts(iso: string): [string, string] {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? [m[1], m[2]] : [iso, '']
}

/** "2021-05-24 02:00–04:00", or both dates when the window crosses midnight. */
export function formatWindow(start: string, end: string): string {
  const [d1, t1] = localParts(start)
  const [d2, t2] = localParts(end)
  return d1 === d2 ? `${d1} ${t1}–${t2}` : `${d1} ${t1}–${d2} ${t2}`
}

export function formatSpan(start: string, end: string, t: TFunction): string {
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000)
  return minutes % 60 === 0
    ? t('docsViewer.monitoring.facts.hours', { n: minutes / 60 })
    : t('docsViewer.monitoring.facts.minutes', { n: minutes })
}

export interface Fact {
  key: string
  text: string
  /** the window, for "cite this range" */
  window?: { start: string; end: string }
}

/** One sentence per exceedance window, or one saying there is no limit or no exceedance. */
export function exceedanceFacts(s: MonitoringSeriesSummary, t: TFunction): Fact[] {
  const pollutant = s.pollutant
  if (s.limit === null)
    return [{ key: 'no-limit', text: t('docsViewer.monitoring.facts.noLimit', { pollutant }) }]
  const limit = s.limit
  const limitText = withUnit(limit, s.unit)
  if (s.exceedances.length === 0)
    return [
      {
        key: 'none',
        text: t('docsViewer.monitoring.facts.none', { pollutant, points: s.points, limit: limitText }),
      },
    ]
  return s.exceedances.map((w) => {
    const values = {
      range: formatWindow(w.start, w.end),
      pollutant,
      limit: limitText,
      duration: formatSpan(w.start, w.end, t),
      max: withUnit(w.max, s.unit),
      ratio: limit > 0 ? (w.max / limit).toFixed(2) : '',
      multiple: limit > 0 ? ((w.max - limit) / limit).toFixed(2) : '',
    }
    // A zero limit has no ratio: any positive value exceeds it, and a multiple would divide by zero.
    const key = limit > 0 ? 'docsViewer.monitoring.facts.line' : 'docsViewer.monitoring.facts.lineNoRatio'
    return { key: w.start, text: t(key, values), window: { start: w.start, end: w.end } }
  })
}
