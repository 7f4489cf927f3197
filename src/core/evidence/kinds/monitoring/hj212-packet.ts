/**
 * One HJ 212-2017 packet (a line of a data logger's log): `##` + data segment length (4 digits) +
 * data segment (QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;CP=&&…&&) + CRC (4 hex digits), checked for its
 * length and CRC before anything in it is believed.
 *
 * What a line may hold: the packet alone, or a logger's prefix of at most 64 characters before the
 * `##` (a time stamp, "RECV:"), and the packet's CR LF end. The prefix is not part of the packet.
 */

/**
 * The standard's CRC (HJ 212-2017 appendix A): register 0xFFFF; for each byte of the data segment,
 * register = (register >> 8) XOR byte, then eight times: shift right, XOR 0xA001 when the bit
 * shifted out was 1. (Not CRC-16/MODBUS: that XORs the byte into the low byte instead.) The
 * standard's own example `##0101QN=20160801085857223;…;CP=&&RtdInterval=30&&1C80` checks in the tests.
 */
export function hj212Crc(bytes: Uint8Array): number {
  let reg = 0xffff
  for (let i = 0; i < bytes.length; i++) {
    reg = (reg >> 8) ^ bytes[i]
    for (let k = 0; k < 8; k++) {
      const out = reg & 1
      reg >>= 1
      if (out) reg ^= 0xa001
    }
  }
  return reg
}

/** A packet at the start of a line, after an optional logger prefix. */
const PACKET_LINE = /^(.{0,64}?)##(\d{4})/
/** The data segment starts with the request code or the system code (QN is optional in uploads). */
export const PACKET_START = /##\d{4}(?:QN|ST)=/

export interface Hj212Field {
  /** the factor code (a21026) */
  code: string
  /** Rtd, Avg, ZsAvg, Min, Max, Cou, … */
  field: string
  value: string
}

export interface Hj212Packet {
  line: number
  cn: string
  mn: string
  st: string
  /** YYYYMMDDhhmmss as written, the site's local time; null when the packet has none */
  dataTime: string | null
  fields: Hj212Field[]
  /** per factor code: the data flag the packet gives it (a21026-Flag=N) */
  flags: Map<string, string>
  /** the request code (QN) as written, '' when the packet has none */
  qn: string
  /** one part of a message split over several packets (PNUM > 1 in the header): its number and the total */
  part?: { no: number; total: number }
}

export type LineReading =
  { kind: 'packet'; packet: Hj212Packet } | { kind: 'bad'; line: number; problem: string } | { kind: 'other' }

/** A line read: a checked packet, a packet that fails its checks (with why), or a line of something else. */
export function readPacketLine(text: string, line: number): LineReading {
  const m = PACKET_LINE.exec(text)
  if (!m) return { kind: 'other' }
  const declared = Number(m[2])
  const rest = text.slice(m[0].length).replace(/\r$/, '')
  const crcText = /[0-9A-Fa-f]{4}$/.exec(rest)?.[0] ?? null
  const segment = crcText && rest.endsWith(`&&${crcText}`) ? rest.slice(0, -4) : null
  if (segment === null)
    return {
      kind: 'bad',
      line,
      problem: `the packet is cut short: it does not end with "&&" and a 4-digit CRC (it declares ${declared} characters, ${byteLength(rest)} follow)`,
    }
  const bytes = Buffer.from(segment, 'utf8')
  const problems: string[] = []
  if (bytes.length !== declared)
    problems.push(`it declares a data segment of ${declared} characters but has ${bytes.length}`)
  const crc = hj212Crc(bytes)
  if (crc !== parseInt(crcText as string, 16))
    problems.push(`its CRC is ${(crcText as string).toUpperCase()}, the data segment gives ${hex4(crc)}`)
  if (problems.length > 0) return { kind: 'bad', line, problem: problems.join('; ') }
  return { kind: 'packet', packet: parseSegment(segment, line) }
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0')
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8')

/** The header fields and the CP data of a checked data segment. */
function parseSegment(segment: string, line: number): Hj212Packet {
  const cpAt = segment.indexOf('CP=&&')
  const head = cpAt === -1 ? segment : segment.slice(0, cpAt)
  const header = new Map<string, string>()
  for (const part of head.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) header.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const packet: Hj212Packet = {
    line,
    cn: header.get('CN') ?? '',
    mn: header.get('MN') ?? '',
    st: header.get('ST') ?? '',
    dataTime: null,
    fields: [],
    flags: new Map(),
    qn: header.get('QN') ?? '',
  }
  // PNUM (总包数) and PNO (包号): see hj212-split.ts
  const total = Number(header.get('PNUM') ?? '')
  const no = Number(header.get('PNO') ?? '')
  if (Number.isInteger(total) && total > 1 && header.has('PNO')) packet.part = { no, total }
  if (cpAt === -1) return packet
  const cp = segment.slice(cpAt + 5).replace(/&&$/, '')
  for (const group of cp.split(';'))
    for (const pair of group.split(',')) {
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const key = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (key === 'DataTime') {
        packet.dataTime = value
        continue
      }
      const dash = key.lastIndexOf('-')
      if (dash <= 0) continue
      const codeText = key.slice(0, dash)
      const field = key.slice(dash + 1)
      if (field === 'Flag') packet.flags.set(codeText, value)
      else packet.fields.push({ code: codeText, field, value })
    }
  return packet
}
