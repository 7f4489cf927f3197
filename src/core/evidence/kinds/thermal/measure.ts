/**
 * A measurement on a thermal image: statistics over a spot, box or line, computed from the
 * original with the file's calibration or with the officer's overrides for this measurement
 * only, and saved as an annotation (with its custody event). Nothing else changes: neither the
 * original nor the derived frame file.
 */
import type { Annotation, Officer, ThermalOverrides, ThermalShape } from '../../../../shared/types'
import { addAnnotation } from '../../../annotations/annotation-store'
import type { CaseFile, Clock } from '../../../case/case-file'
import { EvidenceError } from '../../../errors'
import { regionStats, toCelsius } from './radiometry'
import { shapeToRegion } from './shape'

export { MAX_SPOT_RADIUS, shapeToRegion } from './shape'
import { decodeItem, rangeWarning, thermalItem, toThermalStats } from './frame'

export interface MeasureRequest {
  itemId: string
  shape: ThermalShape
  overrides?: ThermalOverrides
  note?: string
}

function definedOverrides(o: ThermalOverrides | undefined): ThermalOverrides | null {
  if (!o) return null
  const out: ThermalOverrides = {}
  if (o.emissivity !== undefined) out.emissivity = o.emissivity
  if (o.objectDistance !== undefined) out.objectDistance = o.objectDistance
  if (o.reflectedTempC !== undefined) out.reflectedTempC = o.reflectedTempC
  return Object.keys(out).length ? out : null
}

/**
 * Measures a region of a thermal item and saves it as a 'measurement' annotation, whose `data`
 * holds the stats (°C, or raw counts for DJI and uncalibrated FLIR: `unit` 'raw', `relativeOnly`),
 * the overrides, every parameter used, the format and the original's sha256. Overrides apply to
 * this measurement only. Throws EvidenceError: 'not-found', 'invalid-input' (not thermal, shape
 * outside the frame, overrides on raw counts, no valid pixel), 'not-supported' (no thermal image).
 */
export async function measureThermal(
  file: CaseFile,
  req: MeasureRequest,
  actor: Officer,
  clock: Clock,
): Promise<Annotation> {
  const item = thermalItem(file, req.itemId)
  const decoded = await decodeItem(file, item)
  const overrides = definedOverrides(req.overrides)
  if (decoded.relativeOnly && overrides) {
    const why =
      decoded.format === 'dji'
        ? 'DJI R-JPEG values are raw sensor counts: absolute temperatures need the DJI Thermal SDK, so emissivity, distance and reflected temperature cannot be applied.'
        : 'This FLIR file has no usable calibration, so its values are raw counts and emissivity, distance and reflected temperature cannot be applied.'
    throw new EvidenceError('invalid-input', why, {
      fields: [{ path: 'overrides', code: 'thermal-overrides-relative', message: why }],
    })
  }
  if (!decoded.raw || !decoded.values) {
    throw new EvidenceError(
      'not-supported',
      `No thermal image could be read from ${item.number} (${item.originalName}), so nothing can be measured. ${decoded.warnings
        .map((w) => w.message)
        .join(' ')}`.trim(),
    )
  }
  const region = shapeToRegion(req.shape, decoded.width, decoded.height)

  let values = decoded.values
  let paramsUsed: Record<string, number> | null = null
  let overridden: string[] = []
  if (decoded.calibration) {
    if (overrides) {
      const converted = toCelsius(decoded.raw, decoded.calibration, overrides)
      values = converted.celsius
      paramsUsed = { ...converted.used }
      overridden = converted.overridden
    } else {
      paramsUsed = { ...decoded.calibration }
    }
  }
  const stats = regionStats(values, decoded.width, decoded.height, region)
  if (!stats) {
    throw new EvidenceError(
      'invalid-input',
      `No pixel in the ${req.shape.type} has a temperature the calibration can compute${overrides ? ' with these parameters' : ''}.`,
    )
  }
  const warning = rangeWarning(decoded, stats, `The ${req.shape.type}`)
  const data: Record<string, unknown> = {
    stats: toThermalStats(stats),
    pixelCount: stats.count,
    unit: decoded.relativeOnly ? 'raw' : '°C',
    relativeOnly: decoded.relativeOnly,
    overrides,
    overridden,
    paramsUsed,
    format: decoded.format,
    sha256: item.sha256,
    ...(warning ? { warnings: [warning] } : {}),
  }
  return addAnnotation(
    file,
    { itemId: item.id, type: 'measurement', anchor: { shape: req.shape }, note: req.note, data },
    actor,
    clock,
  )
}
