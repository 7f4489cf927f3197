import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonitoringPoint, MonitoringSeriesSummary } from '../../../../shared/types'
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

interface Props {
  summary: MonitoringSeriesSummary
  points: MonitoringPoint[]
  /** the series named in words with its basis and period (y-axis and tooltip) */
  seriesName: string
  /** the case's zone: the axis shows its local time and offset, whatever the computer's zone is */
  timezone: string
  /** a range dragged on the chart, epoch ms */
  onBrush(startMs: number, endMs: number): void
  /** bumped by the parent to clear the drawn range (after saving or cancelling) */
  clearSignal: number
  /** data ranges already cited for this pollutant, drawn as blue bands labelled R1… */
  cited: Array<{ start: string; end: string; label: string }>
  /** the period minimum and maximum of the drawn mean (HJ 212 -Min/-Max), drawn as thin lines around it */
  band?: { min: MonitoringPoint[]; max: MonitoringPoint[]; minName: string; maxName: string }
}

interface BandPoint {
  value: [number, number | null]
  /** the statistic itself (the band's top is drawn as its height above the minimum) */
  actual: number | null
  label: string
}

/**
 * The min–max band as two stacked lines: the minimum (no fill) and the height from it to the
 * maximum (filled), each keeping its own value and name for the tooltip. Periods are matched by
 * time; a period without both is a gap in the band.
 */
function bandSeries(band: NonNullable<Props['band']>): { lower: BandPoint[]; height: BandPoint[] } {
  const max = new Map(band.max.map((p) => [Date.parse(p[0]), p[1]]))
  const lower: BandPoint[] = []
  const height: BandPoint[] = []
  for (const p of band.min) {
    const t = Date.parse(p[0])
    const lo = p[1]
    const hi = max.get(t) ?? null
    const both = lo !== null && hi !== null
    lower.push({ value: [t, both ? lo : null], actual: lo, label: band.minName })
    height.push({ value: [t, both ? hi - lo : null], actual: hi, label: band.maxName })
  }
  return { lower, height }
}

/**
 * One pollutant over time: the limit as a dashed line, exceedance windows shaded, and a brush
 * that is always on, so dragging across the chart selects a 数据区间 to cite.
 */
