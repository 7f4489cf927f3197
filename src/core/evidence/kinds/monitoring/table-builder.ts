/**
 * Finds the table in a monitoring export one row at a time, as a CSV parser hands the rows over,
 * and keeps it as columns of numbers (compact-table.ts): no row of strings outlives its turn, so a
 * 1,000,000-row file is read in bounded memory.
 *
 * The header is the first of the first 30 non-empty rows with a time (or date) column; the rows
 * above it may hold key：value pairs (企业名称：…). A header with a factor column and a value column
 * is a long table (long-table.ts), else each pollutant column is a series of a wide table, with an
 * optional unit row right under the header, limit rows (标准限值, …) and limit or flag columns.
 */
import {
  basisOf,
  DATE_HEADER,
  FLAG_WORD,
  groupKey,
  headerName,
  LIMIT_WORD,
  looksLikeTimeCell,
  parseValue,
  pollutantOf,
  readCell,
  readFlag,
  splitUnit,
  TIME_HEADER,
  UNIT_HINT,
  type ColumnRole,
} from './cems-csv'
import { ColumnBuffers, f64, FlagNames, RowTimes, type CompactTable, type Growable } from './compact-table'
import { LongRows, longColumns } from './long-table'
import { parseLocalTime } from './time-cell'

/** Rows looked at for a header before the file is judged not to be a monitoring table. */
const HEADER_SEARCH_ROWS = 30

interface TableStart {
  headers: string[]
  timeColumn: number
  dateColumn: number | null
}

/** The rows of a wide table: one time per row, one column per pollutant and basis. */
class WideRows {
  private readonly columns: ColumnBuffers[]
  private readonly limitColumns = new Map<string, { index: number; values: Growable<Float64Array> }>()
  private readonly flagColumns = new Map<string, number>()
  readonly limitRow = new Map<number, number>()
  private afterHeader = 0

  constructor(
    private readonly start: TableStart,
    roles: ColumnRole[],
    limitColumns: Map<string, number>,
    private readonly limitUnits: Map<string, string>,
    flagColumns: Map<string, number>,
    private readonly times: RowTimes,
    private readonly flags: FlagNames,
    private readonly zone: string,
    private readonly skip: () => void,
  ) {
    this.columns = roles.map((r) => new ColumnBuffers(r))
    for (const [group, index] of limitColumns) this.limitColumns.set(group, { index, values: f64() })
    this.flagColumns = flagColumns
  }

  push(row: string[], line: number): void {
    const { timeColumn, dateColumn } = this.start
    const first = row[timeColumn] ?? ''
    if (LIMIT_WORD.test(first)) {
      for (const col of this.columns) {
        const v = parseValue(row[col.role.index] ?? '')
        if (v !== null) this.limitRow.set(col.role.index, v)
      }
      return
    }
    if (this.afterHeader++ === 0 && !looksLikeTimeCell(first) && this.unitRow(row)) return
    const cell = dateColumn !== null ? `${row[dateColumn] ?? ''} ${first}` : first
    const t = parseLocalTime(cell, this.zone)
    if (!t) return this.skip()
    const i = this.times.add(t.ms, t.offsetMinutes, line, t.zoneAssumed)
    for (const col of this.columns) {
      const raw = (row[col.role.index] ?? '').trim()
      const read = readCell(raw)
      const flagColumn = this.flagColumns.get(groupKey(col.role.outlet, col.role.pollutant))
      const flag = read.flag ?? (flagColumn !== undefined ? readFlag(row[flagColumn] ?? '') : null)
      col.put(i, raw, read.value, this.flags.code(flag), line)
    }
    for (const lim of this.limitColumns.values()) lim.values.set(i, parseValue(row[lim.index] ?? '') ?? NaN)
  }

  /** A unit row right under the header gives units where the header had none; true when this row is one. */
  private unitRow(row: string[]): boolean {
    const cells = this.columns.map((c) => row[c.role.index] ?? '')
    if (!cells.some((u) => UNIT_HINT.test(u)) || !cells.every((u) => parseValue(u) === null)) return false
    for (const { role } of this.columns) {
      const u = row[role.index] ?? ''
      if (!role.unit && UNIT_HINT.test(u)) role.unit = u.trim()
      if (role.basis === 'measured') role.basis = basisOf(splitUnit(role.header).name, role.unit)
    }
    return true
  }

  finish(rows: number): Pick<CompactTable, 'columns' | 'limitColumns' | 'limitRow' | 'limitUnits'> {
    const limitColumns = new Map<string, Float64Array>()
    for (const [group, lim] of this.limitColumns) limitColumns.set(group, lim.values.take(rows))
    return {
      columns: this.columns.map((c) => c.finish(rows)),
      limitColumns,
      limitRow: this.limitRow,
      limitUnits: this.limitUnits,
    }
  }
}

