/**
 * FLIR radiometric JPEG reader (also DJI Zenmuse XT2 / XT radiometric, which embed the same data).
 *
 * Layout relied on (as documented by ExifTool's FLIR tag tables, lib/Image/ExifTool/FLIR.pm,
 * and FLIR's FFF notes it cites; this code is our own):
 * - APP1 payload: "FLIR\0", a version byte, the part index, the last part index, then a slice
 *   of one FFF stream. Joining the slices in index order gives the stream.
 * - FFF header (64 bytes): "FFF\0" (or "AFF\0"), creator string[16] at 0x04, format version at
 *   0x14 (100..199; its byte order is the stream's), directory offset at 0x18, entry count at 0x1c.
 * - Directory entry (32 bytes): record type u16 at 0x00, subtype u16 at 0x02, offset u32 at
 *   0x0c and length u32 at 0x10 (offsets from the start of the stream). Type 0 = unused slot.
 * - Each record starts with a u16 that reads < 0x100 in the record's own byte order
 *   (2 for raw data and camera info, 3 for the embedded image): that fixes its byte order.
 * - Record 0x01 RawData: width u16 at 0x02, height u16 at 0x04, image from 0x20: a PNG
 *   (16-bit grey; FLIR writes the samples little-endian inside PNG's big-endian container) or
 *   width·height plain 16-bit samples.
 * - Record 0x0e EmbeddedImage: width at 0x02, height at 0x04, image from 0x20 (JPEG, or PNG
 *   whose three channels hold Y, Cb, Cr).
 * - Record 0x20 CameraInfo: offsets in `readCameraInfo` below (float32 unless noted; Kelvin
 *   for temperatures).
 * - Record 0x2b GPSInfo (little-endian): valid flag u32 at 0x00, latitude/longitude refs at
 *   0x08/0x0a, latitude and longitude float64 at 0x10/0x18, altitude float32 at 0x20, DOP at
 *   0x40, image direction at 0x54, map datum string[16] at 0x58.
 */
import { inflateSync } from 'node:zlib'
import type { RadiometricParams } from './radiometry'
import { listJpegSegments, type JpegSegment } from '../../extract/jpeg-segments'
import { isFlirApp1, type ThermalWarning } from './detect'

export interface FlirRaw {
  width: number
  height: number
  /** row-major raw counts */
  data: Uint16Array
  /** how the file stored it */
  encoding: 'png' | 'raw-le' | 'raw-be'
}

export interface FlirVisible {
  mime: 'image/jpeg' | 'image/png' | 'application/octet-stream'
  data: Buffer
  width?: number
  height?: number
  /** 'ycbcr' for FLIR's PNG variant, whose R, G and B channels carry Y, Cb and Cr */
  colorModel?: 'rgb' | 'ycbcr'
}

export interface FlirGps {
  /** degrees, negative south */
  latitude: number
  /** degrees, negative west */
  longitude: number
  /** metres as recorded (FLIR writes −1 when unknown) */
  altitude?: number
  mapDatum?: string
  dop?: number
  /** degrees */
  imgDirection?: number
}

export interface FlirCameraInfo {
  model?: string
  partNumber?: string
  serialNumber?: string
  software?: string
  lensModel?: string
  /** degrees */
  fieldOfView?: number
  /** capture instant as UTC ISO 8601, and the camera's UTC offset in minutes */
  capturedAt?: { utc: string; offsetMinutes: number }
  rawValueMedian?: number
  rawValueRange?: number
  rawValueRangeMin?: number
  rawValueRangeMax?: number
  /** the camera's calibrated measuring range, °C */
  rangeMinC?: number
  rangeMaxC?: number
}

