/** Pure helpers for video facts: ISO 6709 positions, frame rates, Chromium playability, clock differences. */
import type { GpsFix } from './extract-result'

type Dict = Record<string, unknown>

/** One stream of ffprobe's -show_streams JSON (the fields used here). */
export interface ProbeStream extends Dict {
  codec_type?: string
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

/** "30000/1001" → 29.97 (3 decimals); null for 0/0 and junk. */
export function parseRate(rate: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(rate ?? '')
  if (!m || Number(m[2]) === 0 || Number(m[1]) === 0) return null
  return Math.round((Number(m[1]) / Number(m[2])) * 1000) / 1000
}

/** True when Chromium plays this combination without a proxy (H.264 8-bit 4:2:0 / VP8 / VP9 / AV1, AAC/MP3/Opus/Vorbis/FLAC). */
export function chromiumPlays(
  mime: string,
  formatName: string,
  video: ProbeStream | undefined,
  audioCodec: string | null,
): boolean {
  if (!video) return false
  const codec = video.codec_name ?? ''
  const mp4 = /mp4|mov/.test(formatName) && mime !== 'video/x-matroska'
  const webm = mime === 'video/webm'
  const pix = video.pix_fmt ?? ''
  const videoOk =
    (mp4 && (codec === 'h264' || codec === 'av1' || codec === 'vp9')) ||
    (webm && (codec === 'vp8' || codec === 'vp9' || codec === 'av1'))
  // Chromium decodes H.264 only as 8-bit 4:2:0.
  const pixOk = codec !== 'h264' || pix === '' || pix === 'yuv420p' || pix === 'yuvj420p'
  const audioOk = audioCodec === null || ['aac', 'mp3', 'opus', 'vorbis', 'flac'].includes(audioCodec)
  return videoOk && pixOk && audioOk
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
