import type { TFunction } from 'i18next'
import type { AnnotationType } from '../../../../shared/types'
import { formatIsoWithOwnOffset } from '../../lib/item-time'
import { formatMediaTime } from '../viewers/video/playback'

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/**
 * A citation's anchor in words, the way the viewers show it: a time range as
 * "00:01:02.000–00:01:05.400", a quote as its text, a data range as pollutant and instants with
 * their recorded offset, a region in pixels. Null for the whole item; the raw JSON when the
 * anchor is not one this version knows, so nothing cited is ever hidden.
 */
export function anchorText(
  type: AnnotationType | null,
  anchor: Record<string, unknown> | null,
  t: TFunction,
): string | null {
  if (!type || !anchor) return null
  switch (type) {
    case 'time-range': {
      const start = num(anchor.start)
      const end = num(anchor.end)
      if (start !== null && end !== null) return `${formatMediaTime(start)}–${formatMediaTime(end)}`
      break
    }
    case 'quote': {
      const text = str(anchor.text)
      if (text !== null) return `“${text}”`
      break
    }
    case 'data-range': {
      const pollutant = str(anchor.pollutant)
      const start = str(anchor.start)
      const end = str(anchor.end)
      if (pollutant !== null && start !== null && end !== null)
        return `${pollutant} · ${formatIsoWithOwnOffset(start)} — ${formatIsoWithOwnOffset(end)}`
      break
    }
    case 'region': {
      const [x, y, w, h] = [anchor.x, anchor.y, anchor.w, anchor.h].map(num)
      if (x !== null && y !== null && w !== null && h !== null)
        return t('violations.links.region', {
          x: Math.round(x),
          y: Math.round(y),
          w: Math.round(w),
          h: Math.round(h),
        })
      break
    }
    case 'measurement': {
      const shape = anchor.shape as { type?: unknown } | undefined
      const kind = shape && typeof shape.type === 'string' ? shape.type : '?'
      return t('violations.links.measurement', { shape: kind })
    }
  }
  return JSON.stringify(anchor)
}
