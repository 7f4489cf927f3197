/**
 * DJI R-JPEG reader: the raw thermal matrix and the measurement parameters DJI stores beside it.
 *
 * Layout relied on (seen in the fixture files, and APP4 layouts as documented by ExifTool's DJI
 * tag tables; this code is our own):
 * - The matrix is width·height little-endian uint16 counts, row-major, split over consecutive
 *   APPn segments without an identifier: APP3 on H20T, M2EA, M3T, M30T (640×512 = 655 360 bytes);
 *   APP4 on the XT S, whose APP3 holds a separate 32 KiB block.
 * - APP4 parameters, when APP4 is not the matrix:
 *   - "ThermalParams" (H20T), magic AA 55 12 06: int16u at 0x44 object distance (m),
 *     0x46 relative humidity (%), 0x48 emissivity (%), 0x4a reflected temperature (0.1 °C),
 *     0x4c ambient temperature (°C);
 *   - "ThermalParams2" (M2EA, M3T, H20N, some M30T): float32 LE ambient °C, distance m,
 *     emissivity, humidity (fraction), reflected °C at +0, +4, +8, +12, +16, starting at 0 or
 *     after a 32-byte prefix; the bytes 2C 01 20 00 at start + 32 mark the layout;
 *   - "ThermalParams3" (some M30T), magic AA 55 38 00 (at 0 or after a 32-byte prefix):
 *     int16u at +4 humidity (%), +6 distance (0.1 m), +8 emissivity (%), +10 reflected (0.1 °C).
 * - The scaling of the H20T block (% and 0.1 °C) is inferred from ThermalParams3 and from the
 *   sample's values (100 → emissivity 1.00, 230 → 23.0 °C, DJI's documented defaults); ExifTool
 *   prints those fields unscaled.
 *
 * Turning counts into °C needs DJI's proprietary Thermal SDK, whose formula is not public. This
 * reader therefore never produces temperatures: the matrix is for relative display only.
 */
import type { ThermalWarning } from './detect'
import { djiCandidateSizes, djiRawRuns, readExifMakeModel, type DjiRawRun } from './detect'
import { listJpegSegments, segmentPayload } from '../../extract/jpeg-segments'

export interface DjiMeasureParams {
  /** which APP4 layout they came from */
  layout: 'thermal-params' | 'thermal-params2' | 'thermal-params3'
  /** metres */
  objectDistance?: number
  /** fraction 0..1 */
  relativeHumidity?: number
  emissivity?: number
  reflectedTempC?: number
  ambientTempC?: number
}

export interface DjiThermal {
  format: 'dji'
  /** absent when the matrix is missing or damaged */
  raw?: { width: number; height: number; data: Uint16Array }
  /** always true: absolute temperatures need DJI's SDK */
  relativeOnly: true
  params?: DjiMeasureParams
  /** APP3 or APP4: where the matrix was found */
  rawSegment?: 'APP3' | 'APP4'
  camera: { make?: string; model?: string }
  warnings: ThermalWarning[]
}

function runBuffer(buf: Buffer, run: DjiRawRun): Buffer {
  return Buffer.concat(run.segments.map((s) => segmentPayload(buf, s)))
}

const finite = (v: number): number | undefined => (Number.isFinite(v) ? v : undefined)

/** Reads one of the three known APP4 parameter layouts; undefined when none matches. */
export function readDjiParams(app4: Buffer): DjiMeasureParams | undefined {
  if (app4.length >= 0x4e && app4.readUInt32BE(0) === 0xaa551206) {
    return {
      layout: 'thermal-params',
      objectDistance: app4.readUInt16LE(0x44),
      relativeHumidity: app4.readUInt16LE(0x46) / 100,
      emissivity: app4.readUInt16LE(0x48) / 100,
      reflectedTempC: app4.readUInt16LE(0x4a) / 10,
      ambientTempC: app4.readUInt16LE(0x4c),
    }
  }
  for (const start of [0, 32]) {
    if (app4.length >= start + 12 && app4.readUInt32BE(start) === 0xaa553800) {
      return {
        layout: 'thermal-params3',
        relativeHumidity: app4.readUInt16LE(start + 4) / 100,
        objectDistance: app4.readUInt16LE(start + 6) / 10,
        emissivity: app4.readUInt16LE(start + 8) / 100,
        reflectedTempC: app4.readUInt16LE(start + 10) / 10,
      }
    }
  }
  const marker = Buffer.from([0x2c, 0x01, 0x20, 0x00])
  for (const start of [0, 32]) {
    if (app4.length >= start + 36 && app4.subarray(start + 32, start + 36).equals(marker)) {
      const p: DjiMeasureParams = {
        layout: 'thermal-params2',
        ambientTempC: finite(app4.readFloatLE(start)),
        objectDistance: finite(app4.readFloatLE(start + 4)),
        emissivity: finite(app4.readFloatLE(start + 8)),
        relativeHumidity: finite(app4.readFloatLE(start + 12)),
        reflectedTempC: finite(app4.readFloatLE(start + 16)),
      }
      for (const k of Object.keys(p) as Array<keyof DjiMeasureParams>) if (p[k] === undefined) delete p[k]
      return p
    }
  }
  return undefined
}

