/**
 * How the headers and cells of CEMS (在线监测) exports read: delimiter, pollutant, basis, unit,
 * values with their data flags. table-builder.ts finds the table with them; summarise.ts turns the
 * columns into series and exceedances.
 *
 * Exports seen in practice: an optional preamble (企业名称：…, 排放口：…), one header row whose
 * cells carry units in parentheses (SO2(mg/m³), 二氧化硫实测浓度（mg/m3）) or a separate unit
 * row under it, optional limit columns (SO2标准限值) or a limit row (标准限值, …), and rows of
 * local time stamps with values that may carry a data flag (72.8N) or none at all (--, 停运).
 */

export type { MonitoringBasis as Basis } from '../../../../shared/kinds/monitoring-words'
import type { MonitoringBasis as Basis } from '../../../../shared/kinds/monitoring-words'

export interface ColumnRole {
  index: number
  header: string
  pollutant: string
  /** measured (实测), standard dry (标干, not O2-corrected), converted to reference O2 (折算) or emission rate (排放量, kg/h) */
  basis: Basis
  unit: string | null
  /** the outlet (排放口) a long table names on each row; null in a one-outlet wide table */
  outlet?: string | null
  /**
   * HJ 212's period statistics beside the mean: the period's minimum, maximum or cumulative amount
   * (-Min/-Max/-Cou). Shown, never compared with a concentration limit.
   */
  statistic?: Statistic
}

/** A period's minimum, maximum or cumulative amount (累计量) rather than its mean. */
export type Statistic = 'min' | 'max' | 'cumulative'

export { groupKey } from '../../../../shared/kinds/monitoring-words'

/** Pollutants in the order they are tried; the first match names the column. */
const POLLUTANTS: ReadonlyArray<{ id: string; re: RegExp }> = [
  { id: 'SO2', re: /SO2|SO₂|二氧化硫/i },
  { id: 'NOx', re: /NOx|氮氧化物/i },
  { id: 'NO2', re: /NO2|NO₂|二氧化氮/i },
  { id: 'PM', re: /烟尘|颗粒物|粉尘|(?<![A-Za-z])(PM|dust)(?![A-Za-z0-9.])/i },
  { id: 'CO', re: /(?<![A-Za-z])CO(?![A-Za-z0-9₂])|一氧化碳/ },
  { id: 'HCl', re: /HCl|氯化氢/i },
  { id: 'Hg', re: /(?<![A-Za-z])Hg(?![A-Za-z])|汞/ },
  { id: 'NH3-N', re: /NH3-N|氨氮/i },
  { id: 'NH3', re: /NH3|氨逃逸|氨(?!氮)/i },
  { id: 'COD', re: /COD|化学需氧量/i },
  { id: 'TP', re: /总磷|(?<![A-Za-z])TP(?![A-Za-z])/ },
  { id: 'TN', re: /总氮|(?<![A-Za-z])TN(?![A-Za-z])/ },
]

export const TIME_HEADER =
  /^(监测|采样|数据|记录|采集|检测)?(时间|日期时间|时刻|时段|时间段)$|^(date ?time|time ?stamp|time|日期时间)$/i
export const DATE_HEADER = /^(监测|采样|数据)?日期$|^date$/i
export const LIMIT_WORD = /限值|标准值|标准限|排放标准|limit/i
export const FLAG_WORD = /标记|标识|状态|flag|有效性/i
export const UNIT_HINT = /mg|μg|ug|ng|m3|m³|%|℃|kg|Pa|m\/s|g\/|ppm|L\/|t\/|单位/i

/** Splits one line (RFC 4180 quoting; a quoted field cannot span lines here). */
export function splitRow(line: string, delimiter: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"' && cur.trim() === '') {
      quoted = true
      cur = ''
    } else if (c === delimiter) {
      out.push(cur.trim())
      cur = ''
    } else cur += c
  }
  out.push(cur.trim())
  return out
}

