/**
 * Long tables, as the 污染源自动监控 platforms and many DCS systems export them: one row per
 * time × factor (监测时间 | 排放口名称 | 监测因子 | 实测浓度 | 折算浓度 | 排放限值 | 是否超标 | 数据标记).
 * They are pivoted as they are read into the wide shape (one column per outlet × factor × basis,
 * one row per time) so one summariser judges both layouts alike.
 */
import { basisOf, groupKey, parseValue, pollutantOf, readCell, readFlag, splitUnit } from './cems-csv'
import {
  ColumnBuffers,
  f64,
  type CompactTable,
  type FlagNames,
  type Growable,
  type RowTimes,
} from './compact-table'
import { parseLocalTime } from './time-cell'
import { convertExactly, exactFactor } from './units'

const FACTOR_HEADER =
  /^(监测|污染|检测)?(因子|因子名称|项目|指标)(名称)?$|^污染物(名称)?$|^factor$|^pollutant$/i
const OUTLET_HEADER = /^(排放口|排口|监测点位|点位|监测点)(名称|编号)?$|^outlet$/i
const LIMIT_HEADER = /限值|标准值|排放标准|limit/i
const FLAG_HEADER = /^(数据)?(标记|标识|状态|有效性)$|^flag$/i
const UNIT_HEADER = /^(计量)?单位$|^unit$/i
/** value columns: a concentration or a period mean; basis read from the header */
const VALUE_HEADER = /浓度|均值|监测值|数值|排放量|^value$/i

/** The column indices of a long table's header, or null when the header is not one. */
export function longColumns(names: string[]) {
  const factor = names.findIndex((n) => FACTOR_HEADER.test(n))
  if (factor === -1) return null
  // 排放口名称 preferred over 排放口编号 when both are there
  const outlets = names.flatMap((n, i) => (OUTLET_HEADER.test(n) ? [i] : []))
  const outlet = outlets.find((i) => /名称/.test(names[i])) ?? outlets[0] ?? null
  const values = names.flatMap((n, i) =>
    VALUE_HEADER.test(n) && !LIMIT_HEADER.test(n) && !/是否/.test(n) ? [i] : [],
  )
  if (values.length === 0) return null
  return {
    factor,
    outlet,
    values,
    limit: names.findIndex((n) => LIMIT_HEADER.test(n) && !/是否/.test(n)),
    flag: names.findIndex((n) => FLAG_HEADER.test(n)),
    unit: names.findIndex((n) => UNIT_HEADER.test(n)),
  }
}

export type LongColumns = NonNullable<ReturnType<typeof longColumns>>

/** Series looked up by comparing cells before the maps (a file's first outlets × factors; any more use the maps). */
const FIRST_SERIES_COMPARED = 32

interface LongSeries {
  columns: ColumnBuffers[]
  /** per column: the exact factor from this row unit to the column's unit (1 when the same), null when none exists */
  factors: Array<number | null>
  limit: Growable<Float64Array> | null
  /** the last limit cell read and its value: a file repeats the same limit on every row */
  lastLimit: { text: string; value: number | null } | null
}

/** The rows of a long table, pivoted as they arrive: a time stamp seen again is the same row. */
export class LongRows {
  /** time cell(s) as written → row index, or -1 when the time could not be read */
  private readonly rowOf = new Map<string, number>()
  private readonly columns = new Map<string, ColumnBuffers>()
  private readonly limits = new Map<string, Growable<Float64Array>>()
  /** per group: the unit its limit is written in (the limit header's, else the first row's unit cell) */
  private readonly limitUnits = new Map<string, string>()
  /** outlet, factor and unit cells as written → their columns, so a row costs no header reading (nested: no key string per row) */
  private readonly series = new Map<string, Map<string, Map<string, LongSeries>>>()
  private readonly flagCells = new Map<string, string | null>()
  /**
   * The first series seen, by their cells as written: rows cycle through a few outlets × factors,
   * and comparing a few short strings costs less than three hashed lookups of new strings.
   */
  private readonly firstSeen: Array<{
    factor: string
    outlet: string
    unit: string | null
    series: LongSeries
  }> = []
  /** the last time key and its row: the rows of one time stamp come together (one per factor) */
  private lastKey: string | null = null
  private lastRow = -1
  /** the unit in the limit column's header, if any */
  private readonly limitHeaderUnit: string | null
  /** value column headers split once: name and unit */
  private readonly valueHeaders: Array<{ index: number; header: string; name: string; unit: string | null }>

  constructor(
    private readonly start: { headers: string[]; timeColumn: number; dateColumn: number | null },
    private readonly cols: LongColumns,
    private readonly times: RowTimes,
    private readonly flags: FlagNames,
    private readonly zone: string,
    private readonly skip: () => void,
  ) {
    this.limitHeaderUnit = cols.limit !== -1 ? splitUnit(start.headers[cols.limit] ?? '').unit : null
    this.valueHeaders = cols.values.map((index) => ({
      index,
      header: start.headers[index] ?? '',
      ...splitUnit(start.headers[index] ?? ''),
    }))
  }

