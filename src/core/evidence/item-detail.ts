import type { EvidenceItem, ItemDetail, Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { listCustodyEvents } from '../custody/custody-log'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { getItem, itemSources } from './item-repository'

/** An item by id or evidence number; throws EvidenceError('not-found') when the case has none. */
export function findItem(db: ReadableDB, idOrNumber: string): EvidenceItem {
  const item = getItem(db, idOrNumber)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${idOrNumber} in this case.`)
  return item
}

/** An item with every source path it was seen at and its custody events, oldest first. */
export function itemDetail(db: ReadableDB, item: EvidenceItem): ItemDetail {
  return { item, sources: itemSources(db, item.id), custody: listCustodyEvents(db, 0, 10_000, item.id) }
}

/** Records that an officer opened an item in a viewer (a custody event; the case must be writable). */
export function recordViewed(file: CaseFile, item: EvidenceItem, actor: Officer, clock: Clock): void {
  file.record(actor, clock(), { action: 'viewed', itemId: item.id, details: { number: item.number } })
}
