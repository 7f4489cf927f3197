import { useCallback, useMemo, useState } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { MONITORING_BASES, type MonitoringBasis } from '../../../../shared/kinds/monitoring-words'
import { sameOutlet } from '../../../../shared/kinds/monitoring-compare'
import { toIsoWithOffset, zoneOffsetMinutes } from '../../../../shared/time-zone'
import type { ItemAnnotations } from '../../components/viewers/common/use-annotations'
import { readRange, type DataRange } from './range-panel'

/** The series a range is cited on: factor, outlet and concentration basis. */
export type CitedSeries = Pick<DataRange, 'pollutant' | 'outlet' | 'basis'>

/** A series as a range cites it: its basis named only when it is one this version names. */
export function citedSeries(s: { pollutant: string; outlet?: string; basis: string }): CitedSeries {
  const basis = (MONITORING_BASES as readonly string[]).includes(s.basis)
    ? (s.basis as MonitoringBasis)
    : undefined
  return { pollutant: s.pollutant, outlet: s.outlet, ...(basis ? { basis } : {}) }
}

export interface RangeCiting {
  /** the range waiting for its note (from a drag or a "cite" button), or null */
  pending: DataRange | null
  /** a range of the drawn series, start and end as ISO instants with the case zone's offset */
  cite(start: string, end: string): void
  /** a drag across the chart, each end snapped to the nearest drawn period */
  onBrush(fromMs: number, toMs: number): void
  /** forgets the pending range (the brush stays as drawn) */
  drop(): void
  /** forgets the pending range and clears the brush (cancel) */
  cancel(): void
  save(note: string): Promise<void>
  /** bumped to clear the range drawn on the chart */
  clearSignal: number
  /** the live ranges of the drawn series, labelled R1… as the list numbers them */
  cited: Array<{ start: string; end: string; label: string }>
}

/**
 * Citing 数据区间 on a monitoring chart, as the series viewer and the comparison view both do it:
 * the pending range, the brush, saving with the officer's note and the ranges drawn on the chart.
 * `series` is the drawn series (null: nothing to cite); `times` its periods, epoch ms.
 */
export function useRangeCiting(
  ranges: ItemAnnotations<'data-range'>,
  timezone: string,
  series: CitedSeries | null,
  times: number[],
): RangeCiting {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [pending, setPending] = useState<DataRange | null>(null)
  const [clearSignal, setClearSignal] = useState(0)
  const pollutant = series?.pollutant
  const outlet = series?.outlet
  const basis = series?.basis

  const cite = useCallback(
    (start: string, end: string) => {
      if (pollutant === undefined) return
      setPending({ pollutant, ...(outlet ? { outlet } : {}), ...(basis ? { basis } : {}), start, end })
    },
    [pollutant, outlet, basis],
  )

  const onBrush = useCallback(
    (fromMs: number, toMs: number) => {
      // Each end snaps to the nearest data point, so the cited range reads as whole periods.
      const nearest = (ms: number) =>
        times.reduce((best, x) => (Math.abs(x - ms) < Math.abs(best - ms) ? x : best), times[0] ?? ms)
      const start = nearest(fromMs)
      const end = nearest(toMs)
      if (end <= start) {
        void message.warning(t('docsViewer:monitoring.range.tooShort'))
        setClearSignal((n) => n + 1)
        return
      }
      const iso = (ms: number) => toIsoWithOffset(ms, zoneOffsetMinutes(timezone, ms))
      cite(iso(start), iso(end))
    },
    [times, timezone, message, t, cite],
  )

  const cancel = useCallback(() => {
    setPending(null)
    setClearSignal((n) => n + 1)
  }, [])
  const drop = useCallback(() => setPending(null), [])

  const save = useCallback(
    async (note: string) => {
      if (!pending) return
      await ranges.add(pending, note)
      cancel()
      void message.success(t('docsViewer:monitoring.range.saved'))
    },
    [pending, ranges, cancel, message, t],
  )

  const annotations = ranges.annotations
  const cited = useMemo(
    () =>
      annotations.flatMap((a, i) => {
        const r = readRange(a)
        // a comparison's older citations name its difference by the old key
        return a.withdrawnAt === null && r.pollutant === pollutant && sameOutlet(r.outlet, outlet)
          ? [{ start: r.start, end: r.end, label: `R${i + 1}` }]
          : []
      }),
    [annotations, pollutant, outlet],
  )

  return { pending, cite, onBrush, drop, cancel, save, clearSignal, cited }
}
