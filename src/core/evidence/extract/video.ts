/**
 * Videos (MP4/MOV, AVI, MKV/WebM, MPEG-TS, …) through the bundled ffprobe: container, codecs,
 * duration, displayed size, frame rate, capture time and GPS, plus the recorder id and clock
 * reading in body-worn camera file names. Damaged files are kept with warnings.
 */
import { open } from 'node:fs/promises'
import {
  formatOffset,
  toIsoWithOffset,
  zoneOffsetMinutes,
  zonedWallTimeToInstant,
} from '../../../shared/time-zone'
import { EvidenceError } from '../../errors'
import { ffprobePath, runTool } from '../media-tools'
import { parseFilenameTime } from './filename-time'
import {
  capturedAt,
  cleanString,
  emptyFacts,
  filesystemTime,
  reason,
  toNumber,
  type ExtractFacts,
} from './extract-result'
import { chromiumPlays, formatDiff, parseIso6709, parseRate, type ProbeStream } from './video-parse'

export { chromiumPlays, parseIso6709, parseRate } from './video-parse'

export interface VideoOptions {
  caseTimeZone: string
  fileName: string
  sourceMtimeMs: number
  /** from detectKind: tells WebM from Matroska, which ffprobe reports alike */
  mime: string
  fileSize: number
  signal?: AbortSignal
  /** ffprobe time limit (default 20 s) */
  timeoutMs?: number
}

interface Probe {
  format?: {
    format_name?: string
    format_long_name?: string
    duration?: string
    bit_rate?: string
    tags?: Record<string, string>
  }
  streams?: ProbeStream[]
}

/** Agreement tolerance between the container clock and the file-name clock. */
const CLOCK_TOLERANCE_MS = 5_000