export function MonitoringChart({
  summary,
  points,
  seriesName,
  timezone,
  onBrush,
  clearSignal,
  cited,
  band,
}: Props) {
  const { t } = useTranslation()

  // Valid values make the line; a flagged value (D, M, …) is not valid data: it leaves a gap in the
  // line and is drawn apart as a hollow orange mark with its flag, so it is seen but never read as valid.
  // A period sent twice with different values is not valid data either: the value first in the file
  // is drawn as a hollow purple triangle, the other value(s) in its tooltip.
  const data = useMemo(
    () =>
      points.map(
        (p) => [Date.parse(p[0]), p[2] === null && p.length === 3 ? p[1] : null] as [number, number | null],
      ),
    [points],
  )
  const flaggedData = useMemo(
    () =>
      points.flatMap(([iso, v, flag]) =>
        flag !== null && v !== null ? [{ value: [Date.parse(iso), v], flag }] : [],
      ),
    [points],
  )
  const repeatedData = useMemo(
    () =>
      points.flatMap((p) =>
        p.length === 4 && p[1] !== null ? [{ value: [Date.parse(p[0]), p[1]], others: p[3] }] : [],
      ),
    [points],
  )
  const unit = displayUnit(summary.unit)
  const limit = summary.limit
  const bandData = useMemo(() => (band ? bandSeries(band) : null), [band])

  const option = useMemo(() => {
    const inUnit = (v: number) => withUnit(v, summary.unit)
    return {
      animation: false,
      // Ticks fall on UTC hours; the labels are then written in the case zone by the formatter.
      useUTC: true,
      grid: { left: 64, right: 40, top: 36, bottom: 64 },
      tooltip: {
        trigger: 'axis',
        formatter: (
          params: Array<{
            value: [number, number | null]
            data: { flag?: string; others?: string; label?: string; actual?: number | null }
          }>,
        ) => {
          const lines = params.map((p) => {
            if (p.data?.label !== undefined)
              return `${p.data.label}: ${p.data.actual == null ? '—' : inUnit(p.data.actual)}`
            const v = p.value[1]
            const flag = p.data?.flag ? ` [${p.data.flag}]` : ''
            const others = p.data?.others
              ? ` (${t('docsViewer:monitoring.repeatedTip', { others: p.data.others })})`
              : ''
            return `${seriesName}: ${v === null ? '—' : inUnit(v)}${flag}${others}`
          })
          return tooltipText(params[0]?.value[0] ?? 0, timezone, lines)
        },
      },
      xAxis: timeAxis(t, timezone, data[0]?.[0] ?? 0),
      yAxis: {
        type: 'value',
        name: unit ? `${seriesName} (${unit})` : seriesName,
        nameTextStyle: { align: 'left' },
        // keep the limit line on the chart even when every value is below it
        max: limit === null ? undefined : (e: { max: number }) => Math.ceil(Math.max(e.max, limit) * 1.1),
      },
      brush: timeBrush(),
      series: [
        {
          ...lineSeries(summary.pollutant, data, { color: '#1677ff', width: 2, symbolSize: 6 }),
          markLine:
            limit === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
                  label: {
                    formatter: t('docsViewer:monitoring.limitLine', { value: inUnit(limit) }),
                    position: 'insideEndTop',
                    color: '#cf1322',
                  },
                  data: [{ yAxis: limit }],
                },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(255,77,79,0.16)' },
            label: {
              show: true,
              position: 'insideTop',
              color: '#cf1322',
              formatter: t('docsViewer:monitoring.exceedanceArea'),
            },
            data: [...windowAreas(summary.exceedances), ...citedAreas(cited)],
          },
        },
        flaggedScatter(t('docsViewer:monitoring.flaggedMark'), flaggedData),
        ...(bandData
          ? [bandData.lower, bandData.height].map((d, k) => ({
              type: 'line',
              data: d,
              stack: 'min-max',
              showSymbol: false,
              connectNulls: false,
              lineStyle: { opacity: 0 },
              itemStyle: { color: '#91caff' },
              ...(k === 1 ? { areaStyle: { color: 'rgba(22,119,255,0.14)' } } : {}),
            }))
          : []),
        {
          type: 'scatter',
          name: t('docsViewer:monitoring.repeatedMark'),
          data: repeatedData,
          symbol: 'triangle',
          symbolSize: 11,
          itemStyle: { color: '#fff', borderColor: '#722ed1', borderWidth: 2 },
          label: {
            show: true,
            position: 'top',
            color: '#722ed1',
            fontSize: 14,
            fontWeight: 'bold',
            formatter: '≠',
          },
        },
      ],
    }
  }, [
    data,
    flaggedData,
    repeatedData,
    bandData,
    seriesName,
    summary.pollutant,
    summary.exceedances,
    summary.unit,
    timezone,
    unit,
    limit,
    cited,
    t,
  ])

  const { elRef, chartRef } = useBrushChart(option, onBrush, clearSignal)

  // Where the first and last points sit, so a test (or a keyboard helper) can aim at times
  // (after the option is drawn: the chart's effects run first).
  useEffect(() => {
    const chart = chartRef.current
    const el = elRef.current
    if (chart && el && data.length > 0) {
      el.dataset.xFirst = String(chart.convertToPixel({ xAxisIndex: 0 }, data[0][0]))
      el.dataset.xLast = String(chart.convertToPixel({ xAxisIndex: 0 }, data[data.length - 1][0]))
    }
  }, [option, data, chartRef, elRef])

  return (
    <div
      ref={elRef}
      className="mon-chart"
      role="img"
      aria-label={t('docsViewer:monitoring.chartLabel', { pollutant: seriesName })}
      data-testid="monitoring-chart"
      data-points={data.length}
      data-flagged={flaggedData.length}
      data-repeated={repeatedData.length}
      data-band={bandData ? bandData.lower.length : 0}
      data-first={points[0]?.[0]}
      data-last={points[points.length - 1]?.[0]}
    />
  )
}
