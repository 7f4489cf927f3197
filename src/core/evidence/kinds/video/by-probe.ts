/**
 * Video formats told by ffprobe rather than by our sniffer: streams without a container or a
 * magic number we know (raw DV, MPEG-4 Part 2 and H.264/H.265 elementary streams). ffprobe reads
 * the stored object, which has no extension, so its answer comes from the content alone.
 */
import { EvidenceError } from '../../../errors'
import { probeMedia } from '../../extract/ffprobe'

/** ffprobe's format name → the MIME type the item is stored under. */
const MIME_BY_FORMAT: Record<string, string> = {
  dv: 'video/dv',
  m4v: 'video/mp4v-es',
  h264: 'video/h264',
  hevc: 'video/h265',
  mpegvideo: 'video/mpeg',
  h263: 'video/h263',
}

/** Extensions that fit those formats, the usual one first (`.m4v` is FFmpeg's name for raw MPEG-4 video). */
export const ELEMENTARY_VIDEO_FORMATS: Readonly<Record<string, readonly string[]>> = {
  'video/dv': ['dv', 'dif'],
  'video/mp4v-es': ['m4v', 'mp4v', 'cmp'],
  'video/h264': ['h264', '264', 'avc'],
  'video/h265': ['h265', '265', 'hevc'],
  'video/h263': ['h263'],
}

/** The MIME type when ffprobe finds a picture stream in a format listed above; null otherwise. */
export async function videoByProbe(path: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const { data } = await probeMedia(path, { signal, timeoutMs: 10_000 })
    const format = data?.format?.format_name ?? ''
    const mime = MIME_BY_FORMAT[format]
    if (!mime) return null
    const picture = data?.streams?.find(
      (s) => s.codec_type === 'video' && (s.width ?? 0) > 0 && (s.height ?? 0) > 0,
    )
    return picture ? mime : null
  } catch (e) {
    if (e instanceof EvidenceError && e.code === 'cancelled') throw e
    return null
  }
}
