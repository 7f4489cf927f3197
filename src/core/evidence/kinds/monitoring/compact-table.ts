/**
 * A monitoring table held as columns of numbers rather than rows of strings: one time per row
 * (epoch ms, offset, file line) and, per value column, a value, a state and a data flag. A
 * 1,000,000-row export fits in tens of megabytes this way, where rows of strings took gigabytes.
 */
import type { ColumnRole } from './cems-csv'

/** A Float64/Int32/Uint16/Uint8 array that grows as rows arrive, new slots filled with `fill`. */
export class Growable<A extends Float64Array | Int32Array | Uint16Array | Uint8Array> {
  private data: A
  length = 0

  constructor(
    private readonly make: (n: number) => A,
    private readonly fill: number,
  ) {
    this.data = make(256)
    this.data.fill(fill)
  }

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      let size = this.data.length * 2
      while (size <= i) size *= 2
      const next = this.make(size)
      next.set(this.data)
      next.fill(this.fill, this.data.length)
      this.data = next
    }
    this.data[i] = v
    if (i >= this.length) this.length = i + 1
  }

  get(i: number): number {
    return i < this.length ? this.data[i] : this.fill
  }

  /** the first `n` slots (unset ones hold the fill value), as a view */
  take(n: number): A {
    if (n > this.data.length) this.set(n - 1, this.fill)
    return this.data.subarray(0, n) as A
  }
}

export const f64 = (fill = NaN) => new Growable((n) => new Float64Array(n), fill)
export const i32 = (fill = 0) => new Growable((n) => new Int32Array(n), fill)
export const u16 = (fill = 0) => new Growable((n) => new Uint16Array(n), fill)
export const u8 = (fill = 0) => new Growable((n) => new Uint8Array(n), fill)

/** What a value cell held. */
export const CELL_NUMBER = 0
/** blank, dashes, slashes, NA: "no value", not a wrong one */
export const CELL_EMPTY = 1
/** words or anything else that is not a number: kept as written, counted and named */
export const CELL_UNREADABLE = 2
/** a number in a unit that cannot be converted exactly to the series' unit: kept apart, never compared */
export const CELL_OTHER_UNIT = 3

/** A cell that holds neither a number nor a blank: kept as written, named by line and column. */
export interface UnreadableCell {
  row: number
  column: string
  text: string
}

/** A cell written again for a period that already had one (a long table's or an HJ 212 log's repeat): the later cell, kept apart. */
export interface LaterCell {
  /** the table row (the period) */
  row: number
  /** the file line of the later cell */
  line: number
  /** CELL_NUMBER, CELL_EMPTY, CELL_UNREADABLE or CELL_OTHER_UNIT */
  state: number
  value: number | null
  /** 0 for no flag, else 1 + the flag's index in CompactTable.flagNames */
  flag: number
  /** the cell as written */
  text: string
}

/** Periods written twice in one column while reading: the first cell is kept, the later ones counted or kept apart. */
export interface CellRepeats {
  /** later cells equal to the first (same value and flag): counted */
  identical: number
  /** later cells that differ from the first, the first MAX_LATER_CELLS kept (the rest counted) */
  differing: LaterCell[]
  differingCount: number
}

/** Later differing cells kept per column (each names a period and its two values); the rest are counted. */
const MAX_LATER_CELLS = 10_000

export interface CompactColumn extends ColumnRole {
  /** per row: the number, NaN when the cell held none */
  values: Float64Array
  /** per row: CELL_NUMBER, CELL_EMPTY or CELL_UNREADABLE */
  states: Uint8Array
  /** per row: 0 for no flag, else 1 + the flag's index in CompactTable.flagNames */
  flags: Uint16Array
  /** cells that are neither numbers nor blank, counted; the first ones named */
  unreadable: { count: number; cells: UnreadableCell[] }
  /** values written in another unit: converted exactly to the series' unit, or (no exact conversion) left out */
  units?: UnitNotes
  /** per row: the file line its cell was read from, 0 when the row has no cell for this column */
  cellLines: Int32Array
  /** cells written again for a period that already had one (long tables, HJ 212 logs) */
  repeats: CellRepeats
}

/** Values of a series written in another unit than the series': per unit as written, how many. */
export interface UnitNotes {
  /** converted by an exact factor (mg/m³ → μg/m³) */
  converted: Record<string, number>
  /** no exact conversion (ppm, %): kept apart, not in the statistics, never compared with a limit */
  refused: Record<string, number>
}

export interface CompactTable {
  delimiter: ',' | '\t' | ';'
  layout: 'wide' | 'long'
  /** the header cell of the time column, as written */
  timeHeader: string
  /** key：value pairs found above the header */
  info: Record<string, string>
  /** rows with a readable time stamp, in file order */
  rows: number
  /** rows (long tables: time stamps) left out because their time could not be read */
  skippedRows: number
  times: Float64Array
  /** the UTC offset each time was written in, minutes east */
  offsets: Int32Array
  /** each row's line in the file (1-based); a long table's first line at that time */
  lines: Int32Array
  columns: CompactColumn[]
  /** per group (outlet/pollutant): the limit the file gives on each row, NaN where none */
  limitColumns: Map<string, Float64Array>
  /** a wide table's limit row: column index → value */
  limitRow: Map<number, number>
  /** per group: the unit the file's limit column is written in, when its header or unit column says */
  limitUnits?: Map<string, string>
  /** the data flags met, in order; flags[i] = k means flagNames[k - 1] */
  flagNames: string[]
  /** rows whose time carried no zone or UTC offset and was read in the case zone (flagged on the item) */
  zoneAssumedRows?: number
  /** the data period the format itself states (HJ 212 hourly and daily data); else it is read from the time stamps */
  periodMs?: number
}

