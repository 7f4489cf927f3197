/** Checks several kinds share for "does this anchor lie inside the item": a problem in words, or null. */
import type { QuoteAnchor, RegionAnchor } from '../../shared/citations'
import { KIND_DEFINITIONS } from '../../shared/kinds'
import type { EvidenceItem } from '../../shared/types'
import type { ReadableDB } from '../db/database'
import { getItem } from '../evidence/item-repository'

/** Media times are kept to the millisecond; a range may end this much past the recorded duration. */
const DURATION_SLACK_SEC = 1e-3

export const itemLabel = (item: EvidenceItem): string => `${item.number} (${item.originalName})`

/** A time (or range) in media seconds inside the item's recorded duration. */
export function insideDuration(item: EvidenceItem, start: number, end?: number): string | null {
  if (item.durationSec === null)
    return `${itemLabel(item)} has no known duration, so a time in it cannot be checked.`
  const last = end ?? start
  if (last > item.durationSec + DURATION_SLACK_SEC)
    return `${itemLabel(item)} plays for ${item.durationSec} s; the range ${start}–${last} s runs past its end.`
  return null
}

/** A rectangle in displayed pixels inside the item's displayed size. */
export function insideImage(item: EvidenceItem, a: RegionAnchor): string | null {
  if (item.width === null || item.height === null)
    return `${itemLabel(item)} has no known size, so a region in it cannot be checked.`
  if (a.x + a.w > item.width || a.y + a.h > item.height)
    return `The region ${a.x},${a.y},${a.w},${a.h} reaches outside ${itemLabel(item)}, which is ${item.width}×${item.height} pixels.`
  return null
}

/** The text the import indexed for an item (quotes count their offsets in it); null when it has none. */
export function indexedText(db: ReadableDB, itemId: string): string | null {
  const row = db.prepare('SELECT body FROM items_fts WHERE item_id = ?').get(itemId) as
    { body: string } | undefined
  return row?.body ? row.body : null
}

/** Quoted words that are exactly the indexed text at their offsets, said (if given) inside a recording of the case. */
export function quoteFits(item: EvidenceItem, a: QuoteAnchor, db: ReadableDB): string | null {
  const text = indexedText(db, item.id)
  if (text === null) return `${itemLabel(item)} has no text to quote.`
  if (a.end > text.length)
    return `The quote runs to character ${a.end}, past the end of the text of ${itemLabel(item)} (${text.length} characters).`
  if (text.slice(a.start, a.end) !== a.text)
    return `The quoted words are not the text of ${itemLabel(item)} at characters ${a.start}–${a.end}; copy them exactly as they stand.`
  if (!a.saidAt) return null
  const recording = getItem(db, a.saidAt.itemId)
  if (!recording || recording.id !== a.saidAt.itemId)
    return `The recording ${a.saidAt.itemId} the quote points to is not in this case.`
  if (!(KIND_DEFINITIONS[recording.kind].anchors as readonly string[]).includes('time-range'))
    return `${itemLabel(recording)} is not a recording, so the quote cannot point to a time in it.`
  return insideDuration(recording, a.saidAt.start, a.saidAt.end)
}
