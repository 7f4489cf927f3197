/**
 * Thermal facts for the import pipeline: which radiometric format a JPEG is, its raw size, and
 * (FLIR only) the frame's min/max/mean temperature with the file's own parameters.
 */
import { open } from 'node:fs/promises'
import { EvidenceError } from '../../../errors'
import { listJpegSegments } from '../../extract/jpeg-segments'
import { parseDjiRjpeg } from './dji'
import { detectThermalJpeg, type ThermalFormat, type ThermalWarning } from './detect'
import { parseFlirJpeg } from './flir'
import { frameStats, paramProblems, toCelsius } from './radiometry'

export type { ThermalWarning, ThermalWarningCode, ThermalFormat } from './detect'
export * from './radiometry'

/** What the import pipeline stores as `meta.thermal`. Temperatures in °C. */
export interface ThermalMeta {
  format: ThermalFormat
  minC?: number
  maxC?: number
  meanC?: number
  /** the emissivity the file records (FLIR CameraInfo, DJI APP4) */
  emissivity?: number
  /** raw thermal image size; 0 when the file does not say */
  rawWidth: number
  rawHeight: number
  /** true for DJI: absolute temperatures need DJI's SDK, so only relative values are shown */
  relativeOnly?: boolean
}

export interface ThermalReading {
  /** `thermal` is absent when the file is not a radiometric JPEG */
  meta: { thermal?: ThermalMeta }
  warnings: ThermalWarning[]
  /** the camera's own record of the capture instant with its zone (FLIR CameraInfo), when it has one */
  cameraClock?: { utc: string; offsetMinutes: number }
}

/** Detection looks at this much; the whole header (up to SOS) is read when it is longer. */
const HEAD_BYTES = 2 * 1024 * 1024
/** Radiometric headers are a few MiB; refuse to buffer more than this for one. */
export const MAX_HEADER_BYTES = 64 * 1024 * 1024

/**
 * The JPEG header of `path` (everything up to SOS, within 64 MiB), read-only; `cut` when the
 * header runs past that cap. Throws EvidenceError ('not-found', 'io-error') when unreadable.
 */
export async function readThermalHeader(path: string): Promise<{ buf: Buffer; cut: boolean }> {
  let fh
  try {
    fh = await open(path, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new EvidenceError(
      code === 'ENOENT' ? 'not-found' : 'io-error',
      `Cannot open ${path} to read its thermal data (${code ?? 'error'}). Check that the file exists and is readable.`,
      { cause: err },
    )
  }
  try {
    const size = (await fh.stat()).size
    const readUpTo = async (n: number): Promise<Buffer> => {
      const want = Math.min(size, n)
      const b = Buffer.alloc(want)
      let got = 0
      while (got < want) {
        const { bytesRead } = await fh.read(b, got, want - got, got)
        if (bytesRead === 0) break
        got += bytesRead
      }
      return b.subarray(0, got)
    }
    let buf = await readUpTo(HEAD_BYTES)
    // Only when the header outgrows the first read: read on, within the cap.
    if (size > buf.length && listJpegSegments(buf).truncated) buf = await readUpTo(MAX_HEADER_BYTES)
    return { buf, cut: size > buf.length && listJpegSegments(buf).truncated }
  } catch (err) {
    throw new EvidenceError('io-error', `Reading ${path} failed while looking for thermal data.`, {
      cause: err,
    })
  } finally {
    await fh.close()
  }
}

/** The thermal facts in an already-read header (exported for callers that hold the bytes). Never throws. */
export function thermalFromBytes(buf: Buffer): ThermalReading {
  const format = detectThermalJpeg(buf.subarray(0, HEAD_BYTES))
  if (!format) return { meta: {}, warnings: [] }
  const warnings: ThermalWarning[] = []
  try {
    if (format === 'dji') {
      const dji = parseDjiRjpeg(buf)
      warnings.push(...dji.warnings)
      const thermal: ThermalMeta = {
        format,
        rawWidth: dji.raw?.width ?? 0,
        rawHeight: dji.raw?.height ?? 0,
        relativeOnly: true,
      }
      if (dji.params?.emissivity !== undefined) thermal.emissivity = dji.params.emissivity
      return { meta: { thermal }, warnings }
    }

    const flir = parseFlirJpeg(buf)
    warnings.push(...flir.warnings)
    const size = flir.raw ?? flir.declaredRawSize
    const thermal: ThermalMeta = { format, rawWidth: size?.width ?? 0, rawHeight: size?.height ?? 0 }
    if (flir.params && Number.isFinite(flir.params.emissivity)) thermal.emissivity = flir.params.emissivity
    if (flir.params && flir.raw) {
      const problems = paramProblems(flir.params)
      if (problems.length) {
        warnings.push({
          code: 'metadata-unreadable',
          message: `FLIR calibration unusable (${problems.join('; ')}); no temperatures computed.`,
        })
      } else {
        const { celsius, invalidCount } = toCelsius(flir.raw.data, flir.params)
        const stats = frameStats(celsius, flir.raw.width, flir.raw.height)
        if (stats) {
          thermal.minC = stats.minC
          thermal.maxC = stats.maxC
          thermal.meanC = stats.meanC
        }
        if (invalidCount > 0) {
          warnings.push({
            code: 'metadata-unreadable',
            message: `${invalidCount} of ${celsius.length} thermal pixels fall outside what the calibration can convert; they are left out of min/max/mean.`,
          })
        }
      }
    }
    const cameraClock = flir.camera.capturedAt
    return cameraClock ? { meta: { thermal }, warnings, cameraClock } : { meta: { thermal }, warnings }
  } catch (err) {
    // A parser bug must not lose the import: keep the image, say what failed.
    warnings.push({
      code: 'metadata-unreadable',
      message: `Thermal data could not be read: ${(err as Error).message}`,
    })
    return {
      meta: {
        thermal: { format, rawWidth: 0, rawHeight: 0, ...(format === 'dji' ? { relativeOnly: true } : {}) },
      },
      warnings,
    }
  }
}

/**
 * Thermal facts of the file at `path` for `meta.thermal` (°C; absent when not a radiometric
 * JPEG). Corrupt content never throws: it yields warnings. Throws EvidenceError ('not-found',
 * 'io-error') only when the file cannot be opened or read.
 */
export async function readThermal(path: string): Promise<ThermalReading> {
  const { buf, cut } = await readThermalHeader(path)
  const reading = thermalFromBytes(buf)
  if (cut && reading.meta.thermal) {
    reading.warnings.push({
      code: 'thermal-truncated',
      message: `The JPEG header is larger than ${MAX_HEADER_BYTES / 1048576} MiB; only that much was read.`,
    })
  }
  return reading
}