/** A wide table's columns under a header row, or null when no column names a pollutant. */
function wideColumns(
  cells: string[],
  start: TableStart,
): {
  roles: ColumnRole[]
  limits: Map<string, number>
  limitUnits: Map<string, string>
  flags: Map<string, number>
} | null {
  const roles: ColumnRole[] = []
  const limits = new Map<string, number>()
  const limitUnits = new Map<string, string>()
  const flags = new Map<string, number>()
  cells.forEach((cell, index) => {
    if (index === start.timeColumn || index === start.dateColumn) return
    const { name, unit } = splitUnit(cell)
    const pollutant = pollutantOf(name)
    if (!pollutant) return
    if (FLAG_WORD.test(name)) {
      if (!flags.has(pollutant)) flags.set(pollutant, index)
    } else if (LIMIT_WORD.test(name)) {
      if (!limits.has(pollutant)) {
        limits.set(pollutant, index)
        if (unit) limitUnits.set(pollutant, unit)
      }
    } else roles.push({ index, header: cell, pollutant, basis: basisOf(name, unit), unit })
  })
  return roles.length > 0 ? { roles, limits, limitUnits, flags } : null
}

/**
 * Feeds on a monitoring export's rows (cells as the CSV parser split them, with their file line),
 * in file order; `finish` gives the compact table, or null when no header of a monitoring table
 * was found in the first rows. Never throws on bad content.
 */
export class CemsTableBuilder {
  private readonly info: Record<string, string> = {}
  private readonly times = new RowTimes()
  private readonly flags = new FlagNames()
  private searched = 0
  private skipped = 0
  private start: TableStart | null = null
  private rows: WideRows | LongRows | null = null
  private layout: CompactTable['layout'] = 'wide'

  constructor(
    private readonly delimiter: CompactTable['delimiter'],
    private readonly zone: string,
  ) {}

  /** True once the first rows held no header: the rest of the file need not be read. */
  get hopeless(): boolean {
    return this.rows === null && this.searched >= HEADER_SEARCH_ROWS
  }

  push(cells: string[], line: number): void {
    // a line of spaces is an empty line
    if (cells.length === 1 && cells[0].trim() === '') return
    if (this.rows) return this.rows.push(cells, line)
    if (this.searched >= HEADER_SEARCH_ROWS || cells.every((c) => c.trim() === '')) return
    this.searched++
    const names = cells.map((c) => headerName(c.normalize('NFC')))
    const timeColumn = names.findIndex((n) => TIME_HEADER.test(n))
    const dateIdx = names.findIndex((n) => DATE_HEADER.test(n))
    if (timeColumn === -1 && dateIdx === -1) {
      for (const c of cells) {
        const kv = /^([^:：]{1,12})[:：]\s*(.+)$/.exec(c.trim().normalize('NFC'))
        if (kv) this.info[kv[1].trim()] = kv[2].trim()
      }
      return
    }
    const start: TableStart = {
      headers: cells.map((c) => c.trim().normalize('NFC')),
      timeColumn: timeColumn !== -1 ? timeColumn : dateIdx,
      dateColumn: timeColumn !== -1 && dateIdx !== -1 ? dateIdx : null,
    }
    const skip = (): void => {
      this.skipped++
    }
    const long = longColumns(names)
    if (long) {
      this.start = start
      this.layout = 'long'
      this.rows = new LongRows(start, long, this.times, this.flags, this.zone, skip)
      return
    }
    const wide = wideColumns(start.headers, start)
    if (!wide) return
    this.start = start
    this.rows = new WideRows(
      start,
      wide.roles,
      wide.limits,
      wide.limitUnits,
      wide.flags,
      this.times,
      this.flags,
      this.zone,
      skip,
    )
  }

  finish(): CompactTable | null {
    if (!this.start || !this.rows) return null
    const rows = this.times.rows
    const body = this.rows.finish(rows)
    if (body.columns.length === 0) return null
    return {
      delimiter: this.delimiter,
      layout: this.layout,
      timeHeader: this.start.headers[this.start.timeColumn] ?? '',
      info: this.info,
      rows,
      skippedRows: this.skipped,
      zoneAssumedRows: this.times.zoneAssumed,
      times: this.times.times.take(rows),
      offsets: this.times.offsets.take(rows),
      lines: this.times.lines.take(rows),
      flagNames: this.flags.names,
      ...body,
    }
  }
}
