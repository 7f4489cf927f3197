/**
 * Camera raw files (CR2, CR3, NEF, DNG, ARW, ORF, RW2, RAF, PEF, …): which they are, their
 * EXIF, and the size of the image the sensor recorded — not the size of the small preview a
 * generic decoder finds first.
 *
 * - CR3 is ISO BMFF: the Canon uuid box 85c0b687-820f-11e0-8111-f4ce462b6a48 inside moov holds
 *   CMT1 (a TIFF whose IFD0 is the camera's IFD0), CMT2 (EXIF IFD), CMT4 (GPS IFD).
 * - CR2, NEF, DNG, ARW, PEF are TIFF: IFD0 is often a preview; the raw image sits in a SubIFD
 *   (NewSubfileType 0) and EXIF gives the image size. ORF and RW2 are TIFF with their own magic.
 * - RAF starts "FUJIFILMCCD-RAW "; its header points to an embedded JPEG (with the EXIF) and to
 *   a directory whose tags 0x100/0x111 give the raw full and cropped sizes (height, width).
 */
import { readExifLite, type ExifLite } from './exif-lite'
import { toNumber } from '../../extract/extract-result'

type Dict = Record<string, unknown>

const CANON_UUID = '85c0b687820f11e08111f4ce462b6a48'

/** MIME types of raw formats the sniffer does not name itself, by their first bytes. */
export function rawMimeByMagic(head: Buffer): string | null {
  if (head.length >= 16 && head.toString('latin1', 0, 16) === 'FUJIFILMCCD-RAW ') return 'image/x-fuji-raf'
  const m = head.toString('latin1', 0, 4)
  if (m === 'IIRO' || m === 'IIRS' || m === 'MMOR') return 'image/x-olympus-orf'
  if (m === 'IIU\0') return 'image/x-panasonic-rw2'
  return null
}

/** Extensions of the raw formats, for the extension check. */
export const RAW_FORMATS: Readonly<Record<string, readonly string[]>> = {
  'image/x-fuji-raf': ['raf'],
  'image/x-olympus-orf': ['orf'],
  'image/x-panasonic-rw2': ['rw2'],
}

export interface RawFacts {
  /** CR3, CR2, NEF, DNG, ARW, … */
  format: string
  /** EXIF in exifr's shape (ifd0, exif, gps) */
  tags: Dict
  /** the recorded image's size, or null when only a preview is readable */
  size: { width: number; height: number } | null
}

function boxes(b: Buffer, from: number, to: number): Array<{ type: string; start: number; end: number }> {
  const out: Array<{ type: string; start: number; end: number }> = []
  let o = from
  while (o + 8 <= to && out.length < 1000) {
    let len = b.readUInt32BE(o)
    const type = b.toString('latin1', o + 4, o + 8)
    let body = o + 8
    if (len === 1 && o + 16 <= to) {
      len = Number(b.readBigUInt64BE(o + 8))
      body = o + 16
    } else if (len === 0) len = to - o
    if (len < 8 || o + len > to) break
    out.push({ type, start: body, end: o + len })
    o += len
  }
  return out
}

/** The EXIF of a CR3 from the CMT boxes in `head`; null when they are not there. */
function cr3(head: Buffer): RawFacts | null {
  const moov = boxes(head, 0, head.length).find((x) => x.type === 'moov')
  if (!moov) return null
  const canon = boxes(head, moov.start, moov.end).find(
    (x) => x.type === 'uuid' && head.toString('hex', x.start, x.start + 16) === CANON_UUID,
  )
  if (!canon) return null
  const inner = boxes(head, canon.start + 16, canon.end)
  const body = (t: string): Buffer | null => {
    const x = inner.find((i) => i.type === t)
    return x ? head.subarray(x.start, x.end) : null
  }
  const cmt1 = body('CMT1')
  const cmt2 = body('CMT2')
  const cmt4 = body('CMT4')
  const ifd0 = cmt1 ? readExifLite(cmt1) : null
  const exif = cmt2 ? readExifLite(cmt2, { firstIfd: 'exif' }) : null
  const gps = cmt4 ? readExifLite(cmt4, { firstIfd: 'gps' }) : null
  if (!ifd0 && !exif) return null
  const tags: Dict = { ifd0: ifd0?.ifd0 ?? {}, exif: exif?.exif ?? {}, gps: gps?.gps ?? {} }
  return { format: 'CR3', tags, size: sizeFrom(ifd0, exif) }
}

const pair = (w: unknown, h: unknown): { width: number; height: number } | null => {
  const width = toNumber(w)
  const height = toNumber(h)
  return width && height && width > 0 && height > 0 ? { width, height } : null
}

/**
 * The recorded image's size: the largest full-resolution SubIFD (NewSubfileType 0; its DNG
 * DefaultCropSize when given), else EXIF's image size, else IFD0's when IFD0 is the full image
 * (NewSubfileType 0) and not a reduced preview.
 */
