/**
 * A data logger's HJ 212-2017 log (one packet per line) → one compact table per data command
 * (real-time, minute, hourly, daily: each its own series with its own period), one column per
 * device (MN) × factor × field (Rtd/Avg 实测, ZsRtd/ZsAvg 折算), each value with its packet's
 * data flag. Bad packets (length, CRC, cut short) are kept out of the series and named by line.
 *
 * Time: DataTime is the site's local wall time (the standard gives it no zone); it is read in the
 * case zone and the extraction says so. It is the start of the data period, as tables have it.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { EvidenceError } from '../../../errors'
import { readCell } from './cems-csv'
import { ColumnBuffers, FlagNames, RowTimes, type CompactTable } from './compact-table'
import {
  hj212Factor,
  HJ212_DATA_COMMANDS,
  HJ212_OTHER_FIELDS,
  HJ212_SERIES_FIELDS,
  HJ212_STATISTIC_FIELDS,
} from './hj212-codes'
import { PACKET_START, readPacketLine, type Hj212Packet } from './hj212-packet'
import { SplitJoiner, type SplitReport } from './hj212-split'
import { parseLocalTime } from './time-cell'

/** A packet's data segment is at most 9,999 characters; a longer line is not a packet. */
const MAX_LINE_CHARS = 16 * 1024
/** Bad packets and skipped times named one by one; the rest are counted. */
const NAMED_PROBLEMS = 100

export interface Hj212Report {
  /** packets that passed their checks */
  packets: number
  /** per data command (2061: 120), every checked packet */
  commands: Record<string, number>
  /** the devices (MN) seen in checked packets */
  devices: string[]
  /** packets that failed a check: counted, the first ones named by line */
  bad: { count: number; lines: Array<{ line: number; problem: string }> }
  /** non-empty lines that are no packet (a logger's other messages) */
  otherLines: number
  /** values of fields not drawn as series (Min, Max, Cou), counted */
  otherFieldValues: number
  /** data packets whose DataTime could not be read, by line */
  untimed: number[]
  /** messages split over several packets (PNUM/PNO): joined, or kept out with why (hj212-split.ts) */
  split?: SplitReport
}

export interface Hj212Read {
  tables: Array<{ command: string; table: CompactTable }>
  report: Hj212Report
}

/** True when a text head is an HJ 212 log: packet lines among its first non-empty lines, at least half of them. */
export function looksLikeHj212(head: string): boolean {
  const lines = head
    .split('\n', 200)
    .filter((l) => l.trim() !== '')
    .slice(0, 50)
  const packets = lines.filter((l) => PACKET_START.test(l.slice(0, 80))).length
  return packets > 0 && packets * 2 >= lines.length
}

/** One data command's table, built packet by packet. */
class CommandTable {
  private readonly times = new RowTimes()
  private readonly flags = new FlagNames()
  private readonly rowOf = new Map<string, number>()
  private readonly columns = new Map<string, ColumnBuffers>()

  constructor(
    private readonly zone: string,
    private readonly report: Hj212Report,
    /** minute, hourly or daily data (not real-time): its Min/Max/Cou are the period's statistics */
    private readonly periodic: boolean,
  ) {}

  add(p: Hj212Packet): void {
    const i = this.rowAt(p)
    if (i < 0) return
    for (const f of p.fields) {
      const statistic = Object.hasOwn(HJ212_STATISTIC_FIELDS, f.field)
        ? HJ212_STATISTIC_FIELDS[f.field]
        : null
      // a real-time packet's Min/Max are not period statistics: counted, not drawn
      const basis = HJ212_SERIES_FIELDS[f.field] ?? (statistic && this.periodic ? statistic.basis : undefined)
      if (!basis) {
        if (HJ212_OTHER_FIELDS.has(f.field)) this.report.otherFieldValues++
        continue
      }
      const col = this.column(p.mn, f.code, f.field, basis, statistic?.statistic)
      const read = readCell(f.value)
      const flag = p.flags.get(f.code) ?? null
      col.put(
        i,
        f.value,
        read.value,
        this.flags.code(read.flag ?? (flag ? flag.toUpperCase() : null)),
        p.line,
      )
    }
  }

  private rowAt(p: Hj212Packet): number {
    const key = p.dataTime ?? ''
    let i = this.rowOf.get(key)
    if (i === undefined) {
      const t = p.dataTime ? parseLocalTime(p.dataTime, this.zone) : null
      i = t ? this.times.add(t.ms, t.offsetMinutes, p.line) : -1
      if (t) this.rowOf.set(key, i)
    }
    if (i < 0 && this.report.untimed.length < NAMED_PROBLEMS) this.report.untimed.push(p.line)
    return i
  }

