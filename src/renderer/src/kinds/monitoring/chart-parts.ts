/**
 * Pieces both monitoring charts draw alike (a series' chart and a comparison's): the chart with its
 * always-on brush, the time axis in the case zone, the tooltip's time line, lines, shaded windows,
 * the officer's cited ranges as blue areas, and values left out for their data flag as labelled
 * diamonds.
 */
import { useEffect, useRef } from 'react'
import type { TFunction } from 'i18next'
import { formatLocalWithOffset, formatOffset, zoneOffsetMinutes } from '../../../../shared/time-zone'
import { echarts, type EChartsType } from './echarts-setup'

/** Values drawn with a mark each; longer series are drawn as a line (flagged values keep their marks). */
const SYMBOLS_UP_TO = 500

/** "2021-05-24 02:00:00 +08:00" for an instant, in the case zone. */
function localTime(ms: number, zone: string): string {
  return formatLocalWithOffset(new Date(ms).toISOString(), zoneOffsetMinutes(zone, ms))
}

/** The tooltip: the period's time in the case zone, then one line per series. */
export function tooltipText(ms: number, zone: string, lines: string[]): string {
  return `${localTime(ms, zone)}<br/>${lines.join('<br/>')}`
}

/**
 * The time axis from the first to the last period. Ticks fall on UTC hours (the option's useUTC);
 * the labels are written in the case zone, and the axis name gives its offset at `firstMs`.
 */
export function timeAxis(t: TFunction, zone: string, firstMs: number) {
  return {
    type: 'time',
    min: 'dataMin',
    max: 'dataMax',
    name: t('docsViewer:monitoring.axisTime', { offset: formatOffset(zoneOffsetMinutes(zone, firstMs)) }),
    nameLocation: 'middle',
    nameGap: 40,
    axisLabel: {
      hideOverlap: true,
      formatter: (v: number) => {
        const s = localTime(v, zone)
        return `${s.slice(5, 10)}\n${s.slice(11, 16)}`
      },
    },
  }
}

/** The brush along the time axis, one range at a time, in the cited ranges' blue. */
export function timeBrush() {
  return {
    xAxisIndex: 0,
    brushType: 'lineX',
    brushMode: 'single',
    transformable: false,
    brushStyle: { color: 'rgba(47,84,235,0.12)', borderColor: '#2f54eb', borderWidth: 1 },
    outOfBrush: { colorAlpha: 0.4 },
  }
}

/** A series as a line with gaps where values are missing; a mark per value only on shorter series. */
export function lineSeries(
  name: string,
  data: unknown[],
  look: { color: string; width: number; symbolSize: number; dashed?: boolean },
) {
  return {
    type: 'line',
    name,
    data,
    // a mark per value reads on a day of hourly data; on thousands of points it only hides the line
    showSymbol: data.length <= SYMBOLS_UP_TO,
    symbolSize: look.symbolSize,
    connectNulls: false,
    lineStyle: { width: look.width, color: look.color, ...(look.dashed ? { type: 'dashed' } : {}) },
    itemStyle: { color: look.color },
  }
}

/** Windows (exceedances, or a comparison's differences over the threshold) as markArea pairs. */
export function windowAreas(windows: ReadonlyArray<{ start: string; end: string }>) {
  return windows.map((w) => [{ xAxis: Date.parse(w.start) }, { xAxis: Date.parse(w.end) }])
}

/** A cited range as a blue markArea pair with its label (R1, R2…) at the bottom. */
export function citedAreas(cited: ReadonlyArray<{ start: string; end: string; label: string }>) {
  return cited.map((c) => [
    {
      xAxis: Date.parse(c.start),
      itemStyle: { color: 'rgba(47,84,235,0.10)', borderColor: '#2f54eb', borderWidth: 1 },
      label: { position: 'insideBottom', color: '#2f54eb', formatter: c.label },
    },
    { xAxis: Date.parse(c.end) },
  ])
}

/** Flagged values (not counted) as orange diamonds labelled with their flag letter. */
export function flaggedScatter(name: string, data: unknown[]) {
  return {
    type: 'scatter' as const,
    name,
    data,
    symbol: 'diamond',
    symbolSize: 10,
    itemStyle: { color: '#fff', borderColor: '#d46b08', borderWidth: 2 },
    label: {
      show: true,
      position: 'top' as const,
      color: '#d46b08',
      formatter: (p: { data: { flag: string } }) => p.data.flag,
    },
  }
}

/**
 * An echarts chart in the returned element, drawn with `option`, its brush always on (the chart
 * exists to pick ranges from, so there is no toolbox button), a finished drag reported as epoch ms,
 * and the drawn range cleared whenever `clearSignal` changes. Resized with its element.
 */
export function useBrushChart(
  option: Parameters<EChartsType['setOption']>[0],
  onBrush: (startMs: number, endMs: number) => void,
  clearSignal: number,
) {
  const elRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<EChartsType | null>(null)
  const onBrushRef = useRef(onBrush)
  useEffect(() => {
    onBrushRef.current = onBrush
  }, [onBrush])

  useEffect(() => {
    const el = elRef.current!
    const chart = echarts.init(el, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    chart.on('brushEnd', (e: unknown) => {
      const range = (e as { areas?: Array<{ coordRange?: [number, number] }> }).areas?.[0]?.coordRange
      if (range) onBrushRef.current(Math.min(range[0], range[1]), Math.max(range[0], range[1]))
    })
    const ro = new ResizeObserver(() => chart.resize())
    ro.observe(el)
    return () => {
      ro.disconnect()
      chart.dispose()
      chartRef.current = null
    }
  }, [])

  useEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    chart.setOption(option, { notMerge: true })
    chart.dispatchAction({
      type: 'takeGlobalCursor',
      key: 'brush',
      brushOption: { brushType: 'lineX', brushMode: 'single' },
    })
  }, [option])

  useEffect(() => {
    chartRef.current?.dispatchAction({ type: 'brush', areas: [] })
  }, [clearSignal])

  return { elRef, chartRef }
}