/**
 * Parses a DJI R-JPEG (whole file, or at least everything before SOS). Never throws on bad
 * bytes: a damaged matrix is left out and explained in `warnings`; no temperatures are made.
 */
export function parseDjiRjpeg(buf: Buffer): DjiThermal {
  const warnings: ThermalWarning[] = []
  const list = listJpegSegments(buf)
  const { make, model } = readExifMakeModel(buf, list)
  const result: DjiThermal = {
    format: 'dji',
    relativeOnly: true,
    camera: { ...(make ? { make } : {}), ...(model ? { model } : {}) },
    warnings,
  }
  if (list.truncated || list.malformed) {
    warnings.push({
      code: list.truncated ? 'thermal-truncated' : 'metadata-unreadable',
      message: `JPEG header ${list.truncated ? 'is cut short' : 'is damaged'} (${list.problem ?? 'unknown'}); only the segments before that point were read.`,
    })
  }
  const runs = djiRawRuns(buf, list)
  const sizes = djiCandidateSizes(buf, list)
  let matrix: DjiRawRun | undefined
  let size: { width: number; height: number } | undefined
  // APP3 first (the usual place), then APP4 (XT S).
  for (const marker of [0xe3, 0xe4]) {
    for (const run of runs.filter((r) => r.marker === marker && !r.truncated)) {
      size = sizes.find((s) => s.width * s.height * 2 === run.bytes)
      if (size) {
        matrix = run
        break
      }
    }
    if (matrix) break
  }

  if (matrix && size) {
    const bytes = runBuffer(buf, matrix)
    const data = new Uint16Array(size.width * size.height)
    for (let i = 0; i < data.length; i++) data[i] = bytes.readUInt16LE(2 * i)
    result.raw = { width: size.width, height: size.height, data }
    result.rawSegment = matrix.marker === 0xe3 ? 'APP3' : 'APP4'
  } else {
    const expect = sizes[0]
    const biggest = [...runs].sort((a, b) => b.bytes - a.bytes)[0]
    const want = expect.width * expect.height * 2
    if (!biggest) {
      warnings.push({
        code: 'thermal-segment-missing',
        message: 'No DJI raw thermal segments (APP3/APP4) found.',
      })
    } else if (biggest.truncated) {
      warnings.push({
        code: 'thermal-truncated',
        message: `DJI raw thermal data is cut short: ${biggest.bytes} of ${want} bytes (${expect.width}×${expect.height}) present.`,
      })
    } else {
      const lost = want - biggest.bytes
      const wholeSegments = lost > 0 && lost % 65532 === 0
      warnings.push({
        code: wholeSegments ? 'thermal-segment-missing' : 'thermal-size-mismatch',
        message: wholeSegments
          ? `DJI raw thermal data is ${lost / 65532} segment(s) short: ${biggest.bytes} of ${want} bytes for ${expect.width}×${expect.height}.`
          : `DJI raw thermal data holds ${biggest.bytes} bytes, which fits no known size (${expect.width}×${expect.height} needs ${want}).`,
      })
    }
  }

  // Parameters: the first APP4 segment, unless APP4 is where the matrix is.
  if (result.rawSegment !== 'APP4') {
    const app4 = list.segments.find((s) => s.marker === 0xe4)
    if (app4) {
      const params = readDjiParams(segmentPayload(buf, app4))
      if (params) result.params = params
    }
  }
  return result
}
