/**
 * A period sent twice. Platforms resend data, and a 篡改 (tampering) case may turn on exactly this:
 * the same hour uploaded again with a lower value. Two ways it reaches a table:
 * - a long table or an HJ 212 log writes a second cell for a row that has one (compact-table.ts
 *   keeps the first and the later one apart);
 * - a wide table (or a long one whose time is written two ways) has two rows at the same instant.
 *
 * What the series does with it (the reason is the court's, not the parser's):
 * - identical repeats count once and are counted, nothing more;
 * - a period with two different values is drawn with the value that came first in the file, marked,
 *   and is left out of the statistics and the exceedance windows like a flagged value: which of two
 *   transmissions is true is the question the case asks, so the reader never picks one for a
 *   finding. It is named (time, both values, both lines) and counted, and so is whether either value
 *   is over the limit, so leaving it out can never hide an exceedance either.
 */
import {
  CELL_EMPTY,
  CELL_NUMBER,
  CELL_OTHER_UNIT,
  CELL_UNREADABLE,
  type CompactColumn,
  type CompactTable,
} from './compact-table'

/** One value of a period sent more than once, as the facts name it. */
export interface RepeatValue {
  line: number
  /** the value as read ("72.8", "72.8 [D]"), or how the cell read when it held no number */
  text: string
  /** the number, when the cell held one with no data flag other than N (a valid value) */
  valid: number | null
}

/** Per column: rows not drawn (later rows of a period), and the periods with more than one value. */
export interface ColumnRepeats {
  /** rows that repeat an earlier row's period in this column: not drawn, not counted */
  skip: Set<number>
  /** the drawn row of each period sent with different values → the later, different values */
  differing: Map<number, RepeatValue[]>
  /** later cells equal to the first */
  identical: number
}

/** Runs of rows at the same instant, as [first, last] positions in `order` (time order, file order within). */
export function sameInstantRuns(table: CompactTable, order: Uint32Array): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  for (let p = 1; p < order.length; p++) {
    if (table.times[order[p]] !== table.times[order[p - 1]]) continue
    const last = runs[runs.length - 1]
    if (last && last[1] === p - 1) last[1] = p
    else runs.push([p - 1, p])
  }
  return runs
}

/** A cell as the facts write it: the number with its flag, or the kind of non-number it was. */
function cellText(
  table: CompactTable,
  state: number,
  value: number | null,
  flag: number,
  raw?: string,
): string {
  if (state === CELL_NUMBER && value !== null) {
    const name = flag > 0 ? table.flagNames[flag - 1] : null
    return name && name !== 'N' ? `${Number(value.toFixed(6))} [${name}]` : String(Number(value.toFixed(6)))
  }
  if (raw !== undefined && raw !== '') return raw
  if (state === CELL_EMPTY) return '—'
  if (state === CELL_OTHER_UNIT) return '(another unit)'
  return state === CELL_UNREADABLE ? '(not a number)' : '—'
}

const validValue = (table: CompactTable, state: number, value: number, flag: number): number | null =>
  state === CELL_NUMBER && !Number.isNaN(value) && (flag === 0 || table.flagNames[flag - 1] === 'N')
    ? value
    : null

function rowValue(table: CompactTable, col: CompactColumn, row: number): RepeatValue {
  const state = col.states[row]
  const value = col.values[row]
  const flag = col.flags[row]
  return {
    line: col.cellLines[row] || table.lines[row],
    text: cellText(table, state, Number.isNaN(value) ? null : value, flag),
    valid: validValue(table, state, value, flag),
  }
}

function sameCell(col: CompactColumn, a: number, b: number): boolean {
  if (col.states[a] !== col.states[b]) return false
  if (col.states[a] !== CELL_NUMBER) return true
  return col.values[a] === col.values[b] && col.flags[a] === col.flags[b]
}

/** One column's repeated periods, from the cells written twice and the rows at the same instant. */
export function columnRepeats(
  table: CompactTable,
  col: CompactColumn,
  runs: Array<[number, number]>,
  order: Uint32Array,
): ColumnRepeats {
  const out: ColumnRepeats = { skip: new Set(), differing: new Map(), identical: col.repeats.identical }
  const add = (row: number, v: RepeatValue): void => {
    const list = out.differing.get(row)
    if (list) list.push(v)
    else out.differing.set(row, [v])
  }
  for (const c of col.repeats.differing)
    add(c.row, {
      line: c.line,
      text: cellText(table, c.state, c.value, c.flag, c.state === CELL_NUMBER ? undefined : c.text),
      valid: c.value === null ? null : validValue(table, c.state, c.value, c.flag),
    })
  for (const [from, to] of runs) {
    // the period's cell is the first row (in file order) with something in it for this column; a
    // blank is no value, so it neither stands for the period nor contradicts it
    const has = (row: number): boolean => col.cellLines[row] !== 0 && col.states[row] !== CELL_EMPTY
    let drawn = -1
    for (let p = from; p <= to && drawn === -1; p++) if (has(order[p])) drawn = order[p]
    if (drawn === -1) drawn = order[from]
    for (let p = from; p <= to; p++) {
      const row = order[p]
      if (row === drawn) continue
      out.skip.add(row)
      if (!has(row)) continue
      if (sameCell(col, drawn, row)) out.identical++
      else add(drawn, rowValue(table, col, row))
    }
  }
  return out
}

/** The value drawn for a period sent with different values (the first in the file). */
export function drawnValue(table: CompactTable, col: CompactColumn, row: number): RepeatValue {
  return rowValue(table, col, row)
}
