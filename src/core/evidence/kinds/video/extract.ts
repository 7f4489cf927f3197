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
    facts.meta.fps = parseRate(video?.avg_frame_rate) ?? parseRate(video?.r_frame_rate)
    if (video?.pix_fmt) facts.meta.pixelFormat = video.pix_fmt
    const brand = probeTag(data, ['major_brand'])
    if (brand) facts.meta.brand = brand
    for (const key of ['encoder', 'comment', 'title'] as const) {
      const v = probeTag(data, [key])
      if (v) facts.meta[key] = v
    }
    const dur = toNumber(data.format?.duration) ?? toNumber(video?.duration)
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
    const make = probeTag(data, ['com.apple.quicktime.make', 'make'])
    const model = probeTag(data, ['com.apple.quicktime.model', 'model'])
    if (make || model || fromName?.deviceId)
      facts.device = { make, model, serial: null, id: fromName?.deviceId ?? null }
  } else if (fromName?.deviceId) {
    facts.device = { make: null, model: null, serial: null, id: fromName.deviceId }
  }
  facts.needsProxy = !chromiumPlays(opts.mime, formatName, video, audioCodec)
  setRecordingTime(
    facts,
    data,
    { caseTimeZone: opts.caseTimeZone, sourceMtimeMs: opts.sourceMtimeMs, noun: 'video' },
    fromName,
  )
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
