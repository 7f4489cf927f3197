/** Reading a saved measurement annotation, and naming its shape, for display. */
import type { TFunction } from 'i18next'
import { isCited, type Annotation, type ThermalOverrides, type ThermalShape } from '../../../../shared/types'
import type { MessageKey } from '../../i18n/keys'

const SHAPE_TEXT: Record<ThermalShape['type'], MessageKey> = {
  spot: 'thermal:measure.shape.spot',
  box: 'thermal:measure.shape.box',
  line: 'thermal:measure.shape.line',
}

export function shapeText(shape: ThermalShape, t: TFunction): string {
  return t(SHAPE_TEXT[shape.type], { ...shape })
}

export interface MeasurementView {
  shape: ThermalShape | null
  minC: number | null
  maxC: number | null
  meanC: number | null
  pixelCount: number | null
  relativeOnly: boolean
  overrides: ThermalOverrides | null
  outOfRange: boolean
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function isShape(v: unknown): v is ThermalShape {
  const t = (v as { type?: unknown } | null)?.type
  return t === 'spot' || t === 'box' || t === 'line'
}

/** What the backend stored in a measurement's anchor and data; defensive, as stored JSON may be old. */
export function readMeasurement(a: Annotation): MeasurementView {
  const d = a.data as Record<string, unknown>
  const stats = (d.stats ?? {}) as Record<string, unknown>
  const overrides = d.overrides && typeof d.overrides === 'object' ? (d.overrides as ThermalOverrides) : null
  const warnings = Array.isArray(d.warnings) ? (d.warnings as Array<{ code?: unknown }>) : []
  return {
    shape: isCited(a, 'measurement') && isShape(a.anchor.shape) ? a.anchor.shape : null,
    minC: num(stats.minC),
    maxC: num(stats.maxC),
    meanC: num(stats.meanC),
    pixelCount: num(d.pixelCount),
    relativeOnly: d.relativeOnly === true || d.unit === 'raw',
    overrides: overrides && Object.keys(overrides).length ? overrides : null,
    outOfRange: warnings.some((w) => w.code === 'thermal-out-of-range'),
  }
}
