/**
 * One thermal original decoded into what the viewer and measurements work on: the pixel values
 * (°C for FLIR with a usable calibration, raw counts otherwise), the parameters the file records
 * by name, and the embedded visible photo. The original is only read.
 */
import type { ItemWarning } from '../../../../shared/types'
import { parseDjiRjpeg, type DjiMeasureParams } from './dji'
import { detectThermalJpeg, type ThermalFormat } from './detect'
import { parseFlirJpeg, type FlirVisible } from './flir'
import { MAX_HEADER_BYTES, readThermalHeader } from './reading'
import { paramProblems, toCelsius, type RadiometricParams } from './radiometry'

export interface DecodedThermal {
  format: ThermalFormat
  /** raw thermal size; 0 when the file does not say */
  width: number
  height: number
  /** row-major raw counts; null when no thermal image could be read */
  raw: Uint16Array | null
  /** °C when `relativeOnly` is false, else the raw counts as floats; null with `raw` */
  values: Float32Array | null
  /** true when values are raw counts: DJI always, FLIR when its calibration is unusable */
  relativeOnly: boolean
  /** the FLIR calibration, only when it can turn counts into °C */
  calibration: RadiometricParams | null
  /** every number the file records for measuring, by name (DJI's are recorded, never applied) */
  params: Record<string, number> | null
  /** the camera's calibrated measuring range, °C (FLIR) */
  rangeC: { min: number; max: number } | null
  visible: FlirVisible | null
  warnings: ItemWarning[]
}

function numbersOf(o: object): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v
  return out
}

function emptyDecoded(format: ThermalFormat, warnings: ItemWarning[]): DecodedThermal {
  return {
    format,
    width: 0,
    height: 0,
    raw: null,
    values: null,
    relativeOnly: format === 'dji',
    calibration: null,
    params: null,
    rangeC: null,
    visible: null,
    warnings,
  }
}

function decodeDji(buf: Buffer): DecodedThermal {
  const dji = parseDjiRjpeg(buf)
  const out = emptyDecoded('dji', [...dji.warnings])
  if (dji.params) {
    const { layout: _layout, ...rest } = dji.params as DjiMeasureParams
    out.params = numbersOf(rest)
  }
  if (dji.raw) {
    out.width = dji.raw.width
    out.height = dji.raw.height
    out.raw = dji.raw.data
    out.values = Float32Array.from(dji.raw.data)
  }
  return out
}

function decodeFlir(buf: Buffer): DecodedThermal {
  const flir = parseFlirJpeg(buf)
  const out = emptyDecoded('flir', [...flir.warnings])
  const size = flir.raw ?? flir.declaredRawSize
  out.width = size?.width ?? 0
  out.height = size?.height ?? 0
  out.visible = flir.visible ?? null
  const { rangeMinC, rangeMaxC } = flir.camera
  if (rangeMinC !== undefined && rangeMaxC !== undefined && rangeMaxC > rangeMinC)
    out.rangeC = { min: rangeMinC, max: rangeMaxC }
  if (flir.params) {
    out.params = numbersOf(flir.params)
    if (out.rangeC) {
      out.params.cameraRangeMinC = out.rangeC.min
      out.params.cameraRangeMaxC = out.rangeC.max
    }
  }
  if (!flir.raw) return out
  out.raw = flir.raw.data
  const problems = flir.params ? paramProblems(flir.params) : ['no calibration in the file']
  if (flir.params && problems.length === 0) {
    const { celsius, invalidCount } = toCelsius(flir.raw.data, flir.params)
    out.values = celsius
    out.calibration = flir.params
    if (invalidCount > 0) {
      out.warnings.push({
        code: 'metadata-unreadable',
        message: `${invalidCount} of ${celsius.length} thermal pixels fall outside what the calibration can convert; they show as gaps and are left out of min/max/mean.`,
      })
    }
  } else {
    // Without a usable calibration the counts still show where it is warmer: keep them, say so.
    out.values = Float32Array.from(flir.raw.data)
    out.relativeOnly = true
    out.warnings.push({
      code: 'thermal-relative-only',
      message: `FLIR calibration unusable (${problems.join('; ')}); values are raw sensor counts, not temperatures.`,
    })
  }
  return out
}

/**
 * Decodes the thermal original at `path` (only its JPEG header is read), or one held in memory.
 * Damaged content never throws: what cannot be read is left out and explained in `warnings`. Throws EvidenceError
 * ('not-found', 'io-error') when the file cannot be opened or read. `knownFormat` (from the
 * item's import metadata) is used when the header no longer identifies the format.
 */
export async function decodeThermalFile(
  /** the file, or the whole original already in memory */
  path: string | Buffer,
  knownFormat: ThermalFormat | null,
): Promise<DecodedThermal | null> {
  const { buf, cut } = typeof path === 'string' ? await readThermalHeader(path) : { buf: path, cut: false }
  const format = detectThermalJpeg(buf.subarray(0, 2 * 1024 * 1024)) ?? knownFormat
  if (!format) return null
  let decoded: DecodedThermal
  try {
    decoded = format === 'dji' ? decodeDji(buf) : decodeFlir(buf)
  } catch (err) {
    // A parser bug must not take the viewer down: show what failed instead.
    decoded = emptyDecoded(format, [
      { code: 'metadata-unreadable', message: `Thermal data could not be read: ${(err as Error).message}` },
    ])
  }
  if (cut) {
    decoded.warnings.push({
      code: 'thermal-truncated',
      message: `The JPEG header is larger than ${MAX_HEADER_BYTES / 1048576} MiB; only that much was read.`,
    })
  }
  return decoded
}