function sizeFrom(
  main: ExifLite | null,
  exifSource: ExifLite | null = main,
): { width: number; height: number } | null {
  let best: { width: number; height: number } | null = null
  for (const sub of main?.subIfds ?? []) {
    if ((toNumber(sub.NewSubfileType) ?? 0) !== 0) continue
    const crop = Array.isArray(sub.DefaultCropSize) ? sub.DefaultCropSize : null
    const s = (crop ? pair(crop[0], crop[1]) : null) ?? pair(sub.ImageWidth, sub.ImageHeight)
    if (s && (!best || s.width * s.height > best.width * best.height)) best = s
  }
  if (best) return best
  const exif = exifSource?.exif ?? {}
  const fromExif = pair(exif.ExifImageWidth, exif.ExifImageHeight)
  if (fromExif) return fromExif
  const ifd0 = main?.ifd0 ?? {}
  if ((toNumber(ifd0.NewSubfileType) ?? 0) === 0 && !main?.subIfds?.length)
    return pair(ifd0.ImageWidth, ifd0.ImageHeight)
  return null
}

const RAW_MAKERS =
  /^(nikon|sony|pentax|ricoh|samsung|olympus|om digital|panasonic|leica|fujifilm|hasselblad|phase one|sigma|canon)/i

/** A TIFF-structured raw (CR2, NEF, DNG, ARW, PEF, ORF, RW2); null for an ordinary TIFF. */
function tiffRaw(head: Buffer, mime: string): RawFacts | null {
  const lite = readExifLite(head, { rawMagic: true })
  if (!lite) return null
  const ifd0 = lite.ifd0
  const make = typeof ifd0.Make === 'string' ? ifd0.Make.trim() : ''
  let format: string | null = null
  if (head.toString('latin1', 8, 10) === 'CR') format = 'CR2'
  else if (ifd0.DNGVersion !== undefined) format = 'DNG'
  else if (mime === 'image/x-olympus-orf') format = 'ORF'
  else if (mime === 'image/x-panasonic-rw2') format = 'RW2'
  else if (RAW_MAKERS.test(make) && (lite.subIfds?.length || toNumber(ifd0.NewSubfileType) === 1)) {
    format = /^nikon/i.test(make)
      ? 'NEF'
      : /^sony/i.test(make)
        ? 'ARW'
        : /^pentax|^ricoh/i.test(make)
          ? 'PEF'
          : 'raw'
  }
  if (!format) return null
  return { format, tags: { ifd0, exif: lite.exif, gps: lite.gps }, size: sizeFrom(lite) }
}

/** RAF: EXIF from the embedded JPEG's APP1, sizes from the RAF directory. */
function raf(head: Buffer): RawFacts | null {
  if (head.length < 108) return null
  const jpegAt = head.readUInt32BE(84)
  const jpegLen = head.readUInt32BE(88)
  const dirAt = head.readUInt32BE(92)
  let tags: Dict = { ifd0: {}, exif: {}, gps: {} }
  if (jpegAt > 0 && jpegAt + Math.min(jpegLen, 65536) <= head.length) {
    const jpeg = head.subarray(jpegAt, jpegAt + Math.min(jpegLen, head.length - jpegAt))
    const exifAt = jpeg.indexOf('Exif\0\0', 0, 'latin1')
    const lite = exifAt > 0 && exifAt < 64 ? readExifLite(jpeg.subarray(exifAt + 6)) : null
    if (lite) tags = { ifd0: lite.ifd0, exif: lite.exif, gps: lite.gps }
  }
  let full: { width: number; height: number } | null = null
  let cropped: { width: number; height: number } | null = null
  if (dirAt > 0 && dirAt + 4 <= head.length) {
    const count = head.readUInt32BE(dirAt)
    let o = dirAt + 4
    for (let i = 0; i < Math.min(count, 256) && o + 4 <= head.length; i++) {
      const tag = head.readUInt16BE(o)
      const len = head.readUInt16BE(o + 2)
      if (o + 4 + len > head.length) break
      if ((tag === 0x100 || tag === 0x111) && len >= 4) {
        const s = pair(head.readUInt16BE(o + 6), head.readUInt16BE(o + 4))
        if (tag === 0x100) full = s
        else cropped = s
      }
      o += 4 + len
    }
  }
  return { format: 'RAF', tags, size: cropped ?? full }
}

/** Raw facts of a file of sniffed `mime`, from its first bytes; null when it is not a camera raw. */
export function readCameraRaw(head: Buffer, mime: string): RawFacts | null {
  try {
    if (mime === 'image/x-canon-cr3') return cr3(head) ?? { format: 'CR3', tags: {}, size: null }
    if (mime === 'image/x-fuji-raf') return raf(head)
    if (mime === 'image/tiff' || mime === 'image/x-olympus-orf' || mime === 'image/x-panasonic-rw2')
      return tiffRaw(head, mime)
  } catch {
    return null
  }
  return null
}