export function pickDelimiter(lines: string[]): ',' | '\t' | ';' {
  let best: ',' | '\t' | ';' = ','
  let bestScore = 0
  for (const d of [',', '\t', ';'] as const) {
    const counts = lines.slice(0, 40).map((l) => splitRow(l, d).length)
    const freq = new Map<number, number>()
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1)
    const score = Math.max(0, ...freq.values())
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** "SO2(mg/m³)" → { name: "SO2", unit: "mg/m³" }; full-width parentheses too. */
export function splitUnit(header: string): { name: string; unit: string | null } {
  const m = /^(.*?)[(（\[]\s*([^()（）[\]]*?)\s*[)）\]]\s*(.*)$/.exec(header)
  if (!m) return { name: header.trim(), unit: null }
  const unit = m[2] && UNIT_HINT.test(m[2]) ? m[2] : null
  return { name: `${m[1]}${unit ? '' : `(${m[2]})`}${m[3]}`.trim(), unit }
}

export function pollutantOf(name: string): string | null {
  for (const p of POLLUTANTS) if (p.re.test(name)) return p.id
  return null
}

export function basisOf(name: string, unit: string | null): Basis {
  if (
    /排放量|排放速率|速率|流率/.test(name) ||
    (unit !== null && /kg|t\/|g\/s|g\/h/i.test(unit) && !/m3|m³|L/i.test(unit))
  )
    return 'rate'
  // 标干 is the standard-dry value, not corrected to reference oxygen: it is never taken for 折算.
  if (/折算|基准氧|converted|corrected/i.test(name)) return 'converted'
  if (/标干|标态|standard ?dry/i.test(name)) return 'dry'
  return 'measured'
}

const VALUE_RE =
  /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:([A-Za-z]{1,3})|[(（]([A-Za-z]{1,3})[)）])?$/

/** A cell read as a value and the data flag written inside it ("72.8N", "35(D)"); null value for --, blanks and words. */
export function readCell(cell: string): { value: number | null; flag: string | null } {
  // most cells are plain decimals: read them without the pattern
  const plain = plainNumber(cell)
  if (plain !== null) return { value: plain, flag: null }
  const m = VALUE_RE.exec(cell.trim())
  if (!m) return { value: null, flag: null }
  const n = Number(m[1])
  return { value: Number.isFinite(n) ? n : null, flag: (m[2] ?? m[3] ?? null)?.toUpperCase() ?? null }
}

/** Exact powers of ten: 10^k for k ≤ 22 is a double without rounding. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * A cell of digits with at most a sign in front and one decimal point ("72.852", "-3", "35."); else
 * null. Read in the same pass that checks it: with at most 15 significant digits the digits form an
 * exact integer and 10^decimals is exact, so one division rounds once, exactly as Number(cell) does
 * (the fast path of Clinger's algorithm). Longer cells go to Number().
 */
function plainNumber(cell: string): number | null {
  const n = cell.length
  if (n === 0 || n > 24) return null
  let digits = 0
  let points = 0
  let mantissa = 0
  let decimals = 0
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      mantissa = mantissa * 10 + (c - 48)
      if (points === 1) decimals++
    } else if (c === 46) points++
    else if (!(i === 0 && (c === 43 || c === 45))) return null
  }
  if (digits === 0 || points > 1) return null
  if (digits > 15) return Number(cell)
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]
  return cell.charCodeAt(0) === 45 ? -value : value
}

/** A plain number, optionally followed by a data flag (72.8N, 35.0(D)); null for --, blanks and words. */
export function parseValue(cell: string): number | null {
  return readCell(cell).value
}

export const looksLikeTimeCell = (c: string): boolean =>
  /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|^\d{10,14}$/.test(c.trim())

/** A separate flag cell ("D", "N", "(D)"); null when blank. */
export function readFlag(cell: string): string | null {
  const m = /^[(（]?([A-Za-z]{1,3})[)）]?$/.exec(cell.trim())
  return m ? m[1].toUpperCase() : null
}

/** The header cell reduced to what names it: unit and parenthesised notes and spaces removed. */
export function headerName(cell: string): string {
  return splitUnit(cell)
    .name.replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '')
}
