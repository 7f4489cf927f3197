/**
 * Monitoring exports saved as spreadsheets (.xlsx, legacy .xls), read with SheetJS (@e965/xlsx):
 * each sheet becomes rows of cell texts fed to the same table builder as a CSV (table-builder.ts),
 * so the same wide and long layouts are recognised, and every sheet with one is read.
 *
 * Hostile input: an .xlsx's ZIP is checked (entry count, declared and real inflated sizes) before
 * SheetJS sees it; sheets, rows and cells are capped. Dates stored as serial numbers become the
 * wall time the cell shows (excel-date.ts, 1900 and 1904 systems), read in the case zone like a
 * CSV time. A two-row header under merged cells (SO2 over 实测浓度 | 折算浓度) is read as
 * "SO2实测浓度", "SO2折算浓度".
 */
import * as XLSX from '@e965/xlsx'
import type { CompactTable } from './compact-table'
import { excelSerialToWallTime } from './excel-date'
import { CemsTableBuilder } from './table-builder'
import { formatBytes, zipOverCaps } from './zip-guard'

/** Workbook caps: beyond them a sheet (or the file) is not read, and the officer is told which cap. */
export const SHEET_CAPS = {
  /** an .xlsx's ZIP: entries and the sum of their inflated sizes */
  maxZipEntries: 10_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  /** sheets looked at, in workbook order */
  maxSheets: 64,
  /** rows read per sheet (more than an hourly year, about two minute-data years) */
  maxRows: 1_100_000,
  /** cells read in the whole workbook */
  maxCells: 12_000_000,
} as const

export interface SheetTable {
  sheet: string
  table: CompactTable
}

export interface SheetsRead {
  tables: SheetTable[]
  /** sheets without a monitoring table, or not read, each with why */
  skipped: Array<{ sheet: string; reason: string }>
  /** why the workbook was refused or could not be opened; null when it was read */
  refused: string | null
  /** caps met while reading (rows or cells left out), in words */
  capped: string[]
}

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
}

/** A cell as the text a CSV export of it would hold (a date as its wall time); '' for none. */
function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return ''
  const v = cell.v
  switch (cell.t) {
    case 'n': {
      if (typeof v !== 'number') break
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z))
        return excelSerialToWallTime(v, date1904) ?? String(v)
      return String(v)
    }
    case 's':
      return typeof v === 'string' ? v : ''
    case 'b':
      return v ? 'TRUE' : 'FALSE'
    case 'e':
      return typeof v === 'number' ? (ERROR_TEXT[v] ?? '#ERROR') : '#ERROR'
    case 'd':
      return v instanceof Date ? v.toISOString() : ''
    default:
      break
  }
  // a formula saved without its computed value: kept as written, so it is counted as unreadable
  return cell.f ? `=${cell.f}` : ''
}

/** Which format the bytes are, by content: an .xlsx ZIP or an OLE2 (CFB) .xls. */
export type SheetFormat = 'xlsx' | 'xls'

