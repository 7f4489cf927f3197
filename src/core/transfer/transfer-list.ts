/**
 * What the transfer's lists (附件, 涉案物品) share: entries numbered in the order registered, and an
 * entry taken off with a reason as a custody event — the row stays on record, never deleted.
 */
import type { Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { assertWritable } from '../violations/writable'

/** Each list: its table, the column that names an entry, its removal action and the key its events use. */
const LISTS = {
  attachments: {
    table: 'transfer_attachments',
    label: 'title',
    removed: 'attachment-removed',
    idKey: 'attachmentId',
    noun: 'attachment',
  },
  seized: {
    table: 'seized_items',
    label: 'name',
    removed: 'seized-item-removed',
    idKey: 'seizedItemId',
    noun: 'seized item',
  },
} as const

export type TransferList = keyof typeof LISTS

/** The ordinal the next entry of a list takes (1 for the first). */
export function nextOrdinal(db: ReadableDB, list: TransferList): number {
  const { n } = db.prepare(`SELECT coalesce(max(ordinal), 0) AS n FROM ${LISTS[list].table}`).get() as {
    n: number
  }
  return n + 1
}

/** Takes an entry off its list with a reason (a custody event naming it); the row stays on record. */
export function removeListEntry(
  file: CaseFile,
  list: TransferList,
  id: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): void {
  assertWritable(file)
  const { table, label, removed, idKey, noun } = LISTS[list]
  const row = file.db
    .prepare(`SELECT ${label} AS label FROM ${table} WHERE id = ? AND removed_at IS NULL`)
    .get(id) as { label: string } | undefined
  if (!row) throw new EvidenceError('not-found', `No ${noun} ${id} on the list.`)
  const at = clock()
  file.record(actor, at, { action: removed, details: { [idKey]: id, [label]: row.label, reason } }, () => {
    file.db
      .prepare(`UPDATE ${table} SET removed_at = ?, removed_reason = ? WHERE id = ?`)
      .run(at.toISOString(), reason, id)
  })
}
