/**
 * A pair of CEMS exports for the tamper comparison (数据比对), generated on the spot: the DCS's
 * hourly SO2 折算 values for 2021-05-24 and the platform's copy with three hours lowered
 * (02:00–04:00, by 32, 33 and 34 mg/m³), one hour flagged D (10:00, lowered too: it must not count)
 * and one hour missing (15:00). Times carry no zone: the case zone (+08:00) applies.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const pad = (n: number) => String(n).padStart(2, '0')
/** The DCS's values, 00:00–23:00. */
export const DCS_SO2 = Array.from({ length: 24 }, (_, h) => [72.9, 20.4, 61.3, 58.7, 66.1][h % 5] - (h % 3))
export const LOWERED_HOURS = [2, 3, 4]
export const FLAGGED_HOUR = 10
export const MISSING_HOUR = 15
export const DCS_FILE = 'DCS-SO2-20210524.csv'
export const PLATFORM_FILE = '平台-SO2-20210524.csv'
export const SO2_SERIES = { pollutant: 'SO2', column: 'SO2折算浓度(mg/m3)' }

/** A one-outlet wide export with one SO2 折算 column; `cell` writes an hour's value (null: no row). */
function writeCsv(path: string, cell: (h: number) => string | null): string {
  const lines = ['监测时间,SO2折算浓度(mg/m3)']
  for (let h = 0; h < 24; h++) {
    const v = cell(h)
    if (v !== null) lines.push(`2021-05-24 ${pad(h)}:00:00,${v}`)
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  return path
}

/** Writes both files into `dir`; returns their paths [DCS, platform]. */
export function writeComparisonPair(dir: string): [string, string] {
  return [
    writeCsv(join(dir, DCS_FILE), (h) => DCS_SO2[h].toFixed(1)),
    writeCsv(join(dir, PLATFORM_FILE), (h) =>
      h === MISSING_HOUR
        ? null
        : h === FLAGGED_HOUR
          ? `${(DCS_SO2[h] - 30).toFixed(1)}(D)`
          : LOWERED_HOURS.includes(h)
            ? (DCS_SO2[h] - 30 - h).toFixed(1)
            : DCS_SO2[h].toFixed(1),
    ),
  ]
}
