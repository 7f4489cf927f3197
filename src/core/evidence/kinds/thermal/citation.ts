import type { MeasurementAnchor } from '../../../../shared/citations'
import type { EvidenceItemOf } from '../../../../shared/types'
import { itemLabel } from '../../../annotations/anchor-bounds'
import { shapeToRegion } from './shape'

/** A spot, box or line inside the thermal frame the import read (raw pixels). */
export function measurementFits(item: EvidenceItemOf<'thermal'>, a: MeasurementAnchor): string | null {
  const reading = item.meta.thermal
  if (!reading || !(reading.rawWidth > 0) || !(reading.rawHeight > 0))
    return `${itemLabel(item)} has no thermal frame of known size to measure on.`
  try {
    shapeToRegion(a.shape, reading.rawWidth, reading.rawHeight)
    return null
  } catch (e) {
    return (e as Error).message
  }
}
