/**
 * A small, tolerant EXIF reader for the handful of tags evidence needs. exifr abandons a whole
 * IFD at the first malformed entry (the FLIR AX8 writes one), losing Make, Model and the capture
 * time; this reader skips bad entries and keeps the rest, as ExifTool does.
 *
 * Format facts (TIFF 6.0 §2, EXIF 2.32 §4.6): "II"/"MM" byte order, 42, offset of IFD0; an IFD
 * is a 16-bit count of 12-byte entries (tag, type, count, value or offset); values over 4 bytes
 * sit at an offset from the TIFF header. ExifIFD and GPS IFD hang off IFD0 tags 0x8769 / 0x8825.
 * The output mirrors exifr's keys so callers treat both alike.
 */

type Dict = Record<string, unknown>

const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
}

const IFD0_TAGS: Record<number, string> = {
  0x00fe: 'NewSubfileType',
  0x0100: 'ImageWidth',
  0x0101: 'ImageHeight',
  0xc612: 'DNGVersion',
  0x010f: 'Make',
  0x0110: 'Model',
  0x0112: 'Orientation',
  0x0131: 'Software',
  0x0132: 'ModifyDate',
}
const EXIF_TAGS: Record<number, string> = {
  0x9003: 'DateTimeOriginal',
  0x9004: 'CreateDate',
  0x9010: 'OffsetTime',
  0x9011: 'OffsetTimeOriginal',
  0x9012: 'OffsetTimeDigitized',
  0x9290: 'SubSecTime',
  0x9291: 'SubSecTimeOriginal',
  0x9292: 'SubSecTimeDigitized',
  0xa002: 'ExifImageWidth',
  0xa003: 'ExifImageHeight',
  0xa431: 'SerialNumber',
}
/** Tags of a raw image's sub-IFDs (TIFF/EP, DNG 1.6 §…): which image it is and its size. */
const SUB_IFD_TAGS: Record<number, string> = {
  0x00fe: 'NewSubfileType',
  0x0100: 'ImageWidth',
  0x0101: 'ImageHeight',
  0xc620: 'DefaultCropSize',
}
const GPS_TAGS: Record<number, string> = {
  1: 'GPSLatitudeRef',
  2: 'GPSLatitude',
  3: 'GPSLongitudeRef',
  4: 'GPSLongitude',
  5: 'GPSAltitudeRef',
  6: 'GPSAltitude',
}

export interface ExifLite {
  ifd0: Dict
  exif: Dict
  gps: Dict
  /** IFDs listed by IFD0's SubIFDs tag (raw files keep the full image there) */
  subIfds?: Dict[]
}

export interface ExifLiteOptions {
  /** what the first IFD is: IFD0 (a TIFF or JPEG APP1), or the EXIF or GPS IFD itself (Canon CR3 CMT2/CMT4 boxes) */
  firstIfd?: 'ifd0' | 'exif' | 'gps'
  /** accept the raw formats' own magic numbers in place of 42 (Olympus ORF "RO"/"RS", Panasonic RW2 0x55) */
  rawMagic?: boolean
}

