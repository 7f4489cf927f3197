/** Codec and container names as people know them, from what ffprobe reports. */
const CODECS: Record<string, string> = {
  h264: 'H.264 (AVC)',
  hevc: 'H.265 (HEVC)',
  mpeg4: 'MPEG-4 Part 2',
  mjpeg: 'Motion JPEG',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  pcm_s16le: 'PCM',
  pcm_mulaw: 'G.711 μ-law',
  pcm_alaw: 'G.711 A-law',
}
const CONTAINERS: Record<string, string> = {
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/x-msvideo': 'AVI',
  'video/x-matroska': 'MKV',
  'video/webm': 'WebM',
}

/** ffprobe names a family ("mov,mp4,m4a,3gp,3g2,mj2"); the MIME says which member this file is. */
export function containerName(container: string | null, mime: string): string | null {
  if (!container) return null
  return CONTAINERS[mime] ?? container.split(',')[0].toUpperCase()
}

export function codecName(codec: string | null): string | null {
  return codec ? (CODECS[codec] ?? codec) : null
}
