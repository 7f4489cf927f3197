import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonitoringView } from '../../../../shared/types'
import { formatLocalWithOffset, formatOffset, zoneOffsetMinutes } from '../../../../shared/time-zone'
import { echarts, type EChartsType } from './echarts-setup'
import { citedAreas, flaggedScatter } from './chart-parts'
import { displayUnit, formatReading } from './monitoring-facts'

type Points = MonitoringView['points'][number]['points']

interface Props {
  /** A, B and A−B, in that order, with their names in words */
  lines: Array<{ name: string; points: Points }>
  unit: string | null
  /** the comparison's windows, shaded */
  windows: Array<{ start: string; end: string }>
  /** an absolute threshold, drawn as ± lines around zero; null for a percent threshold */
  threshold: number | null
  timezone: string
  onBrush(startMs: number, endMs: number): void
  clearSignal: number
  cited: Array<{ start: string; end: string; label: string }>
  label: string
}

const COLOURS = ['#1677ff', '#389e0d', '#cf1322']

function localTime(ms: number, zone: string): string {
  return formatLocalWithOffset(new Date(ms).toISOString(), zoneOffsetMinutes(zone, ms))
}

/**
 * A comparison on one time axis: A and B as lines, their difference as a third, the windows over
 * the threshold shaded, flagged values as hollow marks, and a brush to cite any stretch.
 */
export function ComparisonChart({
  lines,
  unit,
  windows,
  threshold,
  timezone,
  onBrush,
  clearSignal,
  cited,
  label,
}: Props) {
  const { t } = useTranslation()
  const elRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<EChartsType | null>(null)
  const onBrushRef = useRef(onBrush)
  useEffect(() => {
    onBrushRef.current = onBrush
  }, [onBrush])
  const shown = displayUnit(unit)
  const first = lines[0]?.points[0]?.[0]

  const option = useMemo(() => {
    const firstMs = first ? Date.parse(first) : 0
    const offset = formatOffset(zoneOffsetMinutes(timezone, firstMs))
    const withUnit = (v: number) => (shown ? `${formatReading(v)} ${shown}` : formatReading(v))
    const valid = (pts: Points) =>
      pts.map(([iso, v, flag]) => [Date.parse(iso), flag === null ? v : null] as [number, number | null])
    const flagged = lines.flatMap((l, k) =>
      l.points.flatMap(([iso, v, flag]) =>
        flag !== null && v !== null ? [{ value: [Date.parse(iso), v], flag, line: k }] : [],
      ),
    )
    return {
      animation: false,
      useUTC: true,
      legend: { top: 0 },
      grid: { left: 64, right: 40, top: 48, bottom: 64 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: Array<{ value: [number, number | null]; seriesName: string }>) =>
          `${localTime(params[0]?.value[0] ?? 0, timezone)}<br/>${params
            .map((p) => `${p.seriesName}: ${p.value[1] === null ? '—' : withUnit(p.value[1])}`)
            .join('<br/>')}`,
      },
      xAxis: {
        type: 'time',
        min: 'dataMin',
        max: 'dataMax',
        name: t('docsViewer:monitoring.axisTime', { offset }),
        nameLocation: 'middle',
        nameGap: 40,
        axisLabel: {
          hideOverlap: true,
          formatter: (v: number) => {
            const s = localTime(v, timezone)
            return `${s.slice(5, 10)}\n${s.slice(11, 16)}`
          },
        },
      },
      yAxis: { type: 'value', name: shown || undefined },
      brush: {
        xAxisIndex: 0,
        brushType: 'lineX',
        brushMode: 'single',
        transformable: false,
        brushStyle: { color: 'rgba(47,84,235,0.12)', borderColor: '#2f54eb', borderWidth: 1 },
        outOfBrush: { colorAlpha: 0.4 },
      },
      series: [
        ...lines.map((l, k) => ({
          type: 'line',
          name: l.name,
          data: valid(l.points),
          showSymbol: l.points.length <= 500,
          symbolSize: 5,
          connectNulls: false,
          lineStyle: { width: k === 2 ? 1.5 : 2, color: COLOURS[k], type: k === 2 ? 'dashed' : 'solid' },
          itemStyle: { color: COLOURS[k] },
          ...(k === 2
            ? {
                markLine:
                  threshold === null
                    ? undefined
                    : {
                        silent: true,
                        symbol: 'none',
                        lineStyle: { color: '#d4380d', type: 'dotted', width: 1 },
                        label: { formatter: `±${withUnit(threshold)}`, position: 'insideEndTop' },
                        data: [{ yAxis: threshold }, { yAxis: -threshold }],
                      },
                markArea: {
                  silent: true,
                  itemStyle: { color: 'rgba(255,77,79,0.14)' },
                  label: {
                    show: true,
                    position: 'insideTop',
                    color: '#cf1322',
                    formatter: t('docsViewer:monitoring.compare.view.windowArea'),
                  },
                  data: [
                    ...windows.map((w) => [{ xAxis: Date.parse(w.start) }, { xAxis: Date.parse(w.end) }]),
                    ...citedAreas(cited),
                  ],
                },
              }
            : {}),
        })),
        flaggedScatter(t('docsViewer:monitoring.flaggedMark'), flagged),
      ],
    }
  }, [lines, windows, threshold, timezone, shown, cited, first, t])

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

  return (
    <div
      ref={elRef}
      className="mon-chart"
      role="img"
      aria-label={label}
      data-testid="comparison-chart"
      data-points={lines[0]?.points.length ?? 0}
      data-windows={windows.length}
    />
  )
}