export interface FlirThermal {
  format: 'flir'
  /** absent when the CameraInfo record is missing or unreadable */
  params?: RadiometricParams
  /** absent when the raw image is missing or cannot be decoded */
  raw?: FlirRaw
  /** raw width/height as declared by the RawData record header, even when the image is unusable */
  declaredRawSize?: { width: number; height: number }
  visible?: FlirVisible
  gps?: FlirGps
  camera: FlirCameraInfo
  /** FFF creator string, e.g. "ATAU_RBFO" on DJI XT2 */
  creator?: string
  warnings: ThermalWarning[]
}

const REC_RAW = 0x01
const REC_EMBEDDED = 0x0e
const REC_CAMERA = 0x20
const REC_GPS = 0x2b
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Upper bound for a joined FFF stream: 255 APP1 parts of 64 KiB. */
const MAX_FFF_BYTES = 256 * 65536

/** A byte reader over one record with its own byte order; every read is bounds-checked. */
class Rec {
  constructor(
    readonly buf: Buffer,
    readonly le: boolean,
  ) {}

  has(off: number, n: number): boolean {
    return off >= 0 && off + n <= this.buf.length
  }
  u16(off: number): number | undefined {
    return this.has(off, 2) ? (this.le ? this.buf.readUInt16LE(off) : this.buf.readUInt16BE(off)) : undefined
  }
  u32(off: number): number | undefined {
    return this.has(off, 4) ? (this.le ? this.buf.readUInt32LE(off) : this.buf.readUInt32BE(off)) : undefined
  }
  i32(off: number): number | undefined {
    return this.has(off, 4) ? (this.le ? this.buf.readInt32LE(off) : this.buf.readInt32BE(off)) : undefined
  }
  i16(off: number): number | undefined {
    return this.has(off, 2) ? (this.le ? this.buf.readInt16LE(off) : this.buf.readInt16BE(off)) : undefined
  }
  f32(off: number): number | undefined {
    return this.has(off, 4) ? (this.le ? this.buf.readFloatLE(off) : this.buf.readFloatBE(off)) : undefined
  }
  f64(off: number): number | undefined {
    return this.has(off, 8) ? (this.le ? this.buf.readDoubleLE(off) : this.buf.readDoubleBE(off)) : undefined
  }
  str(off: number, n: number): string | undefined {
    if (!this.has(off, 1)) return undefined
    const s = this.buf.toString('latin1', off, Math.min(this.buf.length, off + n))
    return s.replace(/\0[\s\S]*$/, '').trim()
  }
}

/** Record byte order: the leading u16 is small (2 or 3) when read the right way round. */
function recordReader(rec: Buffer, streamLe: boolean): Rec {
  const r = new Rec(rec, streamLe)
  const first = r.u16(0)
  return first !== undefined && first >= 0x100 ? new Rec(rec, !streamLe) : r
}

interface JoinedStream {
  fff: Buffer
  /** byte ranges of the stream that no APP1 part supplied */
  holes: Array<[number, number]>
}

