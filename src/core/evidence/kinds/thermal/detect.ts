/**
 * Which radiometric JPEG flavour a file is, decided from its header bytes alone.
 *
 * - FLIR: the FFF stream is split over APP1 segments whose payload starts "FLIR\0" (then a
 *   version byte, the part index and the last part index). DJI Zenmuse XT2 and XT radiometric
 *   ("XTR") files carry the same FLIR APP1 data, so they are 'flir' too.
 * - DJI R-JPEG (H20T, M2EA, M3T, M30T, XT S, …): the raw thermal matrix, one uint16 per pixel,
 *   is split over consecutive APPn segments that carry no identifier string. H20T, M2EA, M3T
 *   and M30T put it in APP3 (parameters in APP4, calibration in APP5); the XT S puts a 32 KiB
 *   block in APP3 and the matrix in APP4 (seen in the fixture DJI_XTS.jpg). We recognise the
 *   matrix by its size: exactly 2·W·H bytes for the main image size or a known DJI sensor size.
 */
import {
  frameSize,
  listJpegSegments,
  segmentPayload,
  type JpegSegment,
  type JpegSegmentList,
} from '../../extract/jpeg-segments'

/** Warning codes the thermal extractors emit; the import pipeline stores and the UI translates them. */
export type ThermalWarningCode =
  'thermal-segment-missing' | 'thermal-truncated' | 'thermal-size-mismatch' | 'metadata-unreadable'

export interface ThermalWarning {
  code: ThermalWarningCode
  /** English, names what is wrong in the file and what was done about it */
  message: string
}

export type ThermalFormat = 'flir' | 'dji'

/** Thermal sensor sizes DJI R-JPEGs are known to use (width × height). */
export const DJI_SENSOR_SIZES: ReadonlyArray<{ width: number; height: number }> = [
  { width: 640, height: 512 }, // H20T, H20N, M2EA, M3T, M30T, XT S, M4T
  { width: 1280, height: 1024 }, // H30T (high-resolution mode)
  { width: 336, height: 256 },
  { width: 320, height: 256 },
  { width: 160, height: 120 },
]

/** APP3/APP4 payload prefixes that belong to other vendors (ExifTool's JPEG tables), never DJI raw data. */
const FOREIGN_PREFIXES: ReadonlyArray<Buffer> = [
  'Meta\0\0',
  'META\0\0',
  'Exif\0\0',
  'Stim\0',
  '_JPSJPS_',
  'SCALADO\0',
  'FPXR\0',
  'Qualcomm',
].map((s) => Buffer.from(s, 'latin1'))

/** True for an APP1 segment whose payload starts "FLIR\0" (one part of the FFF stream); bounds-checked. */
export function isFlirApp1(buf: Buffer, seg: JpegSegment): boolean {
  return (
    seg.marker === 0xe1 &&
    seg.dataLength >= 5 &&
    buf.toString('latin1', seg.dataOffset, seg.dataOffset + 5) === 'FLIR\0'
  )
}

function hasForeignPrefix(payload: Buffer): boolean {
  return FOREIGN_PREFIXES.some((p) => payload.length >= p.length && payload.subarray(0, p.length).equals(p))
}

export interface DjiRawRun {
  /** 0xe3 (APP3) or 0xe4 (APP4) */
  marker: number
  segments: JpegSegment[]
  /** payload bytes present */
  bytes: number
  /** the run ends in a segment the buffer cut short */
  truncated: boolean
}

/** Runs of consecutive identifier-less APP3 or APP4 segments: where DJI writes the raw matrix. */
export function djiRawRuns(buf: Buffer, list: JpegSegmentList): DjiRawRun[] {
  const runs: DjiRawRun[] = []
  let cur: DjiRawRun | null = null
  for (const seg of list.segments) {
    const candidate =
      (seg.marker === 0xe3 || seg.marker === 0xe4) && !hasForeignPrefix(segmentPayload(buf, seg))
    if (candidate && cur && cur.marker === seg.marker) {
      cur.segments.push(seg)
      cur.bytes += seg.dataLength
      cur.truncated ||= seg.truncated
      continue
    }
    cur = null
    if (candidate) {
      cur = { marker: seg.marker, segments: [seg], bytes: seg.dataLength, truncated: seg.truncated }
      runs.push(cur)
    }
  }
  return runs
}

