/**
 * The recording time AVCHD camcorders (.mts/.m2ts) write into the H.264 stream: an SEI
 * "user data unregistered" message with UUID 17ee8c60-f84d-11d9-8cd6-0800200c9a66 followed by
 * "MDPM" (modified DV pack metadata), a count, and 5-byte entries (tag, 4 bytes). Tag 0x18 holds
 * the time zone byte and the BCD year and month; 0x19 the BCD day, hour, minute, second. The zone
 * byte (as ExifTool reads it): 0x20 sign (set = west of UTC), (byte >> 1) & 0x0f hours, 0x01 a
 * half hour, 0x40 the summer-time flag. ffprobe reports none of this.
 *
 * The transport stream is taken apart per PID (188-byte packets, or 192 with the M2TS time code)
 * so an SEI split across packets is whole again; emulation-prevention bytes (00 00 03) are
 * removed before the entries are read.
 */
import type { WallTime } from '../../../../shared/time-zone'
import { isValidWallTime } from '../../../../shared/time-zone'

const MARKER = Buffer.concat([
  Buffer.from('17ee8c60f84d11d98cd60800200c9a66', 'hex'),
  Buffer.from('MDPM', 'latin1'),
])

export interface MdpmTime {
  wall: WallTime
  /** minutes east of UTC as the camera recorded its zone */
  offsetMinutes: number
  /** the camera marked the zone as summer time */
  dst: boolean
}

/** Payload bytes of each PID in a transport stream head, in order (at most `cap` bytes each). */
function payloadsByPid(b: Buffer, cap = 4 << 20): Buffer[] {
  const step = b.length > 196 && b[4] === 0x47 && b[196] === 0x47 ? 192 : 188
  const start = step === 192 ? 4 : 0
  const parts = new Map<number, Buffer[]>()
  const sizes = new Map<number, number>()
  for (let o = start; o + 188 <= b.length; o += step) {
    if (b[o] !== 0x47) continue
    const pid = ((b[o + 1] & 0x1f) << 8) | b[o + 2]
    const adaptation = (b[o + 3] >> 4) & 0x3
    let p = o + 4
    if (adaptation === 2) continue
    if (adaptation === 3) p += 1 + b[o + 4]
    if (p >= o + 188) continue
    const size = sizes.get(pid) ?? 0
    if (size >= cap) continue
    const list = parts.get(pid) ?? []
    list.push(b.subarray(p, o + 188))
    parts.set(pid, list)
    sizes.set(pid, size + (o + 188 - p))
  }
  return [...parts.values()].map((l) => Buffer.concat(l))
}

function bcd(x: number): number | null {
  const hi = x >> 4
  const lo = x & 0x0f
  return hi > 9 || lo > 9 ? null : hi * 10 + lo
}

/** Removes H.264 emulation-prevention bytes (00 00 03 → 00 00). */
function unescape(b: Buffer): Buffer {
  const out: number[] = []
  let zeros = 0
  for (const x of b) {
    if (zeros >= 2 && x === 0x03) {
      zeros = 0
      continue
    }
    out.push(x)
    zeros = x === 0 ? zeros + 1 : 0
  }
  return Buffer.from(out)
}

/** The MDPM entries after one marker. */
function readMdpm(b: Buffer): MdpmTime | null {
  const count = b[0]
  let date: Buffer | null = null
  let time: Buffer | null = null
  for (let i = 0; i < count && 1 + i * 5 + 5 <= b.length; i++) {
    const at = 1 + i * 5
    if (b[at] === 0x18) date = b.subarray(at + 1, at + 5)
    if (b[at] === 0x19) time = b.subarray(at + 1, at + 5)
  }
  if (!date || !time) return null
  const [tz, yHi, yLo, mon] = date
  const [day, hour, minute, second] = time
  const parts = [bcd(yHi), bcd(yLo), bcd(mon), bcd(day), bcd(hour), bcd(minute), bcd(second)]
  if (parts.some((x) => x === null)) return null
  const [c, y, month, d, h, mi, s] = parts as number[]
  const wall: WallTime = { year: c * 100 + y, month, day: d, hour: h, minute: mi, second: s }
  if (!isValidWallTime(wall)) return null
  const minutes = ((tz >> 1) & 0x0f) * 60 + (tz & 0x01 ? 30 : 0)
  return { wall, offsetMinutes: tz & 0x20 ? -minutes : minutes, dst: (tz & 0x40) !== 0 }
}

/** The first MDPM recording time in the head of a transport stream (or a raw H.264 stream); null when there is none. */
export function avchdRecordingTime(head: Buffer): MdpmTime | null {
  const streams = head[0] === 0x47 || head[4] === 0x47 ? payloadsByPid(head) : [head]
  for (const s of streams) {
    let at = s.indexOf(MARKER)
    while (at !== -1) {
      const found = readMdpm(unescape(s.subarray(at + MARKER.length, at + MARKER.length + 1 + 5 * 40)))
      if (found) return found
      at = s.indexOf(MARKER, at + 1)
    }
  }
  return null
}
