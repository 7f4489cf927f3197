/**
 * Videos (MP4/MOV, AVI, MKV/WebM, MPEG-TS, …) through the bundled ffprobe: container, codecs,
 * duration, displayed size, frame rate, capture time and GPS, plus the recorder id and clock
 * reading in body-worn camera file names. Damaged files are kept with warnings.
 */
import { EvidenceError } from '../../../errors'
import { emptyFacts, reason, toNumber, type ExtractFacts } from '../../extract/extract-result'
import {
  parseIso6709,
  probeMedia,
  probeTag,
  scanIsoBoxes,
  type Probe,
  type ProbeStream,
} from '../../extract/ffprobe'
import { parseFilenameTime } from '../../extract/filename-time'
import { setRecordingTime } from '../../extract/recording-time'
import { open } from 'node:fs/promises'
import type { WallTime } from '../../../../shared/time-zone'
import { avchdRecordingTime } from './avchd-mdpm'
import { DV_FRAME_BYTES, dvRecordingTime, dvSystem } from './dv-packs'
import { gpmfStartTime } from './gpmf'
import { chromiumPlays, parseRate } from './probe-parse'

export { chromiumPlays, parseRate } from './probe-parse'
export { parseIso6709 } from '../../extract/ffprobe'

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
    const res = await probeMedia(path, opts)
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
    facts.meta.fps = plausibleRate(parseRate(video?.avg_frame_rate)) ?? parseRate(video?.r_frame_rate)
    if (video?.pix_fmt) facts.meta.pixelFormat = video.pix_fmt
    const brand = probeTag(data, ['major_brand'])
    if (brand) facts.meta.brand = brand
    for (const key of ['encoder', 'comment', 'title'] as const) {
      const v = probeTag(data, [key])
      if (v) facts.meta[key] = v
    }
    const dur = mediaDuration(data, video, audio)
    facts.durationSec = dur === null ? null : Math.round(dur * 1000) / 1000
    if (video?.width && video.height) setDisplaySize(facts, video)
    for (const key of ['location', 'location-eng', 'com.apple.quicktime.location.ISO6709', '©xyz']) {
      const v = probeTag(data, [key])
      const fix = v ? parseIso6709(v) : null
      if (fix) {
        facts.gps = fix
        break
      }
    }
    const maker = makerOf(data)
    const make = probeTag(data, ['com.apple.quicktime.make', 'make']) ?? maker?.make ?? null
    const model = probeTag(data, ['com.apple.quicktime.model', 'model']) ?? maker?.model ?? null
    if (maker?.firmware) facts.meta.firmware = maker.firmware
    if (make || model || fromName?.deviceId)
      facts.device = { make, model, serial: null, id: fromName?.deviceId ?? null }
  } else if (fromName?.deviceId) {
    facts.device = { make: null, model: null, serial: null, id: fromName.deviceId }
  }
  facts.needsProxy = !chromiumPlays(opts.mime, formatName, video, audioCodec)
  const maker = data ? makerOf(data) : null
  const gpmd = streams.find((s) => s.codec_tag_string === 'gpmd')
  const gpsStartMs =
    gpmd && typeof gpmd.index === 'number'
      ? await gpmfStartTime(path, gpmd.index, { signal: opts.signal, timeoutMs: opts.timeoutMs })
      : null
  let streamClock: { wall: WallTime; what: string; offsetMinutes?: number; dst?: boolean } | null = null
  if (formatName === 'mpegts' || opts.mime === 'video/mp2t') {
    const mdpm = avchdRecordingTime(await readHead(path, AVCHD_HEAD_BYTES))
    if (mdpm) streamClock = { ...mdpm, what: 'AVCHD recording time (H.264 MDPM)' }
  } else if (formatName === 'dv') {
    const head = await readHead(path, DV_FRAME_BYTES.pal)
    const wall = dvRecordingTime(head)
    if (wall) streamClock = { wall, what: 'DV recording date and time' }
    setDvDuration(facts, head, opts.fileSize)
  }
  setRecordingTime(
    facts,
    data,
    {
      caseTimeZone: opts.caseTimeZone,
      sourceMtimeMs: opts.sourceMtimeMs,
      noun: 'video',
      localAsUtc: maker?.localAsUtc ? maker.make : undefined,
      gpsStartMs,
      streamClock,
    },
    fromName,
  )
  return facts
}

/** AVCHD writes the MDPM SEI with the first pictures: the first MiB of the stream holds it. */
const AVCHD_HEAD_BYTES = 2 << 20

