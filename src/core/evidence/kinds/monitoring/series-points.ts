/**
 * The points a chart draws for each series. A long series is thinned per time slice (1,200 slices,
 * about a pixel column each): the lowest and the highest valid value, the highest flagged value
 * and a gap where the slice holds a blank, each at its own time. The highest valid value of every
 * slice is kept, so every slice holding a value over a limit shows a point over the limit line:
 * no exceedance window (computed on all values, summarise.ts) is drawn under the line.
 */
import { toIsoWithOffset } from '../../../../shared/time-zone'
import type { Basis, Statistic } from './cems-csv'
import { CELL_NUMBER, type CompactColumn, type CompactTable } from './compact-table'
import { columnRepeats, sameInstantRuns, type ColumnRepeats } from './repeats'
import { isValidFlag, timeOrder } from './summarise'

export interface SeriesPoints {
  pollutant: string
  outlet?: string
  column: string
  unit: string | null
  basis: Basis
  /** a period's minimum, maximum or cumulative amount rather than its mean */
  statistic?: Statistic
  /**
   * [instant ISO with offset, value or null for an empty/invalid cell, data flag other than N or
   * null], in time order; a period sent again with a different value has one point (the value first
   * in the file) and a fourth element: the other value(s) as the facts write them (repeats.ts)
   */
  points: Point[]
  /** present when the points were thinned: how many values the series has, and how many are drawn */
  thinned?: { values: number; drawn: number }
}

/** Series up to this many points are drawn whole. */
export const DRAW_ALL_POINTS = 5000
/** Buckets of a thinned series: at most four points each. */
const BUCKETS = 1200

type Point = [string, number | null, string | null] | [string, number | null, string | null, string]

/** Every series' points in time order, thinned when longer than `maxWhole`; times in the rows' own offsets. */
export function seriesPoints(
  table: CompactTable,
  maxWhole = DRAW_ALL_POINTS,
  order = timeOrder(table),
): SeriesPoints[] {
  const at = (i: number): string => toIsoWithOffset(table.times[i], table.offsets[i])
  const runs = sameInstantRuns(table, order)
  return table.columns.map((col) => {
    const repeats = columnRepeats(table, col, runs, order)
    const base = {
      pollutant: col.pollutant,
      ...(col.outlet ? { outlet: col.outlet } : {}),
      column: col.header,
      unit: col.unit,
      basis: col.basis,
      ...(col.statistic ? { statistic: col.statistic } : {}),
    }
    const point = (i: number): Point => {
      const others = repeats.differing.get(i)
      const flag = col.flags[i]
      const p: Point =
        col.states[i] !== CELL_NUMBER
          ? [at(i), null, null]
          : [at(i), col.values[i], isValidFlag(table, flag) ? null : table.flagNames[flag - 1]]
      return others ? [p[0], p[1], p[2], others.map((o) => o.text).join(', ')] : p
    }
    const values = order.length - repeats.skip.size
    if (values <= maxWhole)
      return {
        ...base,
        points: Array.from(order)
          .filter((i) => !repeats.skip.has(i))
          .map(point),
      }
    const points = thinned(table, col, order, repeats).map(point)
    return { ...base, points, thinned: { values, drawn: points.length } }
  })
}

/** Row indices kept for one column: per time bucket its min, max, highest flagged value and first blank, in time order. */
function thinned(
  table: CompactTable,
  col: CompactColumn,
  order: Uint32Array,
  repeats: ColumnRepeats,
): number[] {
  const t0 = table.times[order[0]]
  const span = table.times[order[order.length - 1]] - t0 + 1
  // positions in `order` (time ranks), -1 for none
  const minP = new Int32Array(BUCKETS).fill(-1)
  const maxP = new Int32Array(BUCKETS).fill(-1)
  const flagP = new Int32Array(BUCKETS).fill(-1)
  const gapP = new Int32Array(BUCKETS).fill(-1)
  // periods sent with different values are all drawn (there are few), each marked
  const differing: number[] = []
  for (let p = 0; p < order.length; p++) {
    const i = order[p]
    if (repeats.skip.has(i)) continue
    if (repeats.differing.has(i)) {
      differing.push(p)
      continue
    }
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
    for (const p of ps) kept.push(p)
  }
  kept.push(...differing)
  kept.sort((a, z) => a - z)
  return kept.map((p) => order[p])
}
