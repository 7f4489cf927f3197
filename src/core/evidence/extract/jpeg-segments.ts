/**
 * A bounded JPEG marker walker. It lists the marker segments of a JPEG header (everything
 * before the first SOS), for extractors that need vendor APPn payloads (FLIR APP1, DJI APP3/APP4).
 *
 * Format facts relied on (ITU-T T.81, Annex B.1):
 * - a file starts with SOI (FF D8);
 * - a marker is 0xFF followed by a code byte; any number of 0xFF fill bytes may precede it;
 * - SOI, EOI, TEMn (0x01) and RSTn (D0–D7) stand alone; every other marker is followed by a
 *   big-endian 16-bit length that counts itself (so 2 ≤ length ≤ 65535) but not the marker;
 * - entropy-coded data follows SOS, so the header walk ends there.
 *
 * It never throws on bad bytes and never reads outside the buffer: whatever could be read is
 * returned, with `truncated` (the buffer ended inside the header) or `malformed` (the bytes do
 * not follow the rules above) set.
 */

export const JPEG_SOI = 0xd8
export const JPEG_EOI = 0xd9
export const JPEG_SOS = 0xda

export interface JpegSegment {
  /** the marker code, e.g. 0xe1 for APP1 */
  marker: number
  /** offset of the 0xFF that starts the marker */
  offset: number
  /** the 16-bit length field as written (counts the two length bytes, not the marker) */
  length: number
  /** offset of the first payload byte (offset + 4) */
  dataOffset: number
  /** payload bytes actually present in the buffer (length − 2, or fewer when truncated) */
  dataLength: number
  /** true when the buffer ends before the declared end of this segment */
  truncated: boolean
}

export interface JpegSegmentList {
  segments: JpegSegment[]
  /** offset of the SOS marker, or null when it was not reached */
  sosOffset: number | null
  /** offset just past the last complete segment: how far the header was understood */
  endOffset: number
  /** the buffer ended before SOS (inside a segment or between segments) */
  truncated: boolean
  /** the bytes broke the marker rules (no SOI, no 0xFF where a marker must be, length < 2) */
  malformed: boolean
  /** a short English note on why the walk stopped early; absent when SOS was reached */
  problem?: string
}

/** Standalone markers carry no length field (T.81 B.1.1.3 and Table B.1). */
function isStandalone(marker: number): boolean {
  return marker === JPEG_SOI || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)
}

/**
 * Lists the marker segments of `buf` from SOI up to and including SOS (offsets in bytes).
 * Never throws: bad or short input yields the segments read so far plus `truncated`/`malformed`.
 * `maxSegments` (default 4096) bounds the work on hostile input.
 */
export function listJpegSegments(buf: Uint8Array, opts: { maxSegments?: number } = {}): JpegSegmentList {
  const maxSegments = opts.maxSegments ?? 4096
  const segments: JpegSegment[] = []
  const out = (extra: Partial<JpegSegmentList>, endOffset: number): JpegSegmentList => ({
    segments,
    sosOffset: null,
    endOffset,
    truncated: false,
    malformed: false,
    ...extra,
  })

  if (buf.length < 2) return out({ truncated: true, problem: 'shorter than a JPEG SOI marker' }, 0)
  if (buf[0] !== 0xff || buf[1] !== JPEG_SOI)
    return out({ malformed: true, problem: 'does not start with SOI (FF D8)' }, 0)

  let pos = 2
  while (true) {
    if (segments.length >= maxSegments) {
      return out({ malformed: true, problem: `more than ${maxSegments} segments before SOS` }, pos)
    }
    if (pos >= buf.length) return out({ truncated: true, problem: 'buffer ends before SOS' }, pos)
    if (buf[pos] !== 0xff) {
      return out(
        { malformed: true, problem: `expected a marker at byte ${pos}, found 0x${buf[pos].toString(16)}` },
        pos,
      )
    }
    // Skip fill bytes: 0xFF may repeat before the marker code (T.81 B.1.1.2).
    let codePos = pos + 1
    while (codePos < buf.length && buf[codePos] === 0xff) codePos++
    if (codePos >= buf.length) return out({ truncated: true, problem: 'buffer ends inside a marker' }, pos)
    const marker = buf[codePos]
    const markerOffset = codePos - 1
    if (marker === 0x00) {
      return out(
        { malformed: true, problem: `stuffed byte FF 00 at ${markerOffset} outside entropy-coded data` },
        pos,
      )
    }
    if (isStandalone(marker)) {
      pos = codePos + 1
      continue
    }
    if (marker === JPEG_EOI) {
      return out({ malformed: true, problem: `EOI at byte ${markerOffset} before any SOS` }, markerOffset)
    }
    if (codePos + 2 >= buf.length) {
      return out(
        { truncated: true, problem: `buffer ends inside the length of marker 0x${marker.toString(16)}` },
        pos,
      )
    }
    const length = (buf[codePos + 1] << 8) | buf[codePos + 2]
    if (length < 2) {
      return out(
        {
          malformed: true,
          problem: `marker 0x${marker.toString(16)} at ${markerOffset} has length ${length} < 2`,
        },
        pos,
      )
    }
    const dataOffset = codePos + 3
    const declaredEnd = dataOffset + length - 2
    const available = Math.max(0, Math.min(declaredEnd, buf.length) - dataOffset)
    const segTruncated = declaredEnd > buf.length
    segments.push({
      marker,
      offset: markerOffset,
      length,
      dataOffset,
      dataLength: available,
      truncated: segTruncated,
    })
    if (segTruncated) {
      return out(
        {
          truncated: true,
          problem: `segment 0x${marker.toString(16)} at ${markerOffset} declares ${length} bytes, buffer ends first`,
        },
        pos,
      )
    }
    if (marker === JPEG_SOS) return out({ sosOffset: markerOffset }, declaredEnd)
    pos = declaredEnd
  }
}

/** The payload bytes of one segment, as a view into `buf` (no copy); clipped to what the buffer holds. */
export function segmentPayload(buf: Buffer, seg: JpegSegment): Buffer {
  return buf.subarray(seg.dataOffset, seg.dataOffset + seg.dataLength)
}

/**
 * Width and height from the first SOFn segment (C0–CF except C4 DHT, C8 JPG, CC DAC), or null
 * when absent or short. SOF payload: precision (1), height (2), width (2), … (T.81 B.2.2).
 */
export function frameSize(buf: Buffer, list: JpegSegmentList): { width: number; height: number } | null {
  for (const seg of list.segments) {
    const m = seg.marker
    if (m < 0xc0 || m > 0xcf || m === 0xc4 || m === 0xc8 || m === 0xcc) continue
    if (seg.dataLength < 5) return null
    const p = seg.dataOffset
    return { height: buf.readUInt16BE(p + 1), width: buf.readUInt16BE(p + 3) }
  }
  return null
}