/** Joins the FLIR APP1 parts by their index into one stream; records holes for missing parts. */
function joinFlirParts(buf: Buffer, segs: JpegSegment[], warnings: ThermalWarning[]): JoinedStream | null {
  const parts: Array<{ index: number; last: number; data: Buffer }> = []
  for (const s of segs) {
    if (s.dataLength < 8) continue
    parts.push({
      index: buf[s.dataOffset + 6],
      last: buf[s.dataOffset + 7],
      data: buf.subarray(s.dataOffset + 8, s.dataOffset + s.dataLength),
    })
  }
  if (parts.length === 0) return null
  // The last-part index should agree across parts; take the most common (a damaged header loses the vote).
  const votes = new Map<number, number>()
  for (const p of parts) votes.set(p.last, (votes.get(p.last) ?? 0) + 1)
  const last = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
  const byIndex = new Map<number, Buffer>()
  for (const p of parts) {
    if (p.index > last) {
      warnings.push({
        code: 'metadata-unreadable',
        message: `FLIR APP1 part ${p.index} is beyond the declared last part ${last}; ignored.`,
      })
    } else if (byIndex.has(p.index)) {
      warnings.push({
        code: 'metadata-unreadable',
        message: `FLIR APP1 part ${p.index} appears twice; the first copy is used.`,
      })
    } else {
      byIndex.set(p.index, p.data)
    }
  }
  const missing: number[] = []
  for (let i = 0; i <= last; i++) if (!byIndex.has(i)) missing.push(i)
  if (missing.length === 0)
    return { fff: Buffer.concat([...Array(last + 1).keys()].map((i) => byIndex.get(i)!)), holes: [] }

  warnings.push({
    code: 'thermal-segment-missing',
    message: `FLIR data is split over ${last + 1} APP1 parts; part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. Records in the lost bytes cannot be read.`,
  })
  // Cameras fill every part but the last to the same size, so a present part's place in the
  // stream is index × that size; keep the bytes where they belong and mark the gaps.
  const fullSizes = [...byIndex.entries()].filter(([i]) => i < last).map(([, d]) => d.length)
  const partSize = fullSizes.length ? Math.max(...fullSizes) : 0
  const uniform =
    partSize > 0 &&
    [...byIndex.entries()].every(([i, d]) => (i < last ? d.length === partSize : d.length <= partSize))
  if (!uniform) {
    // No reliable geometry: join what is there; offsets after the first gap are unreliable.
    const present = [...byIndex.keys()].sort((a, b) => a - b)
    const firstGap = present.reduce((acc, i) => acc + (i < missing[0] ? byIndex.get(i)!.length : 0), 0)
    return {
      fff: Buffer.concat(present.map((i) => byIndex.get(i)!)),
      holes: [[firstGap, Number.MAX_SAFE_INTEGER]],
    }
  }
  const lastLen = byIndex.get(last)?.length ?? partSize
  const total = Math.min(MAX_FFF_BYTES, partSize * last + lastLen)
  const fff = Buffer.alloc(total)
  const holes: Array<[number, number]> = []
  for (let i = 0; i <= last; i++) {
    const at = i * partSize
    const d = byIndex.get(i)
    if (d && at < total) d.copy(fff, at, 0, Math.min(d.length, total - at))
    else holes.push([at, i === last ? total : at + partSize])
  }
  return { fff, holes }
}

interface DirEntry {
  type: number
  subtype: number
  offset: number
  length: number
}

function overlapsHole(e: DirEntry, holes: Array<[number, number]>): boolean {
  return holes.some(([a, b]) => e.offset < b && e.offset + e.length > a)
}

function f32OrUndefined(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined
}

