import { formatLocalWithOffset, parseOffset } from '../../../shared/time-zone'
import type { EvidenceItem } from '../../../shared/types'

/** The warning codes that are about an item's capture time, shown with the time itself. */
export const TIME_WARNING_CODES = [
  'offset-assumed',
  'clock-mismatch',
  'time-from-filesystem',
  // monitoring data whose times carry no zone: read in the case zone, as a photo without an offset
  'monitoring-zone-assumed',
  'hj212-site-time',
] as const

/**
 * An ISO instant written with its own offset ("2021-05-24T02:00:00+08:00") as local time with that
 * offset; the offset in the string is the one recorded with the evidence, not the viewer's zone.
 */
export function formatIsoWithOwnOffset(iso: string): string {
  const m = /(Z|[+-]\d{2}:?\d{2})$/.exec(iso)
  const offset = m ? parseOffset(m[1]) : null
  return formatLocalWithOffset(iso, offset ?? 0)
}

/** The capture time as local time with the offset the source recorded; null when there is none. */
export function formatCapturedAt(item: Pick<EvidenceItem, 'capturedAt' | 'utcOffset'>): string | null {
  if (!item.capturedAt) return null
  const offset = item.utcOffset ? parseOffset(item.utcOffset) : null
  return offset === null
    ? formatIsoWithOwnOffset(item.capturedAt)
    : formatLocalWithOffset(item.capturedAt, offset)
}
