/** Materials the officer registers for the 附件 list: a scan imported as an item, or paper with its page count. */
import { randomUUID } from 'node:crypto'
import type { AttachmentInput } from '../../shared/api'
import type { Officer } from '../../shared/types'
import type { TransferAttachment } from '../../shared/transfer-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { assertWritable } from '../violations/writable'
import { nextOrdinal, removeListEntry } from './transfer-list'

interface AttachmentRow {
  id: string
  kind: TransferAttachment['kind']
  title: string
  reference: string
  item_id: string | null
  item_number: string | null
  copies: number
  pages: number
  created_at: string
  created_by_json: string
}

/** Registered attachments still on the list, in the order registered. */
export function listAttachments(db: ReadableDB): TransferAttachment[] {
  const rows = db
    .prepare(
      `SELECT a.*, i.number AS item_number FROM transfer_attachments a LEFT JOIN items i ON i.id = a.item_id
       WHERE a.removed_at IS NULL ORDER BY a.ordinal`,
    )
    .all() as AttachmentRow[]
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    reference: r.reference,
    itemId: r.item_id,
    itemNumber: r.item_number,
    copies: r.copies,
    pages: r.pages,
    createdAt: r.created_at,
    createdBy: JSON.parse(r.created_by_json) as Officer,
  }))
}

/**
 * Registers one attachment (custody event 'attachment-added'). Refuses 0 pages or copies and an
 * unknown item, each with a field error, before anything is written.
 */
export function addAttachment(
  file: CaseFile,
  input: AttachmentInput,
  actor: Officer,
  clock: Clock,
): TransferAttachment {
  assertWritable(file)
  if (input.pages < 1)
    throw new EvidenceError('invalid-input', `"${input.title}" needs a page count of at least 1.`, {
      fields: [{ path: 'pages', code: 'pages-min', message: 'at least 1 page' }],
    })
  if (input.copies < 1)
    throw new EvidenceError('invalid-input', `"${input.title}" needs at least 1 copy.`, {
      fields: [{ path: 'copies', code: 'copies-min', message: 'at least 1 copy' }],
    })
  let item: { id: string; number: string } | null = null
  if (input.itemId) {
    item =
      (file.db
        .prepare('SELECT id, number FROM items WHERE id = ? OR number = ?')
        .get(input.itemId, input.itemId) as { id: string; number: string } | undefined) ?? null
    if (!item)
      throw new EvidenceError(
        'invalid-input',
        `No evidence item ${input.itemId} in this case to link "${input.title}" to.`,
        {
          fields: [{ path: 'itemId', code: 'item-unknown', message: `No item ${input.itemId}` }],
        },
      )
  }
  const itemId = item?.id ?? null
  const itemNumber = item?.number ?? null
  const id = randomUUID()
  const at = clock()
  const ordinal = nextOrdinal(file.db, 'attachments')
  const createdBy = { name: actor.name, certNo: actor.certNo }
  file.record(
    actor,
    at,
    {
      action: 'attachment-added',
      itemId: itemId ?? undefined,
      details: {
        attachmentId: id,
        kind: input.kind,
        title: input.title,
        reference: input.reference,
        itemNumber,
        copies: input.copies,
        pages: input.pages,
      },
    },
    () => {
      file.db
        .prepare(
          `INSERT INTO transfer_attachments (id, ordinal, kind, title, reference, item_id, copies, pages, created_at, created_by_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          ordinal,
          input.kind,
          input.title,
          input.reference,
          itemId,
          input.copies,
          input.pages,
          at.toISOString(),
          JSON.stringify(createdBy),
        )
    },
  )
  return listAttachments(file.db).find((a) => a.id === id)!
}

/** Takes an attachment off the list with a reason; the row stays on record. */
export function removeAttachment(
  file: CaseFile,
  id: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): void {
  removeListEntry(file, 'attachments', id, reason, actor, clock)
}
