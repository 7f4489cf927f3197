/**
 * HJ 212 messages split over several packets. HJ 212-2017 §6.3 (data segment): when a message is
 * too long for one packet (a data segment holds at most 1,024 characters), the sender splits it and
 * says so in the header: the Flag field's bit D ("是否有数据包序号", whether the packet has a packet
 * number) is set, PNUM (总包数) "is the number of packets this communication holds" and PNO (包号)
 * "is the number of this packet", each part with the same QN. As described by the standard's field
 * table quoted in public implementations (chenqi92/alltobs-hj212 `HjData.java`/`HjDataFlag.java`:
 * PNUM 总包号, PNO 包号, Flag bit D = 2; an HJ 212 guide on jianshu.com "HJ212协议标准报文解析":
 * "PNUM 表示本次通讯总共包含的包数，PNO 指示当前数据包的包号").
 *
 * Each part is a packet with its own length and CRC, checked before it gets here, and its own
 * `CP=&&…&&`. The parts are joined by QN, MN and CN: a message is read only when parts 1..PNUM are
 * all there, its fields in PNO order; a message with a part missing is kept out of the series and
 * reported with the lines of the parts that came. Parts are taken to split the CP between fields
 * (each part's CP reads as whole `key=value` pairs, as the checked segment of every part must);
 * DataTime, when several parts carry it, must agree, or the message is reported and kept out.
 */
import type { Hj212Packet } from './hj212-packet'

/** Messages waiting for parts; past this many, the oldest is given up as incomplete (hostile logs). */
const MAX_PENDING = 10_000
/** Incomplete or inconsistent messages named one by one; the rest are counted. */
const NAMED = 100

export interface SplitReport {
  /** messages joined from their parts and read */
  joined: number
  /** messages kept out: a part missing, a part repeated with other content, or parts that disagree */
  kept: { count: number; messages: Array<{ qn: string; cn: string; lines: number[]; problem: string }> }
}

interface Pending {
  total: number
  parts: Map<number, Hj212Packet>
  /** a reason found while collecting (a part sent twice with other content), kept out when set */
  problem: string | null
}

/** Collects the parts of split messages; `add` gives the joined packet when its last part arrives. */
export class SplitJoiner {
  private readonly pending = new Map<string, Pending>()
  readonly report: SplitReport = { joined: 0, kept: { count: 0, messages: [] } }

  /** A packet with a part number: null while its message is incomplete, else the joined message. */
  add(p: Hj212Packet & { part: { no: number; total: number } }): Hj212Packet | null {
    if (!p.qn) {
      this.keep('', p.cn, [p.line], 'a part of a split message (PNUM/PNO) without a QN cannot be joined')
      return null
    }
    if (p.part.no < 1 || p.part.no > p.part.total || p.part.total > 9999) {
      this.keep(p.qn, p.cn, [p.line], `its PNO ${p.part.no} is not between 1 and PNUM ${p.part.total}`)
      return null
    }
    const key = `${p.qn}\u0000${p.mn}\u0000${p.cn}`
    let m = this.pending.get(key)
    if (!m) {
      if (this.pending.size >= MAX_PENDING) this.giveUp(this.pending.keys().next().value as string)
      m = { total: p.part.total, parts: new Map(), problem: null }
      this.pending.set(key, m)
    }
    if (p.part.total !== m.total) m.problem = `its parts disagree on PNUM (${m.total} and ${p.part.total})`
    const before = m.parts.get(p.part.no)
    if (before) {
      // the same part again: a resend with the same content changes nothing; other content is a conflict
      if (!samePart(before, p))
        m.problem = `part ${p.part.no} was sent twice with different content (lines ${before.line} and ${p.line})`
      return null
    }
    m.parts.set(p.part.no, p)
    if (m.parts.size < m.total || m.problem) return null
    this.pending.delete(key)
    const parts = [...m.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, part]) => part)
    const times = new Set(parts.flatMap((x) => (x.dataTime === null ? [] : [x.dataTime])))
    if (times.size > 1) {
      this.keep(p.qn, p.cn, linesOf(parts), `its parts give different DataTime (${[...times].join(', ')})`)
      return null
    }
    this.report.joined++
    const first = parts[0]
    const flags = new Map<string, string>()
    for (const x of parts) for (const [k, v] of x.flags) if (!flags.has(k)) flags.set(k, v)
    return {
      ...first,
      line: Math.min(...parts.map((x) => x.line)),
      dataTime: first.dataTime ?? parts.find((x) => x.dataTime !== null)?.dataTime ?? null,
      fields: parts.flatMap((x) => x.fields),
      flags,
      part: undefined,
    }
  }

  /** At the end of the log: every message still waiting for a part is reported and kept out. */
  finish(): SplitReport {
    for (const key of [...this.pending.keys()]) this.giveUp(key)
    return this.report
  }

  private giveUp(key: string): void {
    const m = this.pending.get(key)
    if (!m) return
    this.pending.delete(key)
    const parts = [...m.parts.entries()].sort((a, b) => a[0] - b[0])
    const any = parts[0][1]
    const missing: number[] = []
    for (let no = 1; no <= m.total && missing.length < 20; no++) if (!m.parts.has(no)) missing.push(no)
    const problem =
      m.problem ??
      `part(s) ${missing.join(', ')}${missing.length === 20 ? ', …' : ''} of ${m.total} missing (parts ${parts.map(([no]) => no).join(', ')} came)`
    this.keep(any.qn, any.cn, linesOf(parts.map(([, x]) => x)), problem)
  }

  private keep(qn: string, cn: string, lines: number[], problem: string): void {
    this.report.kept.count++
    if (this.report.kept.messages.length < NAMED) this.report.kept.messages.push({ qn, cn, lines, problem })
  }
}

const linesOf = (parts: Hj212Packet[]): number[] => parts.map((x) => x.line).sort((a, b) => a - b)

function samePart(a: Hj212Packet, b: Hj212Packet): boolean {
  if (a.dataTime !== b.dataTime || a.fields.length !== b.fields.length) return false
  return a.fields.every(
    (f, i) => f.code === b.fields[i].code && f.field === b.fields[i].field && f.value === b.fields[i].value,
  )
}