function readCameraInfo(r: Rec): {
  params?: RadiometricParams
  camera: FlirCameraInfo
  width?: number
  height?: number
  missing: string[]
} {
  const k = (off: number): number | undefined => {
    const v = r.f32(off)
    return v === undefined ? undefined : v - 273.15
  }
  const rh = r.f32(0x3c)
  const fields: Record<keyof RadiometricParams, number | undefined> = {
    emissivity: r.f32(0x20),
    objectDistance: r.f32(0x24),
    reflectedTempC: k(0x28),
    atmosphericTempC: k(0x2c),
    irWindowTempC: k(0x30),
    irWindowTransmission: r.f32(0x34),
    // Some writers store percent rather than a fraction (ExifTool notes the same).
    relativeHumidity: rh === undefined ? undefined : rh > 2 ? rh / 100 : rh,
    planckR1: r.f32(0x58),
    planckB: r.f32(0x5c),
    planckF: r.f32(0x60),
    atmTransAlpha1: r.f32(0x70),
    atmTransAlpha2: r.f32(0x74),
    atmTransBeta1: r.f32(0x78),
    atmTransBeta2: r.f32(0x7c),
    atmTransX: r.f32(0x80),
    planckO: r.i32(0x308),
    planckR2: r.f32(0x30c),
  }
  const missing = Object.entries(fields)
    .filter(([, v]) => v === undefined)
    .map(([name]) => name)
  const params = missing.length === 0 ? (fields as RadiometricParams) : undefined

  const camera: FlirCameraInfo = {}
  const set = <K extends keyof FlirCameraInfo>(key: K, v: FlirCameraInfo[K] | undefined | ''): void => {
    if (v !== undefined && v !== '') camera[key] = v as FlirCameraInfo[K]
  }
  set('model', r.str(0xd4, 32))
  set('partNumber', r.str(0xf4, 16))
  set('serialNumber', r.str(0x104, 16))
  set('software', r.str(0x114, 16))
  set('lensModel', r.str(0x170, 32))
  const fov = f32OrUndefined(r.f32(0x1b4))
  if (fov !== undefined && fov > 0) camera.fieldOfView = fov
  set('rangeMaxC', f32OrUndefined(k(0x90)))
  set('rangeMinC', f32OrUndefined(k(0x94)))
  set('rawValueRangeMin', r.u16(0x310))
  set('rawValueRangeMax', r.u16(0x312))
  set('rawValueMedian', r.u16(0x338))
  set('rawValueRange', r.u16(0x33c))
  // 0x384: u32 seconds since 1970 (UTC), u32 whose low 16 bits are milliseconds, i16 zone
  // in minutes with the opposite sign of the UTC offset.
  const secs = r.u32(0x384)
  const sub = r.u32(0x388)
  const tz = r.i16(0x38c)
  if (secs !== undefined && sub !== undefined && tz !== undefined && secs > 0) {
    const ms = Math.min(999, sub & 0xffff)
    camera.capturedAt = { utc: new Date(secs * 1000 + ms).toISOString(), offsetMinutes: tz === 0 ? 0 : -tz }
  }
  const width = r.u16(0x02)
  const height = r.u16(0x04)
  return { params, camera, width, height, missing }
}

/** The PNG's IHDR fields and joined IDAT data, or the reason the container is unusable. */
function readPngChunks(
  png: Buffer,
):
  | { width: number; height: number; depth: number; colorType: number; interlace: number; idat: Buffer }
  | string {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIG)) return 'no PNG signature'
  let pos = 8
  let ihdr: Buffer | null = null
  const idat: Buffer[] = []
  let ended = false
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos)
    const type = png.toString('latin1', pos + 4, pos + 8)
    const start = pos + 8
    if (start + len > png.length) return `PNG chunk ${type} runs past the end of the data`
    const body = png.subarray(start, start + len)
    if (type === 'IHDR') ihdr = body
    else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') {
      ended = true
      break
    }
    pos = start + len + 4 // + CRC
  }
  if (!ihdr || ihdr.length < 13) return 'PNG has no IHDR chunk'
  if (idat.length === 0) return 'PNG has no image data'
  if (!ended) return 'PNG ends before its IEND chunk'
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    depth: ihdr[8],
    colorType: ihdr[9],
    interlace: ihdr[12],
    idat: Buffer.concat(idat),
  }
}

/**
 * Decodes FLIR's 16-bit greyscale PNG into samples with the given byte order (`swap` = read
 * each sample little-endian, as FLIR writes them). Only the variant FLIR writes (depth 16,
 * colour type 0, no interlace) is supported; anything else is reported, not guessed.
 * Filters per the PNG spec §9: None, Sub, Up, Average, Paeth, with 2 bytes per pixel.
 */
