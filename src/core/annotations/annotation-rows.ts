/**
 * Annotations as read from a case: the reading half of annotation-store.ts, kept apart so that
 * code which only reads them (the export, the violation links) does not load the citation
 * checks of every evidence kind, which bring all the extractors (and csv-parse) with them.
 */
import type { ReadableDB } from '../db/database'
import { readCitation } from '../../shared/citations'
import type { Annotation, AnnotationType } from '../../shared/types'

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
