import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonitoringView } from '../../../../shared/types'
import {
  citedAreas,
  flaggedScatter,
  lineSeries,
  timeAxis,
  timeBrush,
  tooltipText,
  useBrushChart,
  windowAreas,
} from './chart-parts'
import { displayUnit, withUnit } from './monitoring-facts'

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
  const first = lines[0]?.points[0]?.[0]

  const option = useMemo(() => {
    const firstMs = first ? Date.parse(first) : 0
    const inUnit = (v: number) => withUnit(v, unit)
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
          tooltipText(
            params[0]?.value[0] ?? 0,
            timezone,
            params.map((p) => `${p.seriesName}: ${p.value[1] === null ? '—' : inUnit(p.value[1])}`),
          ),
      },
      xAxis: timeAxis(t, timezone, firstMs),
      yAxis: { type: 'value', name: displayUnit(unit) || undefined },
      brush: timeBrush(),
      series: [
        ...lines.map((l, k) => ({
          ...lineSeries(l.name, valid(l.points), {
            color: COLOURS[k],
            width: k === 2 ? 1.5 : 2,
            symbolSize: 5,
            dashed: k === 2,
          }),
          ...(k === 2
            ? {
                markLine:
                  threshold === null
                    ? undefined
                    : {
                        silent: true,
                        symbol: 'none',
                        lineStyle: { color: '#d4380d', type: 'dotted', width: 1 },
                        label: { formatter: `±${inUnit(threshold)}`, position: 'insideEndTop' },
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
                  data: [...windowAreas(windows), ...citedAreas(cited)],
                },
              }
            : {}),
        })),
        flaggedScatter(t('docsViewer:monitoring.flaggedMark'), flagged),
      ],
    }
  }, [lines, windows, threshold, timezone, unit, cited, first, t])

  const { elRef } = useBrushChart(option, onBrush, clearSignal)

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