/** Every sheet's monitoring table, in workbook order. Never throws on bad content. */
export function readSheets(bytes: Uint8Array, format: SheetFormat, caseTimeZone: string): SheetsRead {
  const out: SheetsRead = { tables: [], skipped: [], refused: null, capped: [] }
  if (format === 'xlsx') {
    const over = zipOverCaps(bytes, {
      maxEntries: SHEET_CAPS.maxZipEntries,
      maxInflatedBytes: SHEET_CAPS.maxInflatedBytes,
    })
    if (over) {
      out.refused = over
      return out
    }
  }
  let wb: XLSX.WorkBook
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetRows: SHEET_CAPS.maxRows + 1,
    })
  } catch (e) {
    out.refused = `the workbook could not be opened (${e instanceof Error ? e.message : String(e)})`
    return out
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true
  let cells = 0
  wb.SheetNames.forEach((name, k) => {
    if (k >= SHEET_CAPS.maxSheets) {
      out.skipped.push({ sheet: name, reason: `beyond the first ${SHEET_CAPS.maxSheets} sheets` })
      return
    }
    if (cells >= SHEET_CAPS.maxCells) {
      out.skipped.push({
        sheet: name,
        reason: `the workbook's cap of ${SHEET_CAPS.maxCells} cells was reached`,
      })
      return
    }
    const sheet = wb.Sheets[name] as XLSX.WorkSheet | undefined
    const data = (sheet as { '!data'?: XLSX.CellObject[][] } | undefined)?.['!data']
    if (!sheet || !data || !sheet['!ref']) {
      out.skipped.push({ sheet: name, reason: 'it holds no cells' })
      return
    }
    const rows = sheetRows(sheet, data, date1904)
    const builder = new CemsTableBuilder(',', caseTimeZone)
    let lastRow = 0
    for (const { cells: row, line } of rows) {
      if (line > SHEET_CAPS.maxRows) {
        out.capped.push(`sheet "${name}": only its first ${SHEET_CAPS.maxRows} rows were read`)
        break
      }
      cells += row.length
      if (cells > SHEET_CAPS.maxCells) {
        out.capped.push(
          `sheet "${name}": reading stopped at row ${lastRow}, the workbook's cap of ${SHEET_CAPS.maxCells} cells`,
        )
        break
      }
      builder.push(row, line)
      lastRow = line
      if (builder.hopeless) break
    }
    const table = builder.finish()
    if (table) out.tables.push({ sheet: name, table })
    else
      out.skipped.push({
        sheet: name,
        reason: 'no header row with a time column and pollutant (or 监测因子) columns in its first 30 rows',
      })
  })
  return out
}

/** The sheet's rows as cell texts with their sheet row number, merged header cells filled and joined. */
function* sheetRows(
  sheet: XLSX.WorkSheet,
  data: XLSX.CellObject[][],
  date1904: boolean,
): Generator<{ cells: string[]; line: number }> {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1')
  const width = range.e.c + 1
  const text = (r: number): string[] => {
    const row = data[r]
    const cells = new Array<string>(row ? Math.min(row.length, width) : 0)
    for (let c = 0; c < cells.length; c++) cells[c] = cellText(row?.[c], date1904)
    return cells
  }
  const merges = (sheet['!merges'] ?? []).filter((m) => m.s.r < 40)
  // header rows (the first few) with their merged cells filled: a merged 监测时间 or SO2 spans them all
  const head: string[][] = []
  for (let r = 0; r <= Math.min(range.e.r, 39); r++) head.push(text(r))
  for (const m of merges) {
    const value = head[m.s.r]?.[m.s.c] ?? ''
    if (value === '') continue
    for (let r = m.s.r; r <= Math.min(m.e.r, head.length - 1); r++)
      for (let c = m.s.c; c <= m.e.c; c++) head[r][c] = value
  }
  const joined = new Set<number>()
  for (const m of merges) {
    // a horizontal merge over a row of sub-headers: SO2 over 实测浓度 | 折算浓度
    if (m.s.r !== m.e.r || m.e.c === m.s.c || joined.has(m.s.r)) continue
    const top = head[m.s.r]
    const below = head[m.s.r + 1]
    // a title merged across the table (企业名称：…) is one value, not a header over sub-headers
    if (!below || new Set(top.filter((t) => t.trim() !== '')).size < 2) continue
    const subs = below.slice(m.s.c, m.e.c + 1)
    if (!subs.every((s) => s.trim() !== '' && !/^[\d.+-]/.test(s.trim()))) continue
    head[m.s.r] = top.map((t, c) => {
      const b = below[c] ?? ''
      return b === '' || b === t ? t : t === '' ? b : `${t}${b}`
    })
    joined.add(m.s.r)
  }
  for (let r = 0; r <= range.e.r; r++) {
    if (joined.has(r - 1)) continue
    yield { cells: r < head.length ? head[r] : text(r), line: r + 1 }
  }
}

export { formatBytes }
