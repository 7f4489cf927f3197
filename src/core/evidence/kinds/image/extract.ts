/**
 * Still images (JPEG, PNG, TIFF, HEIC, WebP, GIF, BMP): displayed size, camera, capture time,
 * GPS and DJI flight/gimbal attitude. Damage is reported as warnings; the file is never refused.
 *
 * exifr runs with reviveValues:false so DateTimeOriginal stays the camera's wall-clock text
 * (the default turns it into a Date in the machine's zone, which is wrong for evidence).
 */
import { open } from 'node:fs/promises'
import { loadSharp } from '../../../util/sharp'
import {
  parseOffset,
  zonedWallTimeToInstant,
  wallTimeAtOffset,
  type WallTime,
} from '../../../../shared/time-zone'
import {
  frameSize,
  listJpegSegments,
  segmentPayload,
  type JpegSegmentList,
} from '../../extract/jpeg-segments'
import { readCameraRaw } from './camera-raw'
import { fillMissing, readExifLite, type ExifLite } from './exif-lite'
import { droneFromXmp, droneXmpTags, gpsFromExif, lowerKeys, parseExifTime } from './image-tags'
import {
  capturedAt,
  cleanString,
  emptyFacts,
  filesystemTime,
  reason,
  toNumber,
  type ExtractFacts,
} from '../../extract/extract-result'

export { droneFromXmp, gpsFromExif, parseExifTime } from './image-tags'

export interface ImageOptions {
  caseTimeZone: string
  sourceMtimeMs: number
  /** from detectKind */
  mime: string
  /** the first bytes of the file (up to 2 MiB) */
  head: Buffer
  fileSize: number
}

type Dict = Record<string, unknown>

/** ISO BMFF image formats whose displayed orientation is set by item properties, not EXIF. */
const HEIF_MIMES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/avif'])

/** The TIFF structure inside the APP1 "Exif\0\0" segment, or null when there is none. */
function exifTiff(head: Buffer, list: JpegSegmentList): Buffer | null {
  const seg = list.segments.find(
    (s) => s.marker === 0xe1 && head.toString('latin1', s.dataOffset, s.dataOffset + 6) === 'Exif\0\0',
  )
  return seg ? segmentPayload(head, seg).subarray(6) : null
}

/** Problems with the APP1 EXIF block that exifr would paper over (it guesses a byte order). */
function exifHeaderProblem(head: Buffer, list: JpegSegmentList): string | null {
  const t = exifTiff(head, list)
  if (!t) return null
  if (t.length < 8) return 'the EXIF block is shorter than its header'
  const order = t.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM')
    return `the EXIF byte order mark is "${order.replace(/[^\x20-\x7e]/g, '?')}", not II or MM`
  const le = order === 'II'
  if ((le ? t.readUInt16LE(2) : t.readUInt16BE(2)) !== 42) return 'the EXIF TIFF header lacks the 42 marker'
  const ifd0 = le ? t.readUInt32LE(4) : t.readUInt32BE(4)
  if (ifd0 < 8 || ifd0 + 2 > t.length)
    return `IFD0 points to offset ${ifd0}, outside the ${t.length}-byte EXIF block`
  return null
}

/** Reads `n` bytes at the end of the file. */
async function readTail(path: string, size: number, n: number): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const len = Math.min(size, n)
    const b = Buffer.alloc(len)
    const { bytesRead } = await fh.read(b, 0, len, size - len)
    return b.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** Whether the container's end marker is there: JPEG EOI, PNG IEND, GIF trailer; null when the format has none to check. */
async function endMarkerPresent(
  path: string,
  mime: string,
  size: number,
  head: Buffer,
): Promise<boolean | null> {
  const tail = await readTail(path, size, 4096)
  if (mime === 'image/jpeg') {
    let end = tail.length
    while (end > 0 && tail[end - 1] === 0x00) end-- // some writers pad after EOI
    return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9
  }
  if (mime === 'image/png') return tail.includes('IEND', 0, 'latin1')
  if (mime === 'image/gif') return tail.length > 0 && tail[tail.length - 1] === 0x3b
  if (mime === 'image/webp' && head.length >= 8) return head.readUInt32LE(4) + 8 <= size
  return null
}

