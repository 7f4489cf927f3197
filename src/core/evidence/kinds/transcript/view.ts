import type { ReadableDB } from '../../../db/database'
import type { TranscriptView } from '../../../../shared/types'
import { EvidenceError } from '../../../errors'
import { getItem } from '../../item-repository'

/**
 * A transcript's normalised text (as indexed at import) with its 问/答 turns and header; quotes
 * are cited by character offsets into exactly this text.
 */
export function transcriptView(db: ReadableDB, itemId: string): TranscriptView {
  const item = getItem(db, itemId)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${itemId} in this case.`)
  const row = db.prepare('SELECT body FROM items_fts WHERE item_id = ?').get(item.id) as
    { body: string } | undefined
  const meta = item.meta as {
    dialogue?: TranscriptView['turns']
    header?: Record<string, string>
    encoding?: string
    title?: string
  }
  if (!row || (item.kind !== 'transcript' && !row.body))
    throw new EvidenceError('invalid-input', `${item.number} has no text to show.`)
  return {
    itemId: item.id,
    text: row.body,
    turns: meta.dialogue ?? [],
    header: meta.header ?? {},
    encoding: meta.encoding ?? null,
    title: meta.title ?? null,
  }
}
