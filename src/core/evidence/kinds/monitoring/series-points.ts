/**
 * The points a chart draws for each series. A long series is thinned per time slice (1,200 slices,
 * about a pixel column each): the lowest and the highest valid value, the highest flagged value
 * and a gap where the slice holds a blank, each at its own time. The highest valid value of every
 * slice is kept, so every slice holding a value over a limit shows a point over the limit line:
 * no exceedance window (computed on all values, summarise.ts) is drawn under the line.
 */
import { toIsoWithOffset } from '../../../../shared/time-zone'
import type { Basis } from './cems-csv'
import { CELL_NUMBER, type CompactColumn, type CompactTable } from './compact-table'
import { isValidFlag, timeOrder } from './summarise'

export interface SeriesPoints {
  pollutant: string
  outlet?: string
  column: string
  unit: string | null
  basis: Basis
  /** [instant ISO with offset, value or null for an empty/invalid cell, data flag other than N or null], in time order */
  points: Array<[string, number | null, string | null]>
  /** present when the points were thinned: how many values the series has, and how many are drawn */
  thinned?: { values: number; drawn: number }
}

/** Series up to this many points are drawn whole. */
export const DRAW_ALL_POINTS = 5000
/** Buckets of a thinned series: at most four points each. */
const BUCKETS = 1200

type Point = SeriesPoints['points'][number]

/** Every series' points in time order, thinned when longer than `maxWhole`; times in the rows' own offsets. */
export function seriesPoints(
  table: CompactTable,
  maxWhole = DRAW_ALL_POINTS,
  order = timeOrder(table),
): SeriesPoints[] {
  const at = (i: number): string => toIsoWithOffset(table.times[i], table.offsets[i])
  return table.columns.map((col) => {
    const base = {
      pollutant: col.pollutant,
      ...(col.outlet ? { outlet: col.outlet } : {}),
      column: col.header,
      unit: col.unit,
      basis: col.basis,
    }
    const point = (i: number): Point => {
      if (col.states[i] !== CELL_NUMBER) return [at(i), null, null]
      const flag = col.flags[i]
      return [at(i), col.values[i], isValidFlag(table, flag) ? null : table.flagNames[flag - 1]]
    }
    if (order.length <= maxWhole) return { ...base, points: Array.from(order, point) }
    const points = thinned(table, col, order).map(point)
    return { ...base, points, thinned: { values: order.length, drawn: points.length } }
  })
}

/** Row indices kept for one column: per time bucket its min, max, highest flagged value and first blank, in time order. */
function thinned(table: CompactTable, col: CompactColumn, order: Uint32Array): number[] {
  const t0 = table.times[order[0]]
  const span = table.times[order[order.length - 1]] - t0 + 1
  // positions in `order` (time ranks), -1 for none
  const minP = new Int32Array(BUCKETS).fill(-1)
  const maxP = new Int32Array(BUCKETS).fill(-1)
  const flagP = new Int32Array(BUCKETS).fill(-1)
  const gapP = new Int32Array(BUCKETS).fill(-1)
  for (let p = 0; p < order.length; p++) {
    const i = order[p]
    const b = Math.min(BUCKETS - 1, Math.floor(((table.times[i] - t0) / span) * BUCKETS))
    if (col.states[i] !== CELL_NUMBER) {
      if (gapP[b] < 0) gapP[b] = p
      continue
    }
    const v = col.values[i]
    if (!isValidFlag(table, col.flags[i])) {
      if (flagP[b] < 0 || v > col.values[order[flagP[b]]]) flagP[b] = p
      continue
    }
    if (minP[b] < 0 || v < col.values[order[minP[b]]]) minP[b] = p
    if (maxP[b] < 0 || v > col.values[order[maxP[b]]]) maxP[b] = p
  }
  const kept: number[] = []
  for (let b = 0; b < BUCKETS; b++) {
    const ps = [minP[b], maxP[b], flagP[b], gapP[b]].filter((p, k, all) => p >= 0 && all.indexOf(p) === k)
    ps.sort((a, z) => a - z)
    for (const p of ps) kept.push(order[p])
  }
  return kept
}