export function decodeFlirPng(
  png: Buffer,
  swap: boolean,
): { width: number; height: number; data: Uint16Array } | string {
  const chunks = readPngChunks(png)
  if (typeof chunks === 'string') return chunks
  const { width, height, depth, colorType, interlace, idat } = chunks
  if (depth !== 16 || colorType !== 0 || interlace !== 0) {
    return `PNG is depth ${depth}, colour type ${colorType}, interlace ${interlace}; expected 16-bit grey, not interlaced`
  }
  if (width === 0 || height === 0 || width * height > 64 * 1024 * 1024)
    return `PNG size ${width}×${height} is not plausible`
  const stride = width * 2
  let inflated: Buffer
  try {
    inflated = inflateSync(idat, { maxOutputLength: (stride + 1) * height + 1 })
  } catch (err) {
    return `PNG image data does not inflate: ${(err as Error).message}`
  }
  if (inflated.length < (stride + 1) * height)
    return `PNG image data holds ${inflated.length} bytes, ${(stride + 1) * height} needed`
  // Unfilter in place: each row is its filter byte then `stride` bytes; the row above has
  // already been reconstructed, and above the first row counts as zeros (PNG spec §9.2).
  const px = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length) // a plain view: V8 indexes it faster than a Buffer
  const rowLen = stride + 1
  for (let y = 0; y < height; y++) {
    const base = y * rowLen + 1
    const up = base - rowLen // start of the reconstructed row above; only valid when y > 0
    const filter = px[base - 1]
    if (filter === 0) continue
    if (filter === 1 || (filter === 4 && y === 0)) {
      // Sub; Paeth on the first row reduces to Sub because b = c = 0.
      for (let i = 2; i < stride; i++) px[base + i] = (px[base + i] + px[base + i - 2]) & 0xff
    } else if (filter === 2) {
      if (y > 0) for (let i = 0; i < stride; i++) px[base + i] = (px[base + i] + px[up + i]) & 0xff
    } else if (filter === 3) {
      for (let i = 0; i < stride; i++) {
        const a = i >= 2 ? px[base + i - 2] : 0
        const b = y > 0 ? px[up + i] : 0
        px[base + i] = (px[base + i] + ((a + b) >> 1)) & 0xff
      }
    } else if (filter === 4) {
      // y > 0 here. The first two bytes have a = c = 0, so Paeth picks b.
      px[base] = (px[base] + px[up]) & 0xff
      px[base + 1] = (px[base + 1] + px[up + 1]) & 0xff
      for (let i = 2; i < stride; i++) {
        const a = px[base + i - 2]
        const b = px[up + i]
        const c = px[up + i - 2]
        const p = a + b - c
        const pa = p > a ? p - a : a - p
        const pb = p > b ? p - b : b - p
        const pc = p > c ? p - c : c - p
        px[base + i] = (px[base + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff
      }
    } else {
      return `PNG row ${y} has unknown filter type ${filter}`
    }
  }
  const out = new Uint16Array(width * height)
  for (let y = 0; y < height; y++) {
    const base = y * rowLen + 1
    const o = y * width
    if (swap) for (let x = 0; x < width; x++) out[o + x] = px[base + 2 * x] | (px[base + 2 * x + 1] << 8)
    else for (let x = 0; x < width; x++) out[o + x] = (px[base + 2 * x] << 8) | px[base + 2 * x + 1]
  }
  return { width, height, data: out }
}

/** Median of a strided sample: enough to tell which byte order matches the camera's statistics. */
function sampledMedian(data: Uint16Array, swap: boolean): number {
  const step = Math.max(1, Math.floor(data.length / 4096))
  const s = new Uint16Array(Math.ceil(data.length / step))
  for (let i = 0, j = 0; i < data.length; i += step, j++) {
    const v = data[i]
    s[j] = swap ? ((v & 0xff) << 8) | (v >> 8) : v
  }
  s.sort() // typed arrays sort numerically
  return s[s.length >> 1]
}

function readRaw(
  r: Rec,
  cameraSize: { width?: number; height?: number },
  median: number | undefined,
  warnings: ThermalWarning[],
): { raw?: FlirRaw; declared?: { width: number; height: number } } {
  const w = r.u16(0x02)
  const h = r.u16(0x04)
  if (w === undefined || h === undefined) {
    warnings.push({
      code: 'thermal-truncated',
      message: 'FLIR RawData record is too short to hold its header.',
    })
    return {}
  }
  const declared = { width: w, height: h }
  const img = r.buf.subarray(Math.min(0x20, r.buf.length))
  if (img.length >= 8 && img.subarray(0, 8).equals(PNG_SIG)) {
    const png = decodeFlirPng(img, true)
    if (typeof png === 'string') {
      const cut = /past the end|before its IEND|does not inflate|bytes, .* needed/.test(png)
      warnings.push({
        code: cut ? 'thermal-truncated' : 'metadata-unreadable',
        message: `FLIR raw thermal PNG unreadable: ${png}.`,
      })
      return { declared }
    }
    if (png.width !== w || png.height !== h) {
      warnings.push({
        code: 'thermal-size-mismatch',
        message: `FLIR RawData header says ${w}×${h} but its PNG is ${png.width}×${png.height}; the PNG's own size is used.`,
      })
    }
    const data = png.data
    // FLIR writes PNG samples little-endian; confirm against the camera's recorded median and
    // keep PNG's own order if that matches it clearly better (ExifTool has seen both).
    if (median !== undefined && median > 0) {
      const asSwapped = sampledMedian(data, false)
      const asPng = sampledMedian(data, true)
      if (Math.abs(asPng - median) * 4 < Math.abs(asSwapped - median)) {
        for (let i = 0; i < data.length; i++) data[i] = ((data[i] & 0xff) << 8) | (data[i] >> 8)
      }
    }
    return { raw: { width: png.width, height: png.height, data, encoding: 'png' }, declared }
  }
  if (img.length >= 3 && img[0] === 0xff && img[1] === 0xd8 && img[2] === 0xff) {
    warnings.push({
      code: 'metadata-unreadable',
      message: 'FLIR raw thermal image is a JPEG, which carries no radiometric counts.',
    })
    return { declared }
  }
  // Plain samples: width·height u16 in the record's byte order.
  let width = w
  let height = h
  if (w * h * 2 !== img.length) {
    const cw = cameraSize.width
    const ch = cameraSize.height
    if (cw && ch && cw * ch * 2 === img.length) {
      warnings.push({
        code: 'thermal-size-mismatch',
        message: `FLIR RawData header says ${w}×${h} (${w * h * 2} bytes) but holds ${img.length} bytes; the CameraInfo size ${cw}×${ch} fits and is used.`,
      })
      width = cw
      height = ch
    } else if (img.length < w * h * 2) {
      warnings.push({
        code: 'thermal-truncated',
        message: `FLIR raw thermal image should hold ${w * h * 2} bytes for ${w}×${h} but holds ${img.length}.`,
      })
      return { declared }
    } else {
      warnings.push({
        code: 'thermal-size-mismatch',
        message: `FLIR RawData header says ${w}×${h} (${w * h * 2} bytes) but holds ${img.length} bytes; the extra bytes are ignored.`,
      })
    }
  }
  if (width === 0 || height === 0) {
    warnings.push({
      code: 'thermal-size-mismatch',
      message: `FLIR RawData header declares an empty ${w}×${h} image.`,
    })
    return { declared }
  }
  const data = new Uint16Array(width * height)
  for (let i = 0; i < data.length; i++) data[i] = r.le ? img.readUInt16LE(2 * i) : img.readUInt16BE(2 * i)
  return { raw: { width, height, data, encoding: r.le ? 'raw-le' : 'raw-be' }, declared }
}

function readEmbedded(r: Rec): FlirVisible | undefined {
  const img = r.buf.subarray(Math.min(0x20, r.buf.length))
  if (img.length === 0) return undefined
  const width = r.u16(0x02)
  const height = r.u16(0x04)
  const isJpeg = img.length >= 3 && img[0] === 0xff && img[1] === 0xd8 && img[2] === 0xff
  const isPng = img.length >= 8 && img.subarray(0, 8).equals(PNG_SIG)
  return {
    mime: isJpeg ? 'image/jpeg' : isPng ? 'image/png' : 'application/octet-stream',
    data: Buffer.from(img), // a copy, so the joined stream can be released
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
    ...(isPng ? { colorModel: 'ycbcr' as const } : isJpeg ? { colorModel: 'rgb' as const } : {}),
  }
}

function readGps(rec: Buffer): FlirGps | undefined {
  const r = new Rec(rec, true) // ExifTool reads this record little-endian whatever the stream order
  if (r.u32(0) !== 1) return undefined
  let lat = r.f64(0x10)
  let lon = r.f64(0x18)
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon))
    return undefined
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined
  // The doubles are signed; a positive value with an S/W reference is taken as unsigned.
  if (r.str(0x08, 2) === 'S' && lat > 0) lat = -lat
  if (r.str(0x0a, 2) === 'W' && lon > 0) lon = -lon
  const gps: FlirGps = { latitude: lat, longitude: lon }
  const alt = f32OrUndefined(r.f32(0x20))
  if (alt !== undefined) gps.altitude = alt
  const dop = f32OrUndefined(r.f32(0x40))
  if (dop !== undefined && dop > 0) gps.dop = dop
  const dir = f32OrUndefined(r.f32(0x54))
  if (dir !== undefined && dir >= 0) gps.imgDirection = dir
  const datum = r.str(0x58, 16)
  if (datum) gps.mapDatum = datum
  return gps
}

