import { describe, expect, it } from 'vitest'
import { alignSeries, overThreshold, type SeriesPoint } from '../../src/core/monitoring-compare/align'

const at = (h: number) => `2021-05-24T${String(h).padStart(2, '0')}:00:00+08:00`
const series = (values: Array<number | null | [number, string]>): SeriesPoint[] =>
  values.flatMap((v, h): SeriesPoint[] =>
    v === null ? [] : Array.isArray(v) ? [[at(h), v[0], v[1]]] : [[at(h), v, null]],
  )

describe('aligning two series period by period', () => {
  it('never joins a window across a missing, flagged or in-range period', () => {
    const a = series([50, 50, 50, 50, 50, 50, 50, 50])
    // 1,2 over | 3 missing in B | 4 over | 5 flagged in B | 6 over, 7 over
    const b = series([50, 20, 20, null, 20, [20, 'D'], 20, 20])
    const r = alignSeries({
      a,
      b,
      periodSec: 3600,
      threshold: { kind: 'absolute', value: 5 },
      start: null,
      end: null,
    })
    expect(r.windows.map((w) => [w.start, w.end, w.periods])).toEqual([
      [at(1), at(3), 2],
      [at(4), at(5), 1],
      [at(6), '2021-05-24T08:00:00+08:00', 2],
    ])
    expect(r.counts).toMatchObject({ periods: 8, compared: 6, over: 5, missingB: 1, flaggedB: { D: 1 } })
  })

  it('breaks a window where both series skip a period (a gap in time)', () => {
    const a = series([50, 50, null, 50])
    const b = series([20, 20, null, 20])
    const r = alignSeries({
      a,
      b,
      periodSec: 3600,
      threshold: { kind: 'absolute', value: 5 },
      start: null,
      end: null,
    })
    expect(r.windows.map((w) => w.periods)).toEqual([2, 1])
  })

  it('compares only inside the range, and never counts a difference equal to the threshold', () => {
    expect(overThreshold(40.1, 35.1, { kind: 'absolute', value: 5 })).toBe(false)
    expect(overThreshold(40.2, 35.1, { kind: 'absolute', value: 5 })).toBe(true)
    expect(overThreshold(30, 27, { kind: 'percent', value: 10 })).toBe(false)
    expect(overThreshold(30, 26.9, { kind: 'percent', value: 10 })).toBe(true)
    const r = alignSeries({
      a: series([50, 50, 50, 50]),
      b: series([20, 20, 20, 20]),
      periodSec: 3600,
      threshold: { kind: 'absolute', value: 5 },
      start: at(1),
      end: at(3),
    })
    expect(r.rows.map((row) => row[0])).toEqual([at(1), at(2)])
    expect(r.windows).toHaveLength(1)
  })
})
