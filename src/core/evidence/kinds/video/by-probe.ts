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

/**
 * The patterns mayHoldRawVideo (below) looks for, as byte strings: 100000xx is 80–83, and a free
 * bit 7 gives 3F or BF.
 */
const RAW_VIDEO_PATTERNS = [
  [0x00, 0x00, 0x01],
  [0x00, 0x00, 0x80],
  [0x00, 0x00, 0x81],
  [0x00, 0x00, 0x82],
  [0x00, 0x00, 0x83],
  [0x1f, 0x07, 0x00, 0x3f],
  [0x1f, 0x07, 0x00, 0xbf],
  [0xff, 0x3f, 0x07, 0x01],
].map((bytes) => Buffer.from(bytes))

/**
 * Whether ffprobe could find one of the formats above in bytes that are a whole file. Each of
 * FFmpeg's probes for them needs a pattern that random bytes rarely hold, so a file without any
 * of them is not worth an ffprobe process (about 15 ms of CPU each: most of an import of many
 * small files, issue 16):
 * - h264, hevc, m4v, mpegvideo: a start code 00 00 01 (their probes count NAL units / start codes);
 * - h263: a picture start code, byte-aligned 00 00 followed by 100000xx;
 * - dv: dv_probe scores only when it finds a DIF section header 1F 07 00 3F (bit 7 of the last
 *   byte free) or its FF 3F 07 01 marker; its looser "secondary" matches alone never score.
 * A file larger than the bytes read (`head`) is always probed: ffprobe reads further than we did.
 */
export function mayHoldRawVideo(head: Buffer, whole: boolean): boolean {
  if (!whole) return true
  // Each pattern is found by a native search: a JS loop over every byte cost more than the rest
  // of the look at a small file (issue 16).
  return RAW_VIDEO_PATTERNS.some((p) => head.includes(p))
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