/**
 * Facts of a still image: displayed width/height (EXIF orientation 5–8 swaps), device, capture
 * time (EXIF with its OffsetTime, else the case zone + `offset-assumed`, else the file's mtime +
 * `time-from-filesystem`), GPS, `meta.drone`. Damage → warnings `metadata-unreadable` /
 * `truncated`; never throws for bad content.
 */
export async function extractImage(path: string, opts: ImageOptions): Promise<ExtractFacts> {
  const facts = emptyFacts()
  const problems: string[] = []
  const isJpeg = opts.mime === 'image/jpeg'
  const list = isJpeg ? listJpegSegments(opts.head) : null
  const wholeFileInHead = opts.head.length >= opts.fileSize
  let truncated = false
  if (list) {
    if (list.malformed) problems.push(`the JPEG header is malformed (${list.problem})`)
    else if (list.truncated) {
      if (wholeFileInHead) truncated = true
      else problems.push(`the JPEG header is longer than expected (${list.problem})`)
    }
    const exifProblem = exifHeaderProblem(opts.head, list)
    if (exifProblem) problems.push(exifProblem)
  }

  // Camera raw: its own containers hold the EXIF (CR3, RAF, ORF, RW2 are formats exifr does not
  // read) and the recorded image's size, which a decoder's first image (a preview) is not.
  const raw = readCameraRaw(opts.head, opts.mime)
  if (raw) {
    facts.meta.raw = true
    facts.meta.rawFormat = raw.format
  }
  const rawOnly = raw !== null && opts.mime !== 'image/tiff'
  let tags: Dict = rawOnly ? { ...raw.tags } : {}
  let exifrProblem: string | null = null
  // exifr is loaded here, not at the top: the kind registry brings this module into every
  // command that looks kinds up (export, check…), and exifr alone took ~30 ms to load
  const exifr = rawOnly ? null : (await import('exifr')).default
  if (exifr)
    try {
      // JPEG metadata sits in the header, which `head` holds: parsing the buffer bounds the work
      // even when a length field is corrupt. Other formats may keep EXIF anywhere: give exifr the path.
      const out = (await exifr.parse(isJpeg ? opts.head : path, {
        tiff: true,
        exif: true,
        gps: true,
        xmp: true,
        ifd1: false,
        interop: false,
        icc: false,
        iptc: false,
        jfif: false,
        ihdr: false,
        makerNote: false,
        userComment: false,
        mergeOutput: false,
        reviveValues: false,
        translateValues: false,
        translateKeys: true,
      })) as Dict | undefined
      tags = out ?? {}
      const errs = tags.errors as unknown[] | undefined
      if (Array.isArray(errs) && errs.length > 0) exifrProblem = reason(errs[0])
    } catch (e) {
      exifrProblem = reason(e)
    }
  if (exifrProblem) {
    // exifr drops a whole IFD for one bad entry; the tolerant reader recovers the rest.
    const tiff = list ? exifTiff(opts.head, list) : opts.mime === 'image/tiff' ? opts.head : null
    const lite = tiff ? readExifLite(tiff) : null
    if (lite && Object.keys({ ...lite.ifd0, ...lite.exif, ...lite.gps }).length > 0) {
      fillMissing(tags, lite)
      facts.meta.metadataNotes = [`exifr: ${exifrProblem}; tags read entry by entry instead`]
    } else problems.push(`EXIF: ${exifrProblem}`)
  }
  if (raw && !rawOnly) fillMissing(tags, { ifd0: {}, gps: {}, exif: {}, ...(raw.tags as object) } as ExifLite)
  const ifd0 = (tags.ifd0 ?? {}) as Dict
  const exif = (tags.exif ?? {}) as Dict

  // Pixel size from the decoder; fall back to the JPEG frame header when the decoder gives up.
  let pixel: { width: number; height: number } | null = null
  let sharpOrientation: number | undefined
  try {
    const sharp = await loadSharp()
    const md = await sharp(path, { failOn: 'none' }).metadata()
    if (md.width && md.height) pixel = { width: md.width, height: md.height }
    sharpOrientation = md.orientation
    facts.meta.format = md.format
    if (md.pages && md.pages > 1) facts.meta.pages = md.pages
  } catch (e) {
    if (list) pixel = frameSize(opts.head, list)
    // The bundled decoder reads no camera raw; the raw's own fields give its size.
    if (!/premature end/i.test(reason(e)) && !raw)
      problems.push(`the image decoder cannot read the header (${reason(e)})`)
  }
  if (raw?.size) {
    pixel = raw.size
  } else if (raw && pixel) {
    facts.meta.sizeIsPreview = true
    facts.warnings.push({
      code: 'preview-size',
      message: `Only the ${raw.format} file's embedded preview is readable: ${pixel.width}×${pixel.height} is the preview's size, not the sensor's.`,
    })
  }
  const exifOrientation = toNumber(ifd0.Orientation) ?? sharpOrientation ?? 1
  // In HEIF the item properties (irot, imir) define the display, and the decoder's size already
  // has them applied; an EXIF Orientation inside a HEIF is informative and must not be applied
  // on top (an iPhone HEIC with irot 270° and Orientation 6 would be turned twice).
  const heifFamily = HEIF_MIMES.has(opts.mime)
  const orientation = heifFamily ? 1 : exifOrientation
  if (heifFamily && exifOrientation !== 1) facts.meta.exifOrientation = exifOrientation
  if (pixel) {
    const swap = orientation >= 5 && orientation <= 8
    facts.width = swap ? pixel.height : pixel.width
    facts.height = swap ? pixel.width : pixel.height
    facts.meta.pixelWidth = pixel.width
    facts.meta.pixelHeight = pixel.height
  }
  facts.meta.orientation = orientation

  // Truncation: the end marker is missing and the decoder cannot get through the pixels (a
  // missing EOI alone may just be vendor data appended after the image).
  if (!truncated) {
    const endOk = await endMarkerPresent(path, opts.mime, opts.fileSize, opts.head).catch(() => null)
    if (endOk === false) {
      try {
        const sharp = await loadSharp()
        await sharp(path, { failOn: 'truncated' }).resize(32, 32, { fit: 'inside' }).raw().toBuffer()
        facts.meta.trailingData = true
      } catch {
        truncated = true
      }
    }
  }
  if (truncated) {
    facts.warnings.push({
      code: 'truncated',
      message:
        'The image file ends early (no end-of-image marker); the pixels after the cut are missing. The file is kept as it is.',
    })
  }
  if (problems.length > 0) {
    facts.warnings.push({
      code: 'metadata-unreadable',
      message: `Some image metadata could not be read: ${problems.join('; ')}. Whatever was readable is kept.`,
    })
  }

  const make = cleanString(ifd0.Make)
  const model = cleanString(ifd0.Model)
  const serialRaw = exif.BodySerialNumber ?? exif.SerialNumber ?? ifd0.SerialNumber
  const serial = typeof serialRaw === 'number' ? String(serialRaw) : cleanString(serialRaw)
  if (make || model || serial) facts.device = { make, model, serial, id: null }
  const software = cleanString(ifd0.Software)
  if (software) facts.meta.software = software

  setCaptureTime(facts, tags, opts)

  facts.gps = gpsFromExif(tags.gps as Dict | undefined)
  const droneTags = droneXmpTags(tags)
  const drone = droneFromXmp(droneTags ?? undefined)
  if (drone && droneTags) {
    facts.meta.drone = drone
    if (!facts.gps) {
      // Some DJI bodies write the position only in XMP.
      const x = lowerKeys(droneTags)
      const lat = toNumber(x.get('gpslatitude') ?? x.get('latitude'))
      const lon = toNumber(x.get('gpslongitude') ?? x.get('longitude') ?? x.get('gpslongtitude'))
      if (
        lat !== null &&
        lon !== null &&
        !(lat === 0 && lon === 0) &&
        Math.abs(lat) <= 90 &&
        Math.abs(lon) <= 180
      ) {
        facts.gps = { lat, lon, alt: drone.absoluteAltitude }
      }
    }
  }
  return facts
}