/**
 * Parses a FLIR radiometric JPEG (whole file, or at least everything before SOS). Never throws
 * on bad bytes: what cannot be read is left out and explained in `warnings`. Temperatures in
 * `params` are °C, distance in metres, humidity a fraction.
 */
export function parseFlirJpeg(buf: Buffer): FlirThermal {
  const warnings: ThermalWarning[] = []
  const result: FlirThermal = { format: 'flir', camera: {}, warnings }
  const list = listJpegSegments(buf)
  const flirSegs = list.segments.filter((s) => isFlirApp1(buf, s))
  if (list.truncated || list.malformed) {
    warnings.push({
      code: list.truncated ? 'thermal-truncated' : 'metadata-unreadable',
      message: `JPEG header ${list.truncated ? 'is cut short' : 'is damaged'} (${list.problem ?? 'unknown'}); only the segments before that point were read.`,
    })
  }
  const joined = joinFlirParts(buf, flirSegs, warnings)
  if (!joined) {
    warnings.push({
      code: 'thermal-segment-missing',
      message: 'No FLIR APP1 segment found; there is no thermal data to read.',
    })
    return result
  }
  const { fff, holes } = joined
  const magic = fff.toString('latin1', 0, 4)
  if (fff.length < 0x40 || (magic !== 'FFF\0' && magic !== 'AFF\0')) {
    warnings.push({
      code: holes.some(([a]) => a === 0) ? 'thermal-segment-missing' : 'metadata-unreadable',
      message: 'FLIR data does not start with an FFF header.',
    })
    return result
  }
  const creator = fff
    .toString('latin1', 4, 20)
    .replace(/\0[\s\S]*$/, '')
    .trim()
  if (creator) result.creator = creator
  // The format version (100..199) is only plausible in the stream's byte order.
  const verBE = fff.readUInt32BE(0x14)
  const verLE = fff.readUInt32LE(0x14)
  const le = !(verBE >= 100 && verBE < 200) && verLE >= 100 && verLE < 200
  if (!le && !(verBE >= 100 && verBE < 200)) {
    warnings.push({
      code: 'metadata-unreadable',
      message: `FLIR FFF version ${verBE} is not one this reader knows (100–199).`,
    })
    return result
  }
  const hdr = new Rec(fff, le)
  const dirOff = hdr.u32(0x18)!
  const dirCount = hdr.u32(0x1c)!
  if (dirCount > 4096) {
    warnings.push({
      code: 'metadata-unreadable',
      message: `FLIR FFF directory claims ${dirCount} entries; not read.`,
    })
    return result
  }
  const entries: DirEntry[] = []
  for (let i = 0; i < dirCount; i++) {
    const e = dirOff + i * 32
    if (e + 32 > fff.length) {
      warnings.push({
        code: 'thermal-truncated',
        message: `FLIR FFF directory is cut short after ${i} of ${dirCount} entries.`,
      })
      break
    }
    const type = hdr.u16(e)!
    if (type === 0) continue
    entries.push({ type, subtype: hdr.u16(e + 2)!, offset: hdr.u32(e + 0x0c)!, length: hdr.u32(e + 0x10)! })
  }
  const names: Record<number, string> = {
    [REC_RAW]: 'RawData',
    [REC_EMBEDDED]: 'EmbeddedImage',
    [REC_CAMERA]: 'CameraInfo',
    [REC_GPS]: 'GPSInfo',
  }
  const records = new Map<number, Buffer>()
  let rawHeaderOnly: Buffer | undefined
  for (const e of entries) {
    if (!(e.type in names) || records.has(e.type)) continue
    const name = names[e.type]
    if (overlapsHole(e, holes)) {
      warnings.push({
        code: 'thermal-segment-missing',
        message: `FLIR ${name} record lies (partly) in a missing APP1 part; not read.`,
      })
      // The raw image's declared size may still sit in bytes that survived.
      const head = { ...e, length: 0x20 }
      if (e.type === REC_RAW && e.offset + 0x20 <= fff.length && !overlapsHole(head, holes)) {
        rawHeaderOnly = fff.subarray(e.offset, e.offset + 0x20)
      }
      continue
    }
    if (e.offset >= fff.length) {
      warnings.push({
        code: 'thermal-truncated',
        message: `FLIR ${name} record starts at ${e.offset}, past the end of the ${fff.length}-byte FLIR data.`,
      })
      continue
    }
    const end = e.offset + e.length
    if (end > fff.length) {
      warnings.push({
        code: 'thermal-truncated',
        message: `FLIR ${name} record declares ${e.length} bytes but only ${fff.length - e.offset} are present; read as far as it goes.`,
      })
    }
    records.set(e.type, fff.subarray(e.offset, Math.min(end, fff.length)))
  }

  let camSize: { width?: number; height?: number } = {}
  const cam = records.get(REC_CAMERA)
  if (cam) {
    const info = readCameraInfo(recordReader(cam, le))
    result.camera = info.camera
    camSize = { width: info.width, height: info.height }
    if (info.params) result.params = info.params
    else {
      warnings.push({
        code: 'metadata-unreadable',
        message: `FLIR CameraInfo lacks ${info.missing.join(', ')}; temperatures cannot be computed.`,
      })
    }
  } else if (!warnings.some((w) => /CameraInfo/.test(w.message))) {
    warnings.push({
      code: 'metadata-unreadable',
      message: 'FLIR data has no CameraInfo record; temperatures cannot be computed.',
    })
  }

  const rawRec = records.get(REC_RAW)
  if (rawRec) {
    const { raw, declared } = readRaw(
      recordReader(rawRec, le),
      camSize,
      result.camera.rawValueMedian,
      warnings,
    )
    if (raw) result.raw = raw
    if (declared) result.declaredRawSize = declared
  } else {
    if (!warnings.some((w) => /RawData/.test(w.message))) {
      warnings.push({
        code: 'thermal-segment-missing',
        message: 'FLIR data has no RawData record; there is no thermal image.',
      })
    }
    // Keep the size the file declares: the RawData header if it survived, else CameraInfo's.
    const hr = rawHeaderOnly ? recordReader(rawHeaderOnly, le) : undefined
    const w = hr?.u16(0x02) ?? camSize.width
    const h = hr?.u16(0x04) ?? camSize.height
    if (w && h) result.declaredRawSize = { width: w, height: h }
  }

  const emb = records.get(REC_EMBEDDED)
  if (emb) {
    const visible = readEmbedded(recordReader(emb, le))
    if (visible) result.visible = visible
  }
  const gpsRec = records.get(REC_GPS)
  if (gpsRec) {
    const gps = readGps(gpsRec)
    if (gps) result.gps = gps
  }
  return result
}