/** Reads the tags above from a TIFF-structured buffer (a JPEG APP1 payload after "Exif\0\0"). Null when the header is bad; never throws. */
export function readExifLite(t: Buffer, opts: ExifLiteOptions = {}): ExifLite | null {
  if (t.length < 8) return null
  const order = t.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return null
  const le = order === 'II'
  const u16 = (o: number): number | null =>
    o >= 0 && o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : null
  const u32 = (o: number): number | null =>
    o >= 0 && o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : null
  const i32 = (o: number): number | null =>
    o >= 0 && o + 4 <= t.length ? (le ? t.readInt32LE(o) : t.readInt32BE(o)) : null
  const magic = u16(2)
  if (magic !== 42 && !(opts.rawMagic && (magic === 0x4f52 || magic === 0x5352 || magic === 0x55)))
    return null

  const value = (type: number, count: number, at: number): unknown => {
    const read = (i: number): number | null => {
      const o = at + i * TYPE_SIZE[type]
      switch (type) {
        case 1:
        case 7:
          return o < t.length ? t[o] : null
        case 3:
          return u16(o)
        case 4:
          return u32(o)
        case 9:
          return i32(o)
        case 5: {
          const n = u32(o),
            d = u32(o + 4)
          return n === null || d === null || d === 0 ? null : n / d
        }
        case 10: {
          const n = i32(o),
            d = i32(o + 4)
          return n === null || d === null || d === 0 ? null : n / d
        }
        default:
          return null
      }
    }
    if (type === 2) {
      if (at + count > t.length) return null
      return t.toString('latin1', at, at + count).replace(/\0[\s\S]*$/, '')
    }
    const vals: Array<number | null> = []
    for (let i = 0; i < Math.min(count, 16); i++) vals.push(read(i))
    if (vals.some((v) => v === null)) return null
    return count === 1 ? vals[0] : vals
  }

  const readIfd = (
    offset: number,
    names: Record<number, string>,
    into: Dict,
    pointers?: Record<number, (o: number) => void>,
  ): void => {
    const n = u16(offset)
    if (n === null || n > 1000) return
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12
      const tag = u16(e)
      const type = u16(e + 2)
      const count = u32(e + 4)
      if (tag === null || type === null || count === null) return
      const size = TYPE_SIZE[type]
      if (!size || count === 0 || count > 65536) continue // the malformed entry is skipped, the IFD is not
      const at = size * count <= 4 ? e + 8 : u32(e + 8)
      if (at === null) continue
      if (pointers?.[tag] && (type === 4 || type === 13)) {
        const p = u32(e + 8)
        if (p !== null) pointers[tag](p)
        continue
      }
      const name = names[tag]
      if (!name || name in into) continue
      const v = value(type, count, at)
      if (v !== null && v !== undefined)
        into[name] = type === 1 && name === 'GPSAltitudeRef' ? Uint8Array.of(v as number) : v
    }
  }

  const out: ExifLite = { ifd0: {}, exif: {}, gps: {} }
  const ifd0 = u32(4)
  if (ifd0 === null) return null
  if (opts.firstIfd === 'exif') {
    readIfd(ifd0, EXIF_TAGS, out.exif)
    return out
  }
  if (opts.firstIfd === 'gps') {
    readIfd(ifd0, GPS_TAGS, out.gps)
    return out
  }
  let exifAt: number | null = null
  let gpsAt: number | null = null
  const subAt: number[] = []
  readIfd(ifd0, IFD0_TAGS, out.ifd0, {
    0x8769: (o) => (exifAt = o),
    0x8825: (o) => (gpsAt = o),
    0x014a: (o) => subAt.push(o),
  })
  if (exifAt !== null) readIfd(exifAt, EXIF_TAGS, out.exif)
  if (gpsAt !== null) readIfd(gpsAt, GPS_TAGS, out.gps)
  // SubIFDs: one offset inline, or a list of offsets elsewhere (count > 1).
  const subOffsets = subIfdOffsets(t, ifd0, u16, u32)
  for (const o of subOffsets.length > 0 ? subOffsets : subAt) {
    const d: Dict = {}
    readIfd(o, SUB_IFD_TAGS, d)
    ;(out.subIfds ??= []).push(d)
  }
  return out
}

/** Fills keys exifr left out with the tolerant reader's values; exifr's own values win. */
export function fillMissing(tags: Dict, lite: ExifLite): void {
  for (const block of ['ifd0', 'exif', 'gps'] as const) {
    const target = (tags[block] ?? {}) as Dict
    for (const [k, v] of Object.entries(lite[block])) if (!(k in target)) target[k] = v
    if (Object.keys(target).length > 0) tags[block] = target
  }
}

/** The offsets IFD0's SubIFDs tag (0x14a) lists, at most 8. */
function subIfdOffsets(
  t: Buffer,
  ifd0: number,
  u16: (o: number) => number | null,
  u32: (o: number) => number | null,
): number[] {
  const n = u16(ifd0)
  if (n === null || n > 1000) return []
  for (let i = 0; i < n; i++) {
    const e = ifd0 + 2 + i * 12
    if (u16(e) !== 0x014a) continue
    const count = u32(e + 4) ?? 0
    if (count <= 1) return []
    const at = u32(e + 8)
    if (at === null) return []
    const out: number[] = []
    for (let k = 0; k < Math.min(count, 8); k++) {
      const o = u32(at + k * 4)
      if (o !== null && o < t.length) out.push(o)
    }
    return out
  }
  return []
}
