/**
 * GoPro metadata (GPMF, the `gpmd` track of GoPro MP4s): the GPS time of the recording, for
 * cameras that write their local clock into the MP4 header as if it were UTC.
 *
 * GPMF is KLV (github.com/gopro/gpmf-parser, README "KLV Design"): a 4-character key, a type
 * byte, a structure size byte and a 16-bit big-endian repeat count; the value is size × repeat
 * bytes padded to 4. Type 0 nests further KLVs. Scale (SCAL) and complex types (TYPE) precede
 * the data they describe inside a stream (STRM).
 *
 * Where the GPS time sits:
 * - HERO5 and later: GPSU, the UTC time of the payload's first GPS sample, "yymmddhhmmss.sss"
 *   (type c or U), beside GPSF (fix: 0 none, 2 2D, 3 3D).
 * - Karma drone: SYST pairs (system µs, UNIX ms) calibrate the system clock; GLPI/GPRI samples
 *   start with a system time (ms or µs). A GPS fix is what sets the drone's UNIX clock.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EvidenceError } from '../../../errors'
import { ffmpegPath, ffprobePath, runTool } from '../../media-tools'
import { toNumber } from '../../extract/extract-result'

interface Klv {
  key: string
  type: number
  size: number
  repeat: number
  value: Buffer
  children: Klv[] | null
}

/** The KLVs in `b`, nested ones parsed; stops quietly at the first malformed header. */
export function parseGpmf(b: Buffer, depth = 0): Klv[] {
  const out: Klv[] = []
  let o = 0
  while (o + 8 <= b.length && out.length < 100_000) {
    const key = b.toString('latin1', o, o + 4)
    if (!/^[A-Za-z0-9 ]{4}$/.test(key)) break
    const type = b[o + 4]
    const size = b[o + 5]
    const repeat = b.readUInt16BE(o + 6)
    const len = size * repeat
    const end = o + 8 + len
    if (end > b.length) break
    const value = b.subarray(o + 8, end)
    const children = type === 0 && depth < 8 ? parseGpmf(value, depth + 1) : null
    out.push({ key, type, size, repeat, value, children })
    o = o + 8 + Math.ceil(len / 4) * 4
  }
  return out
}

/** All streams (STRM) below the device containers (DEVC), in order. */
function streams(klvs: Klv[]): Klv[][] {
  const found: Klv[][] = []
  for (const k of klvs) {
    if (!k.children) continue
    if (k.key === 'STRM') found.push(k.children)
    else found.push(...streams(k.children))
  }
  return found
}

function numbers(k: Klv): number[] {
  const t = String.fromCharCode(k.type)
  const width: Record<string, number> = { l: 4, L: 4, s: 2, S: 2, b: 1, B: 1, f: 4, d: 8, j: 8, J: 8 }
  const w = width[t]
  if (!w) return []
  const vals: number[] = []
  for (let o = 0; o + w <= k.value.length && vals.length < 64; o += w) {
    const v = k.value
    if (t === 'l') vals.push(v.readInt32BE(o))
    else if (t === 'L') vals.push(v.readUInt32BE(o))
    else if (t === 's') vals.push(v.readInt16BE(o))
    else if (t === 'S') vals.push(v.readUInt16BE(o))
    else if (t === 'b') vals.push(v.readInt8(o))
    else if (t === 'B') vals.push(v.readUInt8(o))
    else if (t === 'f') vals.push(v.readFloatBE(o))
    else if (t === 'd') vals.push(v.readDoubleBE(o))
    else if (t === 'j') vals.push(Number(v.readBigInt64BE(o)))
    else vals.push(Number(v.readBigUInt64BE(o)))
  }
  return vals
}

/** "170417192757.526" (UTC) → ms; null when not that shape. */
export function parseGpsu(text: string): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?/.exec(text.trim())
  if (!m) return null
  const ms = Date.UTC(
    2000 + +m[1],
    +m[2] - 1,
    +m[3],
    +m[4],
    +m[5],
    +m[6],
    m[7] ? Number(m[7].padEnd(3, '0')) : 0,
  )
  return Number.isFinite(ms) ? ms : null
}