/** Milliseconds from EXIF SubSecTime text ("762" → 762, "21" → 210, "5" → 500); 0 when absent or not digits. */
export function subSecondMs(v: unknown): number {
  const s = typeof v === 'number' ? String(v) : cleanString(v)
  if (!s || !/^\d+$/.test(s.trim())) return 0
  return Math.round(Number(`0.${s.trim()}`) * 1000) % 1000
}

/** Same wall clock to the second. */
const sameWall = (a: WallTime, b: WallTime): boolean =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second

/**
 * The zone the device wrote elsewhere for the same wall clock: XMP dates (DJI drones write
 * xmp:CreateDate with an offset while EXIF has none). Only a reading of the same wall clock
 * counts: another clock reading with an offset says nothing about this one.
 */
function xmpOffsetFor(wall: WallTime, xmp: Dict): { offset: number; tag: string } | null {
  for (const key of ['CreateDate', 'DateTimeOriginal', 'DateCreated', 'ModifyDate']) {
    const t = parseExifTime(xmp[key])
    if (t && t.offset !== null && sameWall(t.wall, wall)) return { offset: t.offset, tag: `XMP ${key}` }
  }
  return null
}

function setCaptureTime(facts: ExtractFacts, tags: Dict, opts: ImageOptions): void {
  const ifd0 = (tags.ifd0 ?? {}) as Dict
  const exif = (tags.exif ?? {}) as Dict
  const xmp = (tags.xmp ?? {}) as Dict
  const candidates: Array<[unknown, unknown, unknown, string]> = [
    [exif.DateTimeOriginal, exif.OffsetTimeOriginal, exif.SubSecTimeOriginal, 'DateTimeOriginal'],
    [exif.CreateDate, exif.OffsetTimeDigitized, exif.SubSecTimeDigitized, 'CreateDate'],
    [ifd0.ModifyDate, exif.OffsetTime, exif.SubSecTime, 'ModifyDate'],
    [xmp.DateCreated ?? xmp.CreateDate, undefined, undefined, 'XMP CreateDate'],
  ]
  for (const [timeText, offsetText, subSec, tag] of candidates) {
    const t = parseExifTime(timeText)
    if (!t) continue
    const ms = subSecondMs(subSec)
    let off = t.offset ?? (typeof offsetText === 'string' ? parseOffset(offsetText.trim()) : null)
    facts.meta.timeTag = tag
    if (off === null) {
      const fromXmp = xmpOffsetFor(t.wall, xmp)
      if (fromXmp) {
        off = fromXmp.offset
        facts.meta.offsetTag = fromXmp.tag
      }
    }
    if (off !== null) {
      Object.assign(facts, capturedAt(wallTimeAtOffset(t.wall, off) + ms, off, 'exif'))
      return
    }
    const z = zonedWallTimeToInstant(t.wall, opts.caseTimeZone)
    Object.assign(facts, capturedAt(z.ms + ms, z.offsetMinutes, 'exif'))
    facts.warnings.push({
      code: 'offset-assumed',
      message: `The image's ${tag} (${String(timeText).trim()}) has no UTC offset; it was read as local time in the case zone ${opts.caseTimeZone} (${facts.utcOffset}).`,
    })
    return
  }
  const fs = filesystemTime(opts.sourceMtimeMs, opts.caseTimeZone, 'The image has no EXIF capture time')
  facts.capturedAt = fs.capturedAt
  facts.capturedAtSource = fs.capturedAtSource
  facts.utcOffset = fs.utcOffset
  facts.warnings.push(fs.warning)
}
