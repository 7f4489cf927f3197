import { randomUUID } from 'node:crypto'
import type { ReadableDB } from '../db/database'
import { readCitation } from '../../shared/citations'
import type { Annotation, AnnotationType, Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { getItem } from '../evidence/item-repository'
import { checkCitation } from './anchor-fit'

interface AnnotationRow {
  id: string
  item_id: string
  type: AnnotationType
  anchor_json: string
  note: string
  data_json: string
  author_name: string
  author_cert_no: string
  created_at: string
  withdrawn_at: string | null
  withdrawn_reason: string | null
}

function rowToAnnotation(r: AnnotationRow): Annotation {
  const anchor = JSON.parse(r.anchor_json) as unknown
  // A row from before the citation contract may hold an anchor that does not fit: kept, and said so.
  const read = readCitation(r.type, anchor)
  return {
    id: r.id,
    itemId: r.item_id,
    ...(read.citation ?? { type: r.type, anchor, anchorProblem: read.problem }),
    note: r.note,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
    author: { name: r.author_name, certNo: r.author_cert_no },
    createdAt: r.created_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
  }
}

export interface NewAnnotation {
  itemId: string
  type: AnnotationType
  /** checked here against its type's schema and against the item, whoever built it */
  anchor: unknown
  note?: string
  data?: Record<string, unknown>
}

/**
 * Records a citation or measurement and its custody event together. The item must exist and the
 * anchor must fit it (checkCitation): otherwise EvidenceError 'not-found' / 'invalid-input' and
 * nothing is written, neither the annotation nor its custody event.
 */
export function addAnnotation(file: CaseFile, a: NewAnnotation, actor: Officer, clock: Clock): Annotation {
  const item = getItem(file.db, a.itemId)
  if (!item)
    throw new EvidenceError(
      'not-found',
      `No evidence item ${a.itemId} in this case; the annotation was not saved.`,
    )
  const { type, anchor } = checkCitation(file.db, item, a.type, a.anchor)
  const id = randomUUID()
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'annotation-added',
      itemId: item.id,
      details: {
        annotationId: id,
        number: item.number,
        type,
        anchor,
        note: a.note ?? '',
        data: a.data ?? {},
      },
    },
    () => {
      file.db
        .prepare(
          `INSERT INTO annotations (id, item_id, type, anchor_json, note, data_json, author_name, author_cert_no, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          item.id,
          type,
          JSON.stringify(anchor),
          a.note ?? '',
          JSON.stringify(a.data ?? {}),
          actor.name,
          actor.certNo,
          at.toISOString(),
        )
    },
  )
  return getAnnotation(file.db, id)!
}

/** Withdraws an annotation (it stays on record with the reason); a custody event says who and why. */
export function withdrawAnnotation(
  file: CaseFile,
  id: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): Annotation {
  const existing = getAnnotation(file.db, id)
  if (!existing) throw new EvidenceError('not-found', `No annotation ${id} in this case.`)
  if (existing.withdrawnAt) return existing
  const at = clock()
  file.record(
    actor,
    at,
    { action: 'annotation-withdrawn', itemId: existing.itemId, details: { annotationId: id, reason } },
    () => {
      file.db
        .prepare('UPDATE annotations SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?')
        .run(at.toISOString(), reason, id)
    },
  )
  return getAnnotation(file.db, id)!
}

export function getAnnotation(db: ReadableDB, id: string): Annotation | null {
  const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined
  return row ? rowToAnnotation(row) : null
}

/** Annotations of one item (or of the case), oldest first; withdrawn ones only when asked. */
export function listAnnotations(
  db: ReadableDB,
  opts: { itemId?: string; includeWithdrawn?: boolean } = {},
): Annotation[] {
  const where: string[] = []
  const params: unknown[] = []
  if (opts.itemId) {
    where.push('item_id = ?')
    params.push(opts.itemId)
  }
  if (!opts.includeWithdrawn) where.push('withdrawn_at IS NULL')
  const sql = `SELECT * FROM annotations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, rowid`
  return (db.prepare(sql).all(...params) as AnnotationRow[]).map(rowToAnnotation)
}
