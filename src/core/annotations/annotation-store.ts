import { randomUUID } from 'node:crypto'
import type { Annotation, AnnotationType, Officer } from '../../shared/types'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { getItem } from '../evidence/item-repository'
import { checkCitation } from './anchor-fit'
import { getAnnotation } from './annotation-rows'

export { getAnnotation, listAnnotations } from './annotation-rows'

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
