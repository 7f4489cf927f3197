/**
 * Large monitoring exports generated on the spot (never committed): a platform-style long table,
 * one row per minute × outlet × factor, written in chunks so the generator itself stays small.
 */
import { closeSync, openSync, writeSync } from 'node:fs'

export const LONG_CSV_HEADER =
  '监测时间,排放口名称,监测因子,实测浓度(mg/m3),折算浓度(mg/m3),排放限值(mg/m3),数据标记'
const OUTLETS = ['1号排放口', '2号排放口']
const FACTORS: Array<{ name: string; limit: number; base: number }> = [
  { name: '二氧化硫', limit: 35, base: 20 },
  { name: '氮氧化物', limit: 50, base: 30 },
  { name: '颗粒物', limit: 10, base: 4 },
]
/** rows per time stamp: outlets × factors */
export const LONG_CSV_ROWS_PER_TIME = OUTLETS.length * FACTORS.length

export interface LongCsvFacts {
  rows: number
  times: number
  /** minute index (from the start) of each converted SO2 value of outlet 1 above its limit */
  so2Outlet1Exceeding: number[]
}

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Writes `rows` data rows (rounded down to whole time stamps) of minute data from 2021-01-01 00:00
 * (no zone: the case zone applies). Outlet 1's converted SO2 exceeds its 35 mg/m³ limit at every
 * `exceedEvery`-th minute; every 997th minute is flagged D (故障).
 */
export function writeLongCemsCsv(path: string, rows: number, exceedEvery = 50_000): LongCsvFacts {
  const fd = openSync(path, 'w')
  const times = Math.floor(rows / LONG_CSV_ROWS_PER_TIME)
  const so2Outlet1Exceeding: number[] = []
  try {
    let chunk = `${LONG_CSV_HEADER}\n`
    const start = Date.UTC(2021, 0, 1)
    for (let t = 0; t < times; t++) {
      const d = new Date(start + t * 60_000)
      const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
      const flag = t % 997 === 996 ? 'D' : 'N'
      for (let o = 0; o < OUTLETS.length; o++)
        for (let f = 0; f < FACTORS.length; f++) {
          const factor = FACTORS[f]
          let converted = factor.base + ((t * 7 + o * 3 + f) % 100) / 10
          if (o === 0 && f === 0 && t % exceedEvery === exceedEvery - 1 && flag === 'N') {
            converted = 72.852
            so2Outlet1Exceeding.push(t)
          }
          const measured = converted * 0.8
          chunk += `${stamp},${OUTLETS[o]},${factor.name},${measured.toFixed(3)},${converted.toFixed(3)},${factor.limit},${flag}\n`
        }
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
  return { rows: times * LONG_CSV_ROWS_PER_TIME, times, so2Outlet1Exceeding }
}
