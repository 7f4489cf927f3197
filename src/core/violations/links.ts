import { randomUUID } from 'node:crypto'
import type { Officer } from '../../shared/types'
import type { ViolationLink } from '../../shared/violation-types'
import { getAnnotation } from '../annotations/annotation-rows'
import type { CaseFile, Clock } from '../case/case-file'
import { EvidenceError } from '../errors'
import { getItem } from '../evidence/item-repository'
import { getLink } from './link-rows'
import { assertWritable } from './writable'
import { requireViolation } from './violation-store'

export interface LinkRequest {
  violationId: string
  /** the item's id or its number (E001) */
  itemId: string
  /** a citation on that item; left out to link the whole item */
  annotationId?: string
  /** what this evidence proves for the violation */
  note: string
}

/**
 * Links evidence (a whole item or one of its citations) to a violation, with a note saying what
 * it proves, and records 'evidence-linked' on the item. Refused: a missing or withdrawn
 * violation, a missing item, a citation that is missing, belongs to another item or was
 * withdrawn, and a link that already stands.
 */
export function linkEvidence(file: CaseFile, req: LinkRequest, actor: Officer, clock: Clock): ViolationLink {
  assertWritable(file)
  const violation = requireViolation(file.db, req.violationId)
  if (violation.withdrawnAt)
    throw new EvidenceError(
      'refused',
      `Violation ${violation.number} was withdrawn; evidence can no longer be linked to it.`,
    )
  const item = getItem(file.db, req.itemId)
  if (!item)
    throw new EvidenceError('not-found', `No evidence item ${req.itemId} in this case; nothing was linked.`)
  const annotationId = req.annotationId ? req.annotationId : null
  const annotation = annotationId ? getAnnotation(file.db, annotationId) : null
  if (annotationId) {
    if (!annotation)
      throw new EvidenceError('not-found', `No citation ${annotationId} in this case; nothing was linked.`)
    if (annotation.itemId !== item.id)
      throw new EvidenceError(
        'invalid-input',
        `Citation ${annotationId} belongs to another evidence item, not to ${item.number}; nothing was linked.`,
      )
    if (annotation.withdrawnAt)
      throw new EvidenceError(
        'refused',
        `The ${annotation.type} citation ${annotationId} on ${item.number} was withdrawn (${annotation.withdrawnReason ?? ''}); link a citation that stands.`,
      )
  }
  const duplicate = violation.links.find(
    (l) => l.removedAt === null && l.itemId === item.id && l.annotationId === annotationId,
  )
  if (duplicate)
    throw new EvidenceError(
      'refused',
      `${annotationId ? `This citation on ${item.number}` : item.number} is already linked to ${violation.number}; edit nothing, or unlink it first.`,
    )
  const id = randomUUID()
  const at = clock()
  const anchor = annotation ? annotation.anchor : null
  file.record(
    actor,
    at,
    {
      action: 'evidence-linked',
      itemId: item.id,
      details: {
        linkId: id,
        violationId: violation.id,
        violationNumber: violation.number,
        number: item.number,
        annotationId,
        annotationType: annotation?.type ?? null,
        anchor,
        note: req.note,
      },
    },
    () => {
      file.db
        .prepare(
          `INSERT INTO violation_links (id, violation_id, item_id, annotation_id, anchor_json, note, created_at, created_by_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          violation.id,
          item.id,
          annotationId,
          anchor ? JSON.stringify(anchor) : null,
          req.note,
          at.toISOString(),
          JSON.stringify(actor),
        )
    },
  )
  return getLink(file.db, id)!
}

/** Removes a link with a reason (it stays on record); records 'evidence-unlinked' on the item. */
export function unlinkEvidence(
  file: CaseFile,
  linkId: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): ViolationLink {
  assertWritable(file)
  const link = getLink(file.db, linkId)
  if (!link) throw new EvidenceError('not-found', `No link ${linkId} in this case.`)
  if (link.removedAt) return link
  const violation = requireViolation(file.db, link.violationId)
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'evidence-unlinked',
      itemId: link.itemId,
      details: {
        linkId,
        violationId: violation.id,
        violationNumber: violation.number,
        number: link.itemNumber,
        annotationId: link.annotationId,
        reason,
      },
    },
    () => {
      file.db
        .prepare('UPDATE violation_links SET removed_at = ?, removed_reason = ? WHERE id = ?')
        .run(at.toISOString(), reason, linkId)
    },
  )
  return getLink(file.db, linkId)!
}
