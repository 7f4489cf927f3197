/**
 * Several monitoring tables read from one file (the sheets of a workbook) as one summary: each
 * table keeps its own time axis and data period; series are named with their sheet when there is
 * more than one, as the outlet a long table names.
 */
import { groupKey } from './cems-csv'
import type { CompactTable } from './compact-table'
import { DRAW_ALL_POINTS, seriesPoints, type SeriesPoints } from './series-points'
import { summariseTable, timeOrder, type MonitoringOptions, type MonitoringSummary } from './summarise'

/** The table with every series' outlet prefixed by `label` (limit columns follow their series). */
export function labelTable(table: CompactTable, label: string): CompactTable {
  const rename = (outlet: string | null | undefined): string => (outlet ? `${label} ${outlet}` : label)
  const limitColumns = new Map<string, Float64Array>()
  for (const col of table.columns) {
    const old = groupKey(col.outlet, col.pollutant)
    const limit = table.limitColumns.get(old)
    if (limit) limitColumns.set(groupKey(rename(col.outlet), col.pollutant), limit)
  }
  return {
    ...table,
    columns: table.columns.map((c) => ({ ...c, outlet: rename(c.outlet) })),
    limitColumns,
  }
}

/** One summary (and the chart's points) of several tables; null when none has a timed row. */
export function summariseTables(
  tables: CompactTable[],
  opts: MonitoringOptions,
  withPoints: boolean,
  /** series longer than this are thinned for drawing (a comparison asks for every value) */
  maxWhole = DRAW_ALL_POINTS,
): { summary: MonitoringSummary | null; points: SeriesPoints[] | null } {
  const summaries: MonitoringSummary[] = []
  const points: SeriesPoints[] = []
  for (const table of tables) {
    const order = timeOrder(table)
    const s = summariseTable(table, opts, order)
    if (!s) continue
    summaries.push(s)
    if (withPoints) points.push(...seriesPoints(table, maxWhole, order))
  }
  if (summaries.length === 0) return { summary: null, points: withPoints ? [] : null }
  const first = summaries[0]
  const instants = (pick: (s: MonitoringSummary) => string | null) =>
    summaries.map(pick).filter((x): x is string => x !== null)
  const pick = (xs: string[], later: boolean): string | null =>
    xs.length === 0
      ? null
      : xs.reduce((a, b) =>
          Date.parse(b) < Date.parse(a) !== later && Date.parse(b) !== Date.parse(a) ? b : a,
        )
  const zoneAssumed = summaries.reduce((n, s) => n + (s.zoneAssumedRows ?? 0), 0)
  const intervals = new Set(summaries.map((s) => s.intervalSec))
  const summary: MonitoringSummary = {
    series: summaries.flatMap((s) => s.series),
    rows: summaries.reduce((n, s) => n + s.rows, 0),
    skippedRows: summaries.reduce((n, s) => n + s.skippedRows, 0),
    ...(zoneAssumed > 0 ? { zoneAssumedRows: zoneAssumed } : {}),
    // tables with different periods (hourly and daily): each series says its own
    intervalSec: intervals.size === 1 ? first.intervalSec : null,
    start: pick(
      instants((s) => s.start),
      false,
    ),
    end: pick(
      instants((s) => s.end),
      true,
    ),
    timeColumn: first.timeColumn,
    delimiter: first.delimiter,
    info: Object.assign({}, ...summaries.map((s) => s.info)) as Record<string, string>,
  }
  return { summary, points: withPoints ? points : null }
}