/** Cells that say "no value" rather than a wrong one: blank, dashes, slashes. */
const NO_VALUE = /^(|-+|—+|\/|NA|N\/A|null)$/i
/** Unreadable cells named per column; the rest are only counted. */
const NAMED_UNREADABLE = 20

/** The state a cell will be stored with (as put does). */
function stateOf(raw: string, value: number | null): number {
  if (value !== null) return CELL_NUMBER
  return NO_VALUE.test(raw) ? CELL_EMPTY : CELL_UNREADABLE
}

/** The data flags met while reading, interned: a flag is stored as a small number per cell. */
export class FlagNames {
  readonly names: string[] = []
  private readonly codes = new Map<string, number>()

  code(flag: string | null): number {
    if (flag === null) return 0
    let c = this.codes.get(flag)
    if (c === undefined) {
      this.names.push(flag)
      c = this.names.length
      this.codes.set(flag, c)
    }
    return c
  }
}

/** One value column as it is read: a cell at a time, into typed arrays. */
export class ColumnBuffers {
  readonly values = f64()
  readonly states = u8(CELL_EMPTY)
  readonly flags = u16()
  readonly unreadable: CompactColumn['unreadable'] = { count: 0, cells: [] }
  /** per row: the line of the cell written there (0: none yet), so a second cell for the same period is seen */
  private readonly cellLines = i32()
  private readonly repeats: CellRepeats = { identical: 0, differing: [], differingCount: 0 }
  private units: UnitNotes | null = null

  constructor(readonly role: ColumnRole) {}

  /** Counts a value written in `unit`, converted to the column's unit (or refused when no exact factor exists). */
  noteUnit(unit: string, converted: boolean): void {
    this.units ??= { converted: {}, refused: {} }
    const tally = converted ? this.units.converted : this.units.refused
    tally[unit] = (tally[unit] ?? 0) + 1
  }

  /** Row `i` holds a value in a unit with no exact conversion to the column's: not a number of this series. */
  putOtherUnit(i: number, raw: string, line: number): void {
    if (this.repeated(i, CELL_OTHER_UNIT, null, 0, raw, line)) return
    this.values.set(i, NaN)
    this.flags.set(i, 0)
    this.states.set(i, CELL_OTHER_UNIT)
  }

  /** Stores row `i`'s cell (trimmed raw text, value and flag already read) from file line `line`. */
  put(i: number, raw: string, value: number | null, flag: number, line: number): void {
    if (this.repeated(i, stateOf(raw, value), value, flag, raw, line)) return
    if (value !== null) {
      this.values.set(i, value)
      this.states.set(i, CELL_NUMBER)
      this.flags.set(i, flag)
      return
    }
    this.values.set(i, NaN)
    this.flags.set(i, 0)
    if (NO_VALUE.test(raw)) {
      this.states.set(i, CELL_EMPTY)
      return
    }
    this.states.set(i, CELL_UNREADABLE)
    this.unreadable.count++
    if (this.unreadable.cells.length < NAMED_UNREADABLE)
      this.unreadable.cells.push({ row: line, column: this.role.header, text: raw })
  }

  /**
   * True when row `i` already has a cell: the period was sent again. The first cell stays (the
   * series never silently takes the later one); the later one is counted when equal, else kept
   * apart with its line so the period can be named with both values (repeats.ts).
   */
  private repeated(
    i: number,
    state: number,
    value: number | null,
    flag: number,
    raw: string,
    line: number,
  ): boolean {
    // a blank is no value: a blank first cell gives way to a later value, a later blank changes nothing
    if (this.cellLines.get(i) === 0 || this.states.get(i) === CELL_EMPTY) {
      this.cellLines.set(i, line)
      return false
    }
    if (state === CELL_EMPTY) return true
    const same =
      this.states.get(i) === state &&
      this.flags.get(i) === (state === CELL_NUMBER ? flag : 0) &&
      (state === CELL_NUMBER ? this.values.get(i) === value : true)
    if (same) this.repeats.identical++
    else {
      this.repeats.differingCount++
      if (this.repeats.differing.length < MAX_LATER_CELLS)
        this.repeats.differing.push({ row: i, line, state, value, flag, text: raw })
    }
    return true
  }

  finish(rows: number): CompactColumn {
    return {
      ...this.role,
      cellLines: this.cellLines.take(rows),
      repeats: this.repeats,
      values: this.values.take(rows),
      states: this.states.take(rows),
      flags: this.flags.take(rows),
      unreadable: this.unreadable,
      ...(this.units ? { units: this.units } : {}),
    }
  }
}

/** The rows' times as they are read. */
export class RowTimes {
  readonly times = f64()
  readonly offsets = i32()
  readonly lines = i32()
  rows = 0
  /** rows whose time carried no zone or offset and was read in the case zone */
  zoneAssumed = 0

  add(ms: number, offsetMinutes: number, line: number, zoneAssumed = false): number {
    const i = this.rows++
    if (zoneAssumed) this.zoneAssumed++
    this.times.set(i, ms)
    this.offsets.set(i, offsetMinutes)
    this.lines.set(i, line)
    return i
  }
}