/** Top-level ISO-BMFF boxes: is the moov there, and does any box run past the end of the file? */
async function scanIsoBoxes(
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

async function probe(
  path: string,
  opts: VideoOptions,
): Promise<{ data: Probe | null; error: string | null }> {
  const run = await runTool(
    ffprobePath(),
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path],
    { timeoutMs: opts.timeoutMs ?? 20_000, signal: opts.signal },
  )
  if (run.timedOut)
    return { data: null, error: `ffprobe did not finish within ${(opts.timeoutMs ?? 20_000) / 1000} s` }
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
function tag(probeData: Probe, keys: string[]): string | null {
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
function containerInstant(text: string | null): number | null {
  if (!text) return null
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`)
  if (!Number.isFinite(ms) || new Date(ms).getUTCFullYear() < 1980) return null
  return ms
}

/**
 * Facts of a video file. Capture time: container creation_time (UTC, written in the case zone),
 * else the file-name clock in the case zone (`offset-assumed`), else mtime (`time-from-filesystem`);
 * `clock-mismatch` when container and file name disagree by more than 5 s (other than exactly the
 * case offset). Damage → `truncated` / `metadata-unreadable`. Rejects only on abort (`cancelled`).
 */
export async function extractVideo(path: string, opts: VideoOptions): Promise<ExtractFacts> {
  const facts = emptyFacts()
  const fromName = parseFilenameTime(opts.fileName)
  const isIso = ['video/mp4', 'video/quicktime', 'video/3gpp', 'video/3gpp2'].includes(opts.mime)
  let truncatedWhy: string | null = null
  if (isIso) {
    const boxes = await scanIsoBoxes(path, opts.fileSize).catch((e: unknown) => ({
      hasMoov: true,
      overrun: `box scan failed: ${reason(e)}`,
    }))
    if (boxes.overrun) truncatedWhy = boxes.overrun
    else if (!boxes.hasMoov)
      truncatedWhy = 'the index (moov box) is missing, as when recording stopped before the file was closed'
  }

  let data: Probe | null = null
  let probeError: string | null = null
  try {
    const res = await probe(path, opts)
    data = res.data
    probeError = res.error
  } catch (e) {
    if (e instanceof EvidenceError && e.code === 'cancelled') throw e
    probeError = reason(e)
  }
  if (truncatedWhy) {
    facts.warnings.push({
      code: 'truncated',
      message: `The video file is incomplete: ${truncatedWhy}. It is kept as it is; playback may fail or stop early.`,
    })
  } else if (probeError) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: `ffprobe could not read the video fully (${probeError}). The file is kept as it is.`,
    })
  }

  const streams = data?.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)
  const audio = streams.find((s) => s.codec_type === 'audio')
  const formatName = data?.format?.format_name ?? ''
  const audioCodec = audio?.codec_name ?? null
  // The list contract promises these keys for every video, null when unreadable.
  facts.meta = { container: null, videoCodec: null, audioCodec: null, fps: null }
  if (data) {
    facts.meta.container = formatName || null
    facts.meta.formatLongName = data.format?.format_long_name ?? null
    facts.meta.videoCodec = video?.codec_name ?? null
    facts.meta.audioCodec = audioCodec
    facts.meta.fps = parseRate(video?.avg_frame_rate) ?? parseRate(video?.r_frame_rate)
    if (video?.pix_fmt) facts.meta.pixelFormat = video.pix_fmt
    const brand = tag(data, ['major_brand'])
    if (brand) facts.meta.brand = brand
    for (const key of ['encoder', 'comment', 'title'] as const) {
      const v = tag(data, [key])
      if (v) facts.meta[key] = v
    }
    const dur = toNumber(data.format?.duration) ?? toNumber(video?.duration)
    facts.durationSec = dur === null ? null : Math.round(dur * 1000) / 1000
    if (video?.width && video.height) setDisplaySize(facts, video)
    for (const key of ['location', 'location-eng', 'com.apple.quicktime.location.ISO6709', '©xyz']) {
      const v = tag(data, [key])
      const fix = v ? parseIso6709(v) : null
      if (fix) {
        facts.gps = fix
        break
      }
    }
    const make = tag(data, ['com.apple.quicktime.make', 'make'])
    const model = tag(data, ['com.apple.quicktime.model', 'model'])
    if (make || model || fromName?.deviceId)
      facts.device = { make, model, serial: null, id: fromName?.deviceId ?? null }
  } else if (fromName?.deviceId) {
    facts.device = { make: null, model: null, serial: null, id: fromName.deviceId }
  }
  facts.needsProxy = !chromiumPlays(opts.mime, formatName, video, audioCodec)
  setVideoTime(facts, data, opts, fromName)
  return facts
}

function setDisplaySize(facts: ExtractFacts, v: ProbeStream): void {
  let w = v.width ?? 0
  let h = v.height ?? 0
  facts.meta.codedWidth = w
  facts.meta.codedHeight = h
  const sar = /^(\d+):(\d+)$/.exec(v.sample_aspect_ratio ?? '')
  if (sar && Number(sar[1]) > 0 && Number(sar[2]) > 0 && sar[1] !== sar[2])
    w = Math.round((w * Number(sar[1])) / Number(sar[2]))
  const sideRot = v.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation
  const rotation = toNumber(sideRot) ?? toNumber(v.tags?.rotate) ?? 0
  if (rotation !== 0) facts.meta.rotation = rotation
  if (Math.abs(rotation) % 180 === 90) [w, h] = [h, w]
  facts.width = w
  facts.height = h
}

function setVideoTime(
  facts: ExtractFacts,
  data: Probe | null,
  opts: VideoOptions,
  fromName: ReturnType<typeof parseFilenameTime>,
): void {
  const zone = opts.caseTimeZone
  const nameInstant = fromName ? zonedWallTimeToInstant(fromName.wall, zone) : null
  const nameText = fromName ? `${fromName.matched} (read as ${zone} local time)` : ''
  // QuickTime's own creation date carries the camera's offset; prefer it when present.
  const qtDate = data ? tag(data, ['com.apple.quicktime.creationdate']) : null
  const qtOff = qtDate ? /([+-])(\d{2}):?(\d{2})$/.exec(qtDate) : null
  const qtMs = qtOff ? containerInstant(qtDate) : null
  const utcMs = containerInstant(data ? tag(data, ['creation_time']) : null)
  let container: { ms: number; off: number; labelledUtc: boolean } | null = null
  if (qtMs !== null && qtOff) {
    const off = (qtOff[1] === '-' ? -1 : 1) * (Number(qtOff[2]) * 60 + Number(qtOff[3]))
    container = { ms: qtMs, off, labelledUtc: false }
  } else if (utcMs !== null) {
    container = { ms: utcMs, off: zoneOffsetMinutes(zone, utcMs), labelledUtc: true }
  }
  if (container) {
    Object.assign(facts, capturedAt(container.ms, container.off, 'container'))
    if (nameInstant) {
      const diff = container.ms - nameInstant.ms
      const caseOff = nameInstant.offsetMinutes * 60_000
      if (container.labelledUtc && caseOff !== 0 && Math.abs(diff - caseOff) <= CLOCK_TOLERANCE_MS) {
        // The recorder wrote its local clock reading into a field defined as UTC.
        Object.assign(facts, capturedAt(container.ms - caseOff, nameInstant.offsetMinutes, 'container'))
        facts.warnings.push({
          code: 'offset-assumed',
          message: `The container creation_time (${new Date(container.ms).toISOString()}) equals the file-name clock ${nameText}; the recorder stored local time as UTC, so it was read as ${zone} local time (${formatOffset(nameInstant.offsetMinutes)}).`,
        })
      } else if (Math.abs(diff) > CLOCK_TOLERANCE_MS) {
        facts.warnings.push({
          code: 'clock-mismatch',
          message: `The container creation time ${toIsoWithOffset(container.ms, container.off)} differs from the file-name time ${toIsoWithOffset(nameInstant.ms, nameInstant.offsetMinutes)} (${nameText}) by ${formatDiff(diff)}. The container time is used; check the recorder's clock.`,
        })
      }
    }
  }
  if (facts.capturedAt) return
  if (nameInstant && fromName) {
    Object.assign(facts, capturedAt(nameInstant.ms, nameInstant.offsetMinutes, 'filename'))
    facts.warnings.push({
      code: 'offset-assumed',
      message: `The video has no container creation time; the time comes from the file name ${nameText}, offset ${formatOffset(nameInstant.offsetMinutes)} assumed.`,
    })
    return
  }
  const fs = filesystemTime(
    opts.sourceMtimeMs,
    zone,
    'The video has no container creation time and its name holds no date',
  )
  facts.capturedAt = fs.capturedAt
  facts.capturedAtSource = fs.capturedAtSource
  facts.utcOffset = fs.utcOffset
  facts.warnings.push(fs.warning)
}