  push(row: string[], line: number): void {
    const cols = this.cols
    const factorName = (row[cols.factor] ?? '').trim()
    if (!factorName) return
    const i = this.rowAt(row, line)
    if (i < 0) return
    const outletCell = cols.outlet !== null ? (row[cols.outlet] ?? '').trim() : ''
    const rowUnit = cols.unit !== -1 ? (row[cols.unit] ?? '').trim() || null : null
    const series = this.knownSeries(factorName, outletCell, rowUnit)
    const flagCell = cols.flag !== -1 ? this.flagOf(row[cols.flag] ?? '') : null
    for (let k = 0; k < this.valueHeaders.length; k++) {
      const raw = (row[this.valueHeaders[k].index] ?? '').trim()
      const read = readCell(raw)
      const col = series.columns[k]
      // a unit column may change within the file: a value in another unit than the series' is converted when exact, else kept apart
      const factor = series.factors[k]
      if (read.value !== null && factor !== 1 && rowUnit !== null) {
        col.noteUnit(rowUnit, factor !== null)
        if (factor === null) {
          col.putOtherUnit(i, raw, line)
          continue
        }
        read.value = convertExactly(read.value, factor)
      }
      col.put(i, raw, read.value, this.flags.code(read.flag ?? flagCell), line)
    }
    if (series.limit) {
      // without a unit in its header, the row's unit cell speaks for the limit too: converted like the first value
      const text = row[cols.limit] ?? ''
      if (series.lastLimit?.text !== text) series.lastLimit = { text, value: parseValue(text) }
      const limit = series.lastLimit.value
      const factor = this.limitHeaderUnit ? 1 : series.factors[0]
      series.limit.set(i, limit === null || factor === null ? NaN : convertExactly(limit, factor))
    }
  }

  /** A flag cell read once per distinct text (a file holds a handful: N, D, M, …). */
  private flagOf(cell: string): string | null {
    let flag = this.flagCells.get(cell)
    if (flag === undefined) {
      flag = readFlag(cell)
      if (this.flagCells.size < 1000) this.flagCells.set(cell, flag)
    }
    return flag
  }

  /** seriesOf, answered by comparing cells with the first series seen when one matches. */
  private knownSeries(factor: string, outlet: string, unit: string | null): LongSeries {
    for (const r of this.firstSeen)
      if (r.factor === factor && r.outlet === outlet && r.unit === unit) return r.series
    const series = this.seriesOf(factor, outlet, unit)
    if (this.firstSeen.length < FIRST_SERIES_COMPARED) this.firstSeen.push({ factor, outlet, unit, series })
    return series
  }

  /** The columns of one outlet's factor (one per value column) and its limit, made on first sight. */
  private seriesOf(factorName: string, outletCell: string, rowUnit: string | null): LongSeries {
    let byFactor = this.series.get(outletCell)
    if (!byFactor) this.series.set(outletCell, (byFactor = new Map()))
    let byUnit = byFactor.get(factorName)
    if (!byUnit) byFactor.set(factorName, (byUnit = new Map()))
    let series = byUnit.get(rowUnit ?? '')
    if (series) return series
    const factor = factorName.normalize('NFC')
    const pollutant = pollutantOf(factor) ?? factor
    const outlet = outletCell.normalize('NFC') || null
    const group = groupKey(outlet, pollutant)
    const columns = this.valueHeaders.map((v) => {
      const columnKey = `${group}\u0000${v.index}`
      let col = this.columns.get(columnKey)
      if (!col) {
        col = new ColumnBuffers({
          index: this.columns.size,
          header: `${factor} ${v.header}`,
          pollutant,
          outlet,
          basis: basisOf(v.name, v.unit ?? rowUnit),
          unit: v.unit ?? rowUnit,
        })
        this.columns.set(columnKey, col)
      }
      return col
    })
    let limit: Growable<Float64Array> | null = null
    if (this.cols.limit !== -1) {
      limit = this.limits.get(group) ?? f64()
      this.limits.set(group, limit)
      // a limit converted row by row (no unit in its header) is in the first value column's unit
      const limitUnit = this.limitHeaderUnit ?? columns[0]?.role.unit ?? null
      if (limitUnit && !this.limitUnits.has(group)) this.limitUnits.set(group, limitUnit)
    }
    // only a row unit speaks for the value: a unit in the value column's header wins over it
    const factors = columns.map((c, k) =>
      this.valueHeaders[k].unit || rowUnit === null || c.role.unit === null
        ? 1
        : exactFactor(rowUnit, c.role.unit),
    )
    series = { columns, factors, limit, lastLimit: null }
    byUnit.set(rowUnit ?? '', series)
    return series
  }

  /** The row of this line's time stamp: a new one on first sight; -1 when the time is unreadable. */
  private rowAt(row: string[], line: number): number {
    const { timeColumn, dateColumn } = this.start
    const time = row[timeColumn] ?? ''
    const date = dateColumn !== null ? (row[dateColumn] ?? '') : ''
    const key = dateColumn !== null ? `${date}\u0000${time}` : time
    if (key === this.lastKey) return this.lastRow
    let i = this.rowOf.get(key)
    if (i === undefined) {
      const t = parseLocalTime(dateColumn !== null ? `${date} ${time}` : time, this.zone)
      if (t) i = this.times.add(t.ms, t.offsetMinutes, line, t.zoneAssumed)
      else {
        i = -1
        this.skip()
      }
      this.rowOf.set(key, i)
    }
    this.lastKey = key
    this.lastRow = i
    return i
  }

  finish(rows: number): Pick<CompactTable, 'columns' | 'limitColumns' | 'limitRow' | 'limitUnits'> {
    const limitColumns = new Map<string, Float64Array>()
    for (const [group, lim] of this.limits) limitColumns.set(group, lim.take(rows))
    return {
      columns: [...this.columns.values()].map((c) => c.finish(rows)),
      limitColumns,
      limitRow: new Map(),
      limitUnits: this.limitUnits,
    }
  }
}