/** The first field of the first sample of a complex (type '?') KLV, scaled: the sample's system time in seconds. */
function firstSystemSeconds(stream: Klv[], data: Klv): number | null {
  const typeKlv = stream.find((k) => k.key === 'TYPE')
  const first = typeKlv ? typeKlv.value.toString('latin1', 0, 1) : String.fromCharCode(data.type)
  const scal = stream.find((k) => k.key === 'SCAL')
  const scale = scal ? (numbers(scal)[0] ?? 1) : 1
  let raw: number | null = null
  if (first === 'L' && data.value.length >= 4) raw = data.value.readUInt32BE(0)
  else if (first === 'J' && data.value.length >= 8) raw = Number(data.value.readBigUInt64BE(0))
  return raw === null || scale === 0 ? null : raw / scale
}

/**
 * The UTC instant of the first GPS time in one GPMF payload, or null when the payload holds
 * none (no GPS stream, or no fix).
 */
export function gpsTimeInPayload(payload: Buffer): number | null {
  const all = streams(parseGpmf(payload))
  for (const s of all) {
    const gpsu = s.find((k) => k.key === 'GPSU')
    if (!gpsu) continue
    const fix = s.find((k) => k.key === 'GPSF')
    if (fix && numbers(fix)[0] === 0) continue
    const ms = parseGpsu(gpsu.value.toString('latin1'))
    if (ms !== null) return ms
  }
  // Karma: the system clock calibrated to UNIX time by SYST, and a GPS sample's system time.
  let calib: { sysSec: number; unixMs: number } | null = null
  for (const s of all) {
    const syst = s.find((k) => k.key === 'SYST')
    if (!syst || syst.value.length < 16) continue
    const scal = s.find((k) => k.key === 'SCAL')
    const scales = scal ? numbers(scal) : [1_000_000, 1000]
    const sys = Number(syst.value.readBigUInt64BE(0)) / (scales[0] || 1_000_000)
    const unix = (Number(syst.value.readBigUInt64BE(8)) / (scales[1] || 1000)) * 1000
    if (unix > Date.UTC(2000, 0, 1)) calib = { sysSec: sys, unixMs: unix }
  }
  if (!calib) return null
  for (const s of all) {
    const data = s.find((k) => k.key === 'GLPI' || k.key === 'GPRI')
    if (!data) continue
    const sys = firstSystemSeconds(s, data)
    if (sys === null) continue
    return Math.round(calib.unixMs + (sys - calib.sysSec) * 1000)
  }
  return null
}

/** How many GPMF payloads to read at most: GPS needs a few seconds to lock. */
const MAX_PAYLOADS = 60

/**
 * The recording's start as GPS time: the first payload with a GPS time, less that payload's
 * place in the recording. Null when the track holds no GPS time. Rejects only on abort.
 */
export async function gpmfStartTime(
  path: string,
  streamIndex: number,
  opts: { signal?: AbortSignal; timeoutMs?: number },
): Promise<number | null> {
  const timeoutMs = opts.timeoutMs ?? 20_000
  const packets = await runTool(
    ffprobePath(),
    [
      '-v',
      'error',
      '-select_streams',
      String(streamIndex),
      '-read_intervals',
      `%+#${MAX_PAYLOADS}`,
      '-show_entries',
      'packet=pts_time,size',
      '-of',
      'json',
      '-i',
      path,
    ],
    { timeoutMs, signal: opts.signal },
  )
  let list: Array<{ pts: number; size: number }> = []
  try {
    const parsed = JSON.parse(packets.stdout) as { packets?: Array<{ pts_time?: string; size?: string }> }
    list = (parsed.packets ?? [])
      .map((p) => ({ pts: toNumber(p.pts_time) ?? NaN, size: toNumber(p.size) ?? NaN }))
      .filter((p) => Number.isFinite(p.pts) && Number.isFinite(p.size))
  } catch {
    return null
  }
  if (list.length === 0) return null
  const dir = await mkdtemp(join(tmpdir(), 'evidesk-gpmf-'))
  try {
    const out = join(dir, 'gpmf.bin')
    const run = await runTool(
      ffmpegPath(),
      [
        '-v',
        'error',
        '-i',
        path,
        '-map',
        `0:${streamIndex}`,
        '-c',
        'copy',
        '-frames:d',
        String(list.length),
        '-f',
        'data',
        '-y',
        out,
      ],
      { timeoutMs, signal: opts.signal },
    )
    if (run.code !== 0) return null
    const data = await readFile(out)
    let at = 0
    for (const p of list) {
      const payload = data.subarray(at, at + p.size)
      at += p.size
      if (payload.length < p.size) break
      const gps = gpsTimeInPayload(payload)
      if (gps !== null) return Math.round(gps - p.pts * 1000)
    }
    return null
  } catch (e) {
    if (e instanceof EvidenceError && e.code === 'cancelled') throw e
    return null
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