/**
 * The media's duration: the video stream's, else the audio stream's, else the container's. A
 * container's duration is its longest track, and a GoPro telemetry track runs past the end of
 * the picture. A stream whose duration reads 0 while its header counts frames (an AVI whose
 * index is missing) lasts frames / rate.
 */
export function mediaDuration(
  data: Probe,
  video: ProbeStream | undefined,
  audio: ProbeStream | undefined,
): number | null {
  for (const s of [video, audio]) {
    if (!s) continue
    const d = toNumber(s.duration)
    if (d !== null && d > 0) return d
    const frames = toNumber(s.nb_frames)
    const rate = s.codec_type === 'video' ? parseExactRate(s.r_frame_rate) : toNumber(s.sample_rate)
    if (frames !== null && frames > 0 && rate !== null && rate > 0) return frames / rate
  }
  const d = toNumber(data.format?.duration)
  return d !== null && d > 0 ? d : null
}

function parseExactRate(rate: unknown): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(typeof rate === 'string' ? rate : '')
  return m && Number(m[2]) > 0 && Number(m[1]) > 0 ? Number(m[1]) / Number(m[2]) : null
}

/**
 * Makers that name themselves in their own atoms rather than in make/model tags. GoPro writes
 * "GoPro AVC"/"GoPro MET" handler names and a firmware atom (HD5.02.… is a HERO5 Black), and
 * writes its local clock into creation_time as if it were UTC.
 */
function makerOf(
  data: Probe,
): { make: string; model: string | null; firmware: string | null; localAsUtc: boolean } | null {
  const firmware = probeTag(data, ['firmware'])
  const handlers = (data.streams ?? []).map((s) => `${s.tags?.handler_name ?? ''} ${s.tags?.encoder ?? ''}`)
  const goPro =
    handlers.some((h) => /\bGoPro\b/.test(h)) || (firmware !== null && /^(HD\d|H\d\d)\.\d\d\./.test(firmware))
  if (!goPro) return null
  const model = probeTag(data, ['model', 'com.gopro.model']) ?? (firmware ? goProModel(firmware) : null)
  return { make: 'GoPro', model, firmware, localAsUtc: true }
}

/** GoPro camera names by firmware prefix (GoPro's firmware release notes name them so). */
const GOPRO_FIRMWARE: Record<string, string> = {
  'HD3.02': 'HERO3 White',
  'HD3.03': 'HERO3 Silver',
  'HD3.10': 'HERO3+ Silver',
  'HD3.11': 'HERO3+ Black',
  'HD4.01': 'HERO4 Silver',
  'HD4.02': 'HERO4 Black',
  'HD4.03': 'HERO4 Session',
  'HD5.02': 'HERO5 Black',
  'HD5.03': 'HERO5 Session',
  'HD6.01': 'HERO6 Black',
  'HD7.01': 'HERO7 Black',
  'H18.01': 'HERO (2018)',
  'H19.03': 'HERO8 Black',
  'H20.01': 'HERO9 Black',
  'H21.01': 'HERO10 Black',
  'H22.01': 'HERO11 Black',
  'H23.01': 'HERO12 Black',
}

function goProModel(firmware: string): string | null {
  return GOPRO_FIRMWARE[firmware.slice(0, 6)] ?? null
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const b = Buffer.alloc(n)
    const { bytesRead } = await fh.read(b, 0, n, 0)
    return b.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** A DV file lasts its whole frames at 25 (PAL) or 29.97 (NTSC) frames a second; less than one frame is no duration. */
function setDvDuration(facts: ExtractFacts, head: Buffer, size: number): void {
  const system = dvSystem(head)
  const frames = Math.floor(size / DV_FRAME_BYTES[system])
  facts.durationSec =
    frames > 0 ? Math.round((frames / (system === 'pal' ? 25 : 30000 / 1001)) * 1000) / 1000 : null
  if (frames === 0) {
    facts.warnings.push({
      code: 'truncated',
      message: `The DV file holds ${size} bytes, less than one ${system === 'pal' ? 'PAL' : 'NTSC'} frame (${DV_FRAME_BYTES[system]} bytes): it has no playable duration. It is kept as it is.`,
    })
  }
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

/** An average frame rate ffprobe estimated from a fragment can be absurd (60000 fps for a part of a DV frame). */
const plausibleRate = (fps: number | null): number | null => (fps !== null && fps <= 1000 ? fps : null)