  private column(
    mn: string,
    codeText: string,
    field: string,
    basis: 'measured' | 'converted',
    statistic?: 'min' | 'max' | 'cumulative',
  ): ColumnBuffers {
    const key = `${mn}\u0000${codeText}\u0000${field}`
    let col = this.columns.get(key)
    if (!col) {
      const factor = hj212Factor(codeText)
      col = new ColumnBuffers({
        index: this.columns.size,
        header: `${codeText}-${field}`,
        pollutant: factor.pollutant,
        outlet: mn || null,
        basis,
        // the cumulative amount's unit is not the concentration's, and the packet does not state it
        unit: statistic === 'cumulative' ? null : factor.unit,
        ...(statistic ? { statistic } : {}),
      })
      this.columns.set(key, col)
    }
    return col
  }

  finish(): CompactTable | null {
    const rows = this.times.rows
    if (rows === 0 || this.columns.size === 0) return null
    const columns = [...this.columns.values()].map((c) => c.finish(rows))
    return {
      delimiter: ',',
      layout: 'long',
      timeHeader: 'DataTime',
      info: {},
      rows,
      skippedRows: 0,
      times: this.times.times.take(rows),
      offsets: this.times.offsets.take(rows),
      lines: this.times.lines.take(rows),
      columns,
      limitColumns: new Map(),
      limitRow: new Map(),
      flagNames: this.flags.names,
    }
  }
}

/** Reads an HJ 212 log from a file or bytes, line by line. Rejects only on an OS error or abort. */
export async function readHj212(
  source: { path: string } | { bytes: Uint8Array },
  caseTimeZone: string,
  signal?: AbortSignal,
): Promise<Hj212Read> {
  const report: Hj212Report = {
    packets: 0,
    commands: {},
    devices: [],
    bad: { count: 0, lines: [] },
    otherLines: 0,
    otherFieldValues: 0,
    untimed: [],
  }
  const tables = new Map<string, CommandTable>()
  const devices = new Set<string>()
  const splits = new SplitJoiner()
  const onLine = (text: string, line: number): void => {
    if (text.trim() === '') return
    const r = readPacketLine(text, line)
    if (r.kind === 'other') {
      report.otherLines++
      return
    }
    if (r.kind === 'bad') {
      report.bad.count++
      if (report.bad.lines.length < NAMED_PROBLEMS) report.bad.lines.push({ line, problem: r.problem })
      return
    }
    const part = r.packet
    report.packets++
    report.commands[part.cn] = (report.commands[part.cn] ?? 0) + 1
    if (!Object.hasOwn(HJ212_DATA_COMMANDS, part.cn)) return
    // a part of a split message is read only with all its parts, as one packet
    const p = part.part ? splits.add({ ...part, part: part.part }) : part
    if (!p) return
    if (p.mn && devices.size < 1000) devices.add(p.mn)
    let t = tables.get(p.cn)
    if (!t) tables.set(p.cn, (t = new CommandTable(caseTimeZone, report, p.cn !== '2011')))
    t.add(p)
  }
  await eachLine(source, onLine, signal)
  const split = splits.finish()
  if (split.joined > 0 || split.kept.count > 0) report.split = split
  report.devices = [...devices]
  const out: Hj212Read['tables'] = []
  // in the order of the standard's periods: real-time, minute, hourly, daily
  for (const command of ['2011', '2051', '2061', '2031']) {
    const table = tables.get(command)?.finish()
    if (!table) continue
    // hourly and daily data have the period the standard gives them, even with a single value
    if (command === '2061') table.periodMs = 3_600_000
    if (command === '2031') table.periodMs = 86_400_000
    // one device: the series need not name it (the facts give the MN); several: each series names its MN
    if (devices.size <= 1) {
      table.columns = table.columns.map((c) => ({ ...c, outlet: null }))
      if (report.devices[0]) table.info = { MN: report.devices[0] }
    } else table.columns = table.columns.map((c) => ({ ...c, outlet: c.outlet ? `MN ${c.outlet}` : null }))
    out.push({ command, table })
  }
  return { tables: out, report }
}

/** Every line of the source (UTF-8; the packets are ASCII), numbered from 1; a line over the cap is cut there. */
async function eachLine(
  source: { path: string } | { bytes: Uint8Array },
  onLine: (text: string, line: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const input =
    'path' in source
      ? createReadStream(source.path, { highWaterMark: 1024 * 1024 })
      : Readable.from([Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength)])
  let line = 0
  let pending: Buffer[] = []
  let pendingLength = 0
  const flush = (): void => {
    const text = Buffer.concat(pending).toString('utf8')
    pending = []
    pendingLength = 0
    onLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ++line)
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new EvidenceError('cancelled', 'Reading the monitoring file was cancelled.')
      let from = 0
      for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
        if (pendingLength < MAX_LINE_CHARS)
          pending.push(chunk.subarray(from, Math.min(nl, from + MAX_LINE_CHARS)))
        pendingLength += nl - from
        flush()
        from = nl + 1
      }
      if (from < chunk.length && pendingLength < MAX_LINE_CHARS) {
        const piece = chunk.subarray(from, Math.min(chunk.length, from + MAX_LINE_CHARS - pendingLength))
        pending.push(Buffer.from(piece))
        pendingLength += chunk.length - from
      } else pendingLength += chunk.length - from
    }
    if (pendingLength > 0) flush()
  } finally {
    input.destroy()
  }
}