/** Candidate raw sizes: the main image's own size first, then the known sensor sizes. */
export function djiCandidateSizes(
  buf: Buffer,
  list: JpegSegmentList,
): Array<{ width: number; height: number }> {
  const sizes: Array<{ width: number; height: number }> = []
  const main = frameSize(buf, list)
  if (main && main.width > 0 && main.height > 0) sizes.push(main)
  for (const s of DJI_SENSOR_SIZES)
    if (!sizes.some((t) => t.width === s.width && t.height === s.height)) sizes.push(s)
  return sizes
}

/**
 * IFD0 Make and Model from an APP1 "Exif\0\0" payload (TIFF 6.0 §2: header, IFD of 12-byte
 * entries; ASCII values longer than 4 bytes sit at an offset). Bounded; null fields when absent.
 */
export function readExifMakeModel(
  buf: Buffer,
  list: JpegSegmentList,
): { make: string | null; model: string | null } {
  const res = { make: null as string | null, model: null as string | null }
  const seg = list.segments.find(
    (s) =>
      s.marker === 0xe1 &&
      s.dataLength >= 14 &&
      buf.toString('latin1', s.dataOffset, s.dataOffset + 6) === 'Exif\0\0',
  )
  if (!seg) return res
  const t = segmentPayload(buf, seg).subarray(6)
  const order = t.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return res
  const le = order === 'II'
  const u16 = (o: number): number | null =>
    o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : null
  const u32 = (o: number): number | null =>
    o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : null
  const ifd = u32(4)
  if (ifd === null) return res
  const count = u16(ifd)
  if (count === null) return res
  for (let i = 0; i < Math.min(count, 512); i++) {
    const e = ifd + 2 + i * 12
    const tag = u16(e)
    const type = u16(e + 2)
    const n = u32(e + 4)
    if (tag === null || type === null || n === null) break
    if ((tag !== 0x010f && tag !== 0x0110) || type !== 2 || n === 0 || n > 256) continue
    const at = n <= 4 ? e + 8 : u32(e + 8)
    if (at === null || at + n > t.length) continue
    const text = t
      .toString('latin1', at, at + n)
      .replace(/\0[\s\S]*$/, '')
      .trim()
    if (tag === 0x010f) res.make = text
    else res.model = text
  }
  return res
}

/**
 * 'flir' or 'dji' when the header bytes of a JPEG (pass up to the first 2 MiB) hold FLIR APP1
 * or DJI raw-thermal segments, else null. Never throws; a cut-short header is judged on what is there.
 */
export function detectThermalJpeg(head: Buffer): 'flir' | 'dji' | null {
  const list = listJpegSegments(head)
  if (list.segments.length === 0) return null
  if (list.segments.some((s) => isFlirApp1(head, s))) return 'flir'

  const runs = djiRawRuns(head, list)
  if (runs.length === 0) return null
  const sizes = djiCandidateSizes(head, list)
  for (const run of runs) {
    if (!run.truncated && sizes.some((s) => run.bytes === s.width * s.height * 2)) return 'dji'
  }
  // A damaged matrix (cut short, or a segment lost) no longer has the exact size. It is still
  // DJI thermal when the camera says DJI and at least a near-full segment of raw data is there
  // (DJI writes 65532-byte payloads), so the reader can report the damage instead of calling it
  // a plain photo.
  if (runs.some((r) => r.bytes >= 60000)) {
    const { make } = readExifMakeModel(head, list)
    if (make !== null && /^DJI\b/i.test(make)) return 'dji'
  }
  return null
}
