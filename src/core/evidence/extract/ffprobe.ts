/**
 * Reading media files with the bundled ffprobe, for every kind that records time (video, audio):
 * one JSON probe bounded in time, tags by name, container clocks, ISO 6709 positions, and the
 * top-level boxes of ISO base media files (to tell a truncated recording).
 */
import { open } from 'node:fs/promises'
import { ffprobePath, runTool } from '../media-tools'
import { cleanString, type GpsFix } from './extract-result'

type Dict = Record<string, unknown>

/** One stream of ffprobe's -show_streams JSON (the fields used here). */
export interface ProbeStream extends Dict {
  index?: number
  codec_type?: string
  codec_tag_string?: string
  nb_frames?: string
  sample_rate?: string
  codec_name?: string
  width?: number
  height?: number
  avg_frame_rate?: string
  r_frame_rate?: string
  pix_fmt?: string
  sample_aspect_ratio?: string
  duration?: string
  tags?: Record<string, string>
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>
  disposition?: { attached_pic?: number }
}
export interface Probe {
  format?: {
    format_name?: string
    format_long_name?: string
    duration?: string
    bit_rate?: string
    tags?: Record<string, string>
  }
  streams?: ProbeStream[]
}

/** Top-level ISO-BMFF boxes: is the moov there, and does any box run past the end of the file? */
export async function scanIsoBoxes(
  path: string,
  size: number,
): Promise<{ hasMoov: boolean; overrun: string | null }> {
  const fh = await open(path, 'r')
  try {
    const hdr = Buffer.alloc(16)
    let pos = 0
    let hasMoov = false
    for (let i = 0; i < 100_000 && pos + 8 <= size; i++) {
      const { bytesRead } = await fh.read(hdr, 0, 16, pos)
      if (bytesRead < 8) break
      let len = hdr.readUInt32BE(0)
      const type = hdr.toString('latin1', 4, 8)
      if (len === 1 && bytesRead >= 16) len = Number(hdr.readBigUInt64BE(8))
      else if (len === 0) len = size - pos
      if (!/^[\x20-\x7e©]{4}$/.test(type) || len < 8)
        return { hasMoov, overrun: `unreadable box at byte ${pos}` }
      if (type === 'moov') hasMoov = true
      if (pos + len > size)
        return {
          hasMoov,
          overrun: `the "${type}" box needs ${pos + len - size} bytes more than the file has`,
        }
      pos += len
    }
    return { hasMoov, overrun: null }
  } finally {
    await fh.close()
  }
}

type ProbeResult = { data: Probe | null; error: string | null; timedOut?: boolean }

/**
 * ffprobe answers kept while a file is being extracted (`withProbeMemo`): the video and audio
 * kinds each probe a file no magic number claimed, and the audio kind probes again to extract;
 * one stored object (its bytes never change) needs one ffprobe, not two or three. A start-up per
 * probe is most of the cost of importing many small files.
 *
 * Keyed by the path under extraction rather than held in an AsyncLocalStorage: that would turn on
 * async hooks for the whole process, a cost on every promise of an import (3% of a 4,000-file one).
 * Two extractions of the same stored object at once share the answers: its bytes are the same.
 */
const probeMemos = new Map<
  string,
  { users: number; answer?: { timeoutMs: number; result: Promise<ProbeResult> } }
>()

/** Runs fn with probeMedia's answer for `path` shared between its calls. */
export async function withProbeMemo<T>(path: string, fn: () => Promise<T>): Promise<T> {
  let memo = probeMemos.get(path)
  if (!memo) probeMemos.set(path, (memo = { users: 0 }))
  memo.users++
  try {
    return await fn()
  } finally {
    if (--memo.users === 0) probeMemos.delete(path)
  }
}

export async function probeMedia(
  path: string,
  opts: { timeoutMs?: number; signal?: AbortSignal },
): Promise<ProbeResult> {
  const memo = probeMemos.get(path)
  const timeoutMs = opts.timeoutMs ?? 20_000
  const kept = memo?.answer
  if (kept) {
    const result = await kept.result
    // an answer cut short by a shorter time limit is asked again with the longer one
    if (!(result.timedOut && timeoutMs > kept.timeoutMs)) return result
  }
  const result = runProbe(path, { timeoutMs, signal: opts.signal })
  if (memo) memo.answer = { timeoutMs, result }
  return result
}

async function runProbe(
  path: string,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<ProbeResult> {
  const run = await runTool(
    ffprobePath(),
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path],
    { timeoutMs: opts.timeoutMs ?? 20_000, signal: opts.signal },
  )
  if (run.timedOut)
    return { data: null, error: `ffprobe did not finish within ${opts.timeoutMs / 1000} s`, timedOut: true }
  let data: Probe | null = null
  try {
    data = JSON.parse(run.stdout) as Probe
  } catch {
    data = null
  }
  const err = run.stderr.trim().split('\n').filter(Boolean).slice(-2).join('; ')
  if (run.code !== 0 || !data?.format)
    return { data: data?.format ? data : null, error: err || `ffprobe exited with ${run.code}` }
  return { data, error: null }
}

/** The first tag among `keys` in format tags, then stream tags (case-insensitive keys). */
export function probeTag(probeData: Probe, keys: string[]): string | null {
  const sources = [probeData.format?.tags, ...(probeData.streams ?? []).map((s) => s.tags)]
  for (const key of keys) {
    for (const t of sources) {
      if (!t) continue
      const hit = Object.entries(t).find(([k]) => k.toLowerCase() === key.toLowerCase())
      const v = cleanString(hit?.[1])
      if (v) return v
    }
  }
  return null
}

/** creation_time as an instant; null for absent values and the 1904/1970 epoch placeholders of unset clocks. */
export function containerInstant(text: string | null): number | null {
  if (!text) return null
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`)
  if (!Number.isFinite(ms) || new Date(ms).getUTCFullYear() < 1980) return null
  return ms
}

/** ISO 6709 "+31.2304+121.4737+010.000/" (also ±DDMM.mm and ±DDMMSS.s forms) → signed degrees. */
export function parseIso6709(text: string): GpsFix | null {
  const m = /^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?/.exec(text)
  if (!m) return null
  const deg = (s: string, degDigits: number): number => {
    const sign = s.startsWith('-') ? -1 : 1
    const [int, frac = ''] = s.slice(1).split('.')
    const f = frac ? Number(`0.${frac}`) : 0
    if (int.length <= degDigits) return sign * (Number(int) + f)
    if (int.length <= degDigits + 2) {
      return sign * (Number(int.slice(0, degDigits)) + (Number(int.slice(degDigits)) + f) / 60)
    }
    return (
      sign *
      (Number(int.slice(0, degDigits)) +
        Number(int.slice(degDigits, degDigits + 2)) / 60 +
        (Number(int.slice(degDigits + 2)) + f) / 3600)
    )
  }
  const lat = deg(m[1], 2)
  const lon = deg(m[2], 3)
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  if (lat === 0 && lon === 0) return null
  return { lat, lon, alt: m[3] ? Number(m[3]) : null }
}

/** "+6m48s", "-8h00m05s" */
export function formatDiff(ms: number): string {
  const sign = ms < 0 ? '-' : '+'
  let s = Math.round(Math.abs(ms) / 1000)
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  if (h > 0) return `${sign}${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`
  if (m > 0) return `${sign}${m}m${String(s).padStart(2, '0')}s`
  return `${sign}${s}s`
}
