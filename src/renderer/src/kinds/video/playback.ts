import { formatLocalWithOffset, parseOffset } from '../../../../shared/time-zone'
import type { EvidenceItem } from '../../../../shared/types'

/** A representative MIME type with codecs for each codec name ffprobe reports. */
const CODEC_TYPES: Record<string, string> = {
  h264: 'video/mp4; codecs="avc1.42E01E"',
  hevc: 'video/mp4; codecs="hvc1.1.6.L93.B0"',
  av1: 'video/mp4; codecs="av01.0.04M.08"',
  vp8: 'video/webm; codecs="vp8"',
  vp9: 'video/webm; codecs="vp9"',
  mpeg4: 'video/mp4; codecs="mp4v.20.9"',
}

export const DEFAULT_FPS = 25
export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const

/**
 * Whether this browser can decode the original: both the container (item.mime) and the video
 * codec the import read must be playable. Asking only about the container would let an HEVC
 * MP4 through and show a black picture with sound.
 */
export function canPlayOriginal(item: EvidenceItem): boolean {
  const codec = typeof item.meta.videoCodec === 'string' ? item.meta.videoCodec : null
  const type = codec ? CODEC_TYPES[codec] : undefined
  if (!type) return false
  const probe = document.createElement('video')
  return probe.canPlayType(item.mime) !== '' && probe.canPlayType(type) !== ''
}

/** The frame rate the file records, or the default that body-worn recorders use. */
export function frameRate(item: EvidenceItem): { fps: number; assumed: boolean } {
  const fps = item.meta.fps
  return typeof fps === 'number' && Number.isFinite(fps) && fps > 0
    ? { fps, assumed: false }
    : { fps: DEFAULT_FPS, assumed: true }
}

/** Media seconds as HH:MM:SS.mmm. */
export function formatMediaTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`
}

/**
 * The moment shown at media time `seconds`: capture time + media time, as local time with the
 * offset recorded with the evidence ("2021-05-24 04:03:13 +08:00"); null without a capture time.
 */
export function absoluteAt(item: EvidenceItem, seconds: number): string | null {
  if (!item.capturedAt) return null
  const start = Date.parse(item.capturedAt)
  if (Number.isNaN(start)) return null
  const own = /(Z|[+-]\d{2}:?\d{2})$/.exec(item.capturedAt)
  const offset =
    (item.utcOffset ? parseOffset(item.utcOffset) : null) ?? (own ? parseOffset(own[1]) : null) ?? 0
  return formatLocalWithOffset(new Date(start + seconds * 1000).toISOString(), offset)
}

/** Seconds rounded to whole milliseconds, as anchors and derive requests carry them. */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
