/**
 * Long tables, as the 污染源自动监控 platforms and many DCS systems export them: one row per
 * time × factor (监测时间 | 排放口名称 | 监测因子 | 实测浓度 | 折算浓度 | 排放限值 | 是否超标 | 数据标记).
 * They are pivoted into the wide shape (one column per outlet × factor × basis, one row per time)
 * so one summariser judges both layouts alike.
 */
import { groupKey } from '../../../../shared/kinds/monitoring-words'
import type { Basis, CemsTable, ColumnRole } from './cems-csv'

/** The header readers of cems-csv.ts, passed in so the two modules do not import each other. */
export interface HeaderReaders {
  pollutantOf(name: string): string | null
  basisOf(name: string, unit: string | null): Basis
  splitUnit(header: string): { name: string; unit: string | null }
}

const FACTOR_HEADER =
  /^(监测|污染|检测)?(因子|因子名称|项目|指标)(名称)?$|^污染物(名称)?$|^factor$|^pollutant$/i
const OUTLET_HEADER = /^(排放口|排口|监测点位|点位|监测点)(名称|编号)?$|^outlet$/i
const LIMIT_HEADER = /限值|标准值|排放标准|limit/i
const FLAG_HEADER = /^(数据)?(标记|标识|状态|有效性)$|^flag$/i
const UNIT_HEADER = /^(计量)?单位$|^unit$/i
/** value columns: a concentration or a period mean; basis read from the header */
const VALUE_HEADER = /浓度|均值|监测值|数值|排放量|^value$/i

/** The column indices of a long table's header, or null when the header is not one. */
function longColumns(names: string[]) {
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

/**
 * A long table pivoted to the wide shape; null when the header has no factor column or no value
 * column. `base` carries the delimiter, header row, time/date columns and info found by the caller.
 */
export function pivotLongTable(
  base: Pick<CemsTable, 'delimiter' | 'headerRow' | 'timeColumn' | 'dateColumn' | 'info'>,
  headers: string[],
  names: string[],
  rows: string[][],
  lines: number[],
  { pollutantOf, basisOf, splitUnit }: HeaderReaders,
): CemsTable | null {
  const cols = longColumns(names)
  if (!cols) return null
  const columns: ColumnRole[] = []
  const limitColumns = new Map<string, number>()
  const flagColumns = new Map<string, number>()
  const byTime = new Map<string, { row: string[]; line: number }>()
  // pivoted layout: [time, date, ...one cell per new column]
  let next = 2
  const columnOf = new Map<string, number>()
  const cellIndex = (key: string): number => {
    let i = columnOf.get(key)
    if (i === undefined) {
      i = next++
      columnOf.set(key, i)
    }
    return i
  }
  rows.forEach((row, r) => {
    const factorName = (row[cols.factor] ?? '').trim()
    if (!factorName) return
    const pollutant = pollutantOf(factorName) ?? factorName
    const outlet = cols.outlet !== null ? (row[cols.outlet] ?? '').trim() || null : null
    const group = groupKey(outlet, pollutant)
    const time = row[base.timeColumn] ?? ''
    const date = base.dateColumn !== null ? (row[base.dateColumn] ?? '') : ''
    const key = `${date}\u0000${time}`
    let target = byTime.get(key)
    if (!target) {
      target = { row: [time, date], line: lines[r] }
      byTime.set(key, target)
    }
    const rowUnit = cols.unit !== -1 ? (row[cols.unit] ?? '').trim() || null : null
    for (const v of cols.values) {
      const { name, unit } = splitUnit(headers[v])
      const i = cellIndex(`v\u0000${group}\u0000${v}`)
      if (!columns.some((c) => c.index === i))
        columns.push({
          index: i,
          header: `${factorName} ${headers[v]}`,
          pollutant,
          outlet,
          basis: basisOf(name, unit ?? rowUnit),
          unit: unit ?? rowUnit,
        })
      target.row[i] = row[v] ?? ''
    }
    if (cols.limit !== -1) {
      const i = cellIndex(`l\u0000${group}`)
      limitColumns.set(group, i)
      target.row[i] = row[cols.limit] ?? ''
    }
    if (cols.flag !== -1) {
      const i = cellIndex(`f\u0000${group}`)
      flagColumns.set(group, i)
      target.row[i] = row[cols.flag] ?? ''
    }
  })
  if (columns.length === 0) return null
  const body = [...byTime.values()]
  return {
    ...base,
    headers,
    timeColumn: 0,
    dateColumn: base.dateColumn !== null ? 1 : null,
    layout: 'long',
    columns,
    flagColumns,
    limitColumns,
    limitRow: new Map(),
    body: body.map((b) => b.row),
    bodyLines: body.map((b) => b.line),
  }
}
