/** Pure helpers for video facts: frame rates and what Chromium plays. */
import type { ProbeStream } from '../../extract/ffprobe'

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
